/**
 * A label row as a caller may see it: the one place that decides which fields leave the server.
 * Without the right to see levels, the level, the comments (they may name it) and the contact's
 * email are left out of the object itself, so no serialiser or format can leak them.
 */
import type { LabelAwardResponse } from './dto/label-award.response.js';

export interface LabelAwardRow {
  id: string;
  year: number;
  insee: string;
  town_name: string;
  departement: string;
  region: string;
  level: number;
  first_participation: boolean;
  population_band: string | null;
  comments: string | null;
  contact_email: string | null;
}

export interface AwardView {
  /** The caller may see levels (organiser, or revealed). */
  levels: boolean;
  /** The caller is an organiser (comments and contact). */
  organiser: boolean;
}

export function toAwardResponse(row: LabelAwardRow, view: AwardView): LabelAwardResponse {
  const base: LabelAwardResponse = {
    id: row.id,
    year: row.year,
    insee: row.insee,
    townName: row.town_name,
    departement: row.departement,
    region: row.region,
    firstParticipation: row.first_participation,
    populationBand: row.population_band,
  };
  if (view.levels) base.level = Number(row.level);
  if (view.organiser) {
    base.comments = row.comments;
    base.contactEmail = row.contact_email;
  }
  return base;
}

/** Which view a response is: part of its ETag, so the embargoed and revealed views never share one. */
export function viewName(view: AwardView): 'organiser' | 'levels' | 'embargoed' {
  return view.organiser ? 'organiser' : view.levels ? 'levels' : 'embargoed';
}
