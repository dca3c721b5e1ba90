import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { ConflictAcknowledgement } from './conflict-acknowledgement.entity.js';
import { ConflictSetting } from './conflict-setting.entity.js';
import { countBySeverity } from './conflict-views.js';
import { DEFAULT_SEVERITIES } from './conflict-types.js';
import type { AcknowledgedConflictsResponse } from './dto/acknowledged-conflicts.response.js';
import type { ConflictSettingsDto } from './dto/conflict-settings.dto.js';
import type { ConflictSettingsResponse } from './dto/conflict-setting.response.js';
import { ADJUSTABLE_CONFLICT_CODES, ConflictResponse, type ConflictReportResponse } from './dto/conflict.response.js';
import type { ListConflictsQuery } from './dto/list-conflicts.query.js';
import { ProgrammeConflictsService } from './programme-conflicts.service.js';
import { loadProgrammeEvent } from './programme-references.js';

/** The organisers' side of conflicts: the report, the severity of each code, acknowledgements of warnings. */
@Injectable()
export class ConflictSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conflicts: ProgrammeConflictsService,
  ) {}

  /** Every conflict (filtered by severity and code), with counts per severity over all of them. */
  async report(eventId: string, query: ListConflictsQuery): Promise<ConflictReportResponse> {
    const report = await this.conflicts.report(eventId);
    const items = report.conflicts
      .filter((c) => (!query.severity || c.severity === query.severity) && (!query.code || c.code === query.code))
      .map((c) => ConflictResponse.from(c, report.timeZone, report.names));
    return { counts: countBySeverity(report.conflicts), blocking: report.blocking.length, total: items.length, items };
  }

  async settings(eventId: string): Promise<ConflictSettingsResponse> {
    await loadProgrammeEvent(this.dataSource.manager, eventId);
    const rows = await this.dataSource.manager.find(ConflictSetting, { where: { eventId } });
    const set = new Map(rows.map((r) => [r.code, r.severity]));
    return {
      items: ADJUSTABLE_CONFLICT_CODES.map((code) => ({
        code,
        severity: set.get(code) ?? DEFAULT_SEVERITIES[code],
        defaultSeverity: DEFAULT_SEVERITIES[code],
        custom: set.has(code),
      })),
    };
  }

  /** Replaces the event's settings: the codes given take their severity, the others their default. */
  async replaceSettings(eventId: string, dto: ConflictSettingsDto): Promise<ConflictSettingsResponse> {
    await this.dataSource.transaction(async (em) => {
      await loadProgrammeEvent(em, eventId);
      await em.delete(ConflictSetting, { eventId });
      const rows = ADJUSTABLE_CONFLICT_CODES.flatMap((code) => (dto[code] ? [{ eventId, code, severity: dto[code] }] : []));
      if (rows.length) await em.insert(ConflictSetting, rows);
    });
    return this.settings(eventId);
  }

  /**
   * Acknowledges current conflicts by key: 422 UNKNOWN_CONFLICT_KEYS lists keys that name no current
   * conflict, 422 CONFLICT_NOT_ACKNOWLEDGEABLE those of severity error (fix them, or lower their
   * severity). Acknowledging twice is harmless.
   */
  async acknowledge(eventId: string, keys: string[], userId: string): Promise<AcknowledgedConflictsResponse> {
    return this.dataSource.transaction(async (em) => {
      const report = await this.conflicts.report(eventId, em);
      const byKey = new Map(report.conflicts.map((c) => [c.key, c]));
      const wanted = [...new Set(keys)];
      const unknown = wanted.filter((k) => !byKey.has(k));
      if (unknown.length) throw new DomainError(422, 'UNKNOWN_CONFLICT_KEYS', `${unknown.length} key(s) name no current conflict of this programme`, { unknownKeys: unknown });
      const errors = wanted.filter((k) => byKey.get(k)!.severity === 'error');
      if (errors.length) {
        throw new DomainError(422, 'CONFLICT_NOT_ACKNOWLEDGEABLE', 'Conflicts of severity error cannot be acknowledged: fix them, or lower the severity of their code', {
          keys: errors,
        });
      }
      await em
        .createQueryBuilder()
        .insert()
        .into(ConflictAcknowledgement)
        .values(wanted.map((conflictKey) => ({ eventId, conflictKey, acknowledgedBy: userId })))
        .orIgnore()
        .execute();
      return { items: wanted.map((k) => ConflictResponse.from({ ...byKey.get(k)!, acknowledged: true }, report.timeZone, report.names)) };
    });
  }

  /** Withdraws one acknowledgement (404 when the key is not acknowledged). */
  async withdraw(eventId: string, key: string): Promise<void> {
    await loadProgrammeEvent(this.dataSource.manager, eventId);
    const { affected } = await this.dataSource.manager.delete(ConflictAcknowledgement, { eventId, conflictKey: key });
    if (!affected) throw notFound('Acknowledgement');
  }
}
