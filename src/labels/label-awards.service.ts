import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { returnedRows } from '../participants/participant-sql.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import { isOrganiser } from './label-embargo.js';
import { canSeeLevels } from './label-embargo.js';
import { communeIndex } from './communes.js';
import type { CreateLabelAwardDto, UpdateLabelAwardDto } from './dto/label-award.dto.js';
import type { LabelAwardResponse } from './dto/label-award.response.js';
import type { ListLabelAwardsQuery } from './dto/list-label-awards.query.js';
import { awardListSql, type AwardFilters } from './label-award-query.js';
import { toAwardResponse, type AwardView, type LabelAwardRow } from './label-award-view.js';
import { LabelEmbargoService } from './label-embargo.service.js';

/** Most rows of the CSV export (a year has a few hundred; every commune of France is 37,000). */
export const MAX_AWARD_EXPORT_ROWS = 50_000;

const COLUMNS = `a.id, a.year, a.insee, a.town_name, a.departement, a.region, a.level, a.first_participation, a.population_band, a.comments, a.contact_email`;

/** A year's labelled towns: list, export, one, and organisers' create, update, delete. */
@Injectable()
export class LabelAwardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly embargo: LabelEmbargoService,
  ) {}

  /** What this caller may see of the year's labels now (404 for a year that does not exist). */
  async viewOf(year: number, caller: RequestUser | undefined): Promise<AwardView> {
    const state = await this.embargo.get(year);
    return { levels: canSeeLevels(caller?.roles, state.revealed), organiser: isOrganiser(caller?.roles) };
  }

  async list(year: number, query: ListLabelAwardsQuery, view: AwardView): Promise<Page<LabelAwardResponse>> {
    const { where, orderBy, params } = awardListSql(year, query, view.levels);
    const rows = await this.dataSource.query<Array<LabelAwardRow & { total: number }>>(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM label_awards a WHERE ${where} ORDER BY ${orderBy} LIMIT ${query.pageSize} OFFSET ${pageOffset(query)}`,
      params,
    );
    let total = rows[0]?.total ?? 0;
    if (!rows.length && query.page > 1) {
      const [count] = await this.dataSource.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM label_awards a WHERE ${where}`, params);
      total = count.total;
    }
    return toPage(
      rows.map((r) => toAwardResponse(r, view)),
      total,
      query,
    );
  }

  async exportRows(year: number, filters: AwardFilters, view: AwardView): Promise<LabelAwardResponse[]> {
    const { where, orderBy, params } = awardListSql(year, filters, view.levels);
    const rows = await this.dataSource.query<LabelAwardRow[]>(`SELECT ${COLUMNS} FROM label_awards a WHERE ${where} ORDER BY ${orderBy} LIMIT ${MAX_AWARD_EXPORT_ROWS}`, params);
    return rows.map((r) => toAwardResponse(r, view));
  }

  async get(year: number, id: string, view: AwardView): Promise<LabelAwardResponse> {
    return toAwardResponse(await this.row(year, id), view);
  }

  async create(year: number, dto: CreateLabelAwardDto): Promise<LabelAwardResponse> {
    await this.embargo.get(year);
    const found = communeIndex().byInsee(dto.insee, year);
    if (!found.ok) throw new DomainError(422, 'UNKNOWN_TOWN', found.reason, { insee: dto.insee });
    const town = found.town;
    const existing = await this.dataSource.query(`SELECT id FROM label_awards WHERE year = $1 AND insee = $2`, [year, town.insee]);
    if (existing.length) throw new DomainError(409, 'TOWN_ALREADY_LABELLED', `${town.name} (${town.insee}) already has a label for ${year}`, { id: existing[0].id, insee: town.insee });
    const [row] = await this.dataSource.query<LabelAwardRow[]>(
      `INSERT INTO label_awards AS a (year, insee, town_name, departement, region, level, first_participation, population_band, comments, contact_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [year, town.insee, town.name, town.departement, town.region, dto.level, dto.firstParticipation ?? false, dto.populationBand ?? null, dto.comments ?? null, dto.contactEmail ?? null],
    );
    return toAwardResponse(row, { levels: true, organiser: true });
  }

  async update(year: number, id: string, dto: UpdateLabelAwardDto): Promise<LabelAwardResponse> {
    const current = await this.row(year, id);
    const next = {
      level: dto.level ?? current.level,
      first: dto.firstParticipation ?? current.first_participation,
      band: dto.populationBand === undefined ? current.population_band : dto.populationBand,
      comments: dto.comments === undefined ? current.comments : dto.comments,
      contact: dto.contactEmail === undefined ? current.contact_email : dto.contactEmail,
    };
    const rows = returnedRows<LabelAwardRow>(await this.dataSource.query(
      `UPDATE label_awards a SET level = $3, first_participation = $4, population_band = $5, comments = $6, contact_email = $7, updated_at = now()
        WHERE a.year = $1 AND a.id = $2 RETURNING ${COLUMNS}`,
      [year, id, next.level, next.first, next.band, next.comments, next.contact],
    ));
    if (!rows.length) throw notFound('Label', { year, id });
    return toAwardResponse(rows[0], { levels: true, organiser: true });
  }

  async remove(year: number, id: string): Promise<void> {
    const rows = returnedRows<{ id: string }>(await this.dataSource.query(`DELETE FROM label_awards WHERE year = $1 AND id = $2 RETURNING id`, [year, id]));
    if (!rows.length) throw notFound('Label', { year, id });
  }

  private async row(year: number, id: string): Promise<LabelAwardRow> {
    const rows = await this.dataSource.query<LabelAwardRow[]>(`SELECT ${COLUMNS} FROM label_awards a WHERE a.year = $1 AND a.id = $2`, [year, id]);
    if (!rows.length) throw notFound('Label', { year, id });
    return rows[0];
  }
}
