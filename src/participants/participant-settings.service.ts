import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { notFound } from '../common/errors/domain-error.js';
import type { ParticipantSettingsDto } from './dto/participant-settings.dto.js';
import type { ParticipantSettingsResponse } from './dto/participant-settings.response.js';

interface SettingsRow {
  event_id: string;
  registration_open: boolean;
  retention_until: string | null;
  public_list: boolean;
}

const toResponse = (r: SettingsRow): ParticipantSettingsResponse => ({
  eventId: r.event_id,
  registrationOpen: r.registration_open,
  retentionUntil: r.retention_until,
  publicList: r.public_list,
});

/** Per event: registration open, retention date, public list. An event without a row has the defaults (open, no date, not public). */
@Injectable()
export class ParticipantSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(eventId: string): Promise<ParticipantSettingsResponse> {
    const [row] = await this.dataSource.query<Array<SettingsRow & { exists: boolean }>>(
      `SELECT e.id AS event_id, coalesce(s.registration_open, true) AS registration_open, s.retention_until::text AS retention_until,
              coalesce(s.public_list, false) AS public_list
       FROM events e LEFT JOIN participant_settings s ON s.event_id = e.id WHERE e.id = $1`,
      [eventId],
    );
    if (!row) throw notFound('Event');
    return toResponse(row);
  }

  /** Fields not given keep their value; one upsert. */
  async put(eventId: string, dto: ParticipantSettingsDto): Promise<ParticipantSettingsResponse> {
    const [event] = await this.dataSource.query<unknown[]>(`SELECT 1 FROM events WHERE id = $1`, [eventId]);
    if (!event) throw notFound('Event');
    const [row] = await this.dataSource.query<SettingsRow[]>(
      `INSERT INTO participant_settings AS s (event_id, registration_open, retention_until, public_list)
       VALUES ($1, coalesce($2, true), $3::date, coalesce($4, false))
       ON CONFLICT (event_id) DO UPDATE SET
         registration_open = coalesce($2, s.registration_open),
         retention_until = CASE WHEN $5 THEN $3::date ELSE s.retention_until END,
         public_list = coalesce($4, s.public_list)
       RETURNING event_id, registration_open, retention_until::text AS retention_until, public_list`,
      [eventId, dto.registrationOpen ?? null, dto.retentionUntil ?? null, dto.publicList ?? null, dto.retentionUntil !== undefined],
    );
    return toResponse(row);
  }
}
