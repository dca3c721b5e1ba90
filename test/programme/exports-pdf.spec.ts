import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgrammeSnapshot } from '../../src/programme/programme-snapshot.js';
import { renderProgrammePdf } from '../../src/programme-exports/programme-pdf.js';
import { ALL_PEOPLE, ENGLISH_ONLY_TITLE, IDS, LONG_TITLE_FR, NAMES, programmeFixture } from './exports-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'programme-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function tool(command: string, args: string[], pdf: Buffer): { status: number | null; out: string } {
  const file = join(dir, `p${++counter}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync(command, [...args.map((a) => (a === 'FILE' ? file : a))], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** The text as pdftotext reads it back, with lines joined (a name may wrap after a hyphen or a space). */
function textOf(pdf: Buffer): string {
  const { status, out } = tool('pdftotext', ['-enc', 'UTF-8', 'FILE', '-'], pdf);
  expect(status).toBe(0);
  return out.replace(/\u00a0/g, ' ').replace(/-\n/g, '-').replace(/\s+/g, ' ');
}

interface Box {
  page: number;
  pageWidth: number;
  pageHeight: number;
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word's box on its page, from `pdftotext -bbox`. */
function wordBoxes(pdf: Buffer): Box[] {
  const { out } = tool('pdftotext', ['-bbox', 'FILE', '-'], pdf);
  const boxes: Box[] = [];
  let page = 0;
  let size = { w: 0, h: 0 };
  for (const line of out.split('\n')) {
    const p = line.match(/<page width="([\d.]+)" height="([\d.]+)">/);
    if (p) {
      page++;
      size = { w: Number(p[1]), h: Number(p[2]) };
      continue;
    }
    const w = line.match(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)<\/word>/);
    if (w) boxes.push({ page, pageWidth: size.w, pageHeight: size.h, word: w[5], xMin: +w[1], yMin: +w[2], xMax: +w[3], yMax: +w[4] });
  }
  return boxes;
}

/** A programme far longer than a page: many sessions, long titles, an unbreakable 200-letter word. */
function longProgramme(): ProgrammeSnapshot {
  const snapshot = programmeFixture();
  const template = snapshot.sessions[0];
  const extra = Array.from({ length: 30 }, (_, i) => ({
    ...template,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    titleFr: `${LONG_TITLE_FR} ${i}`,
    talks: template.talks.map((t, j) => ({
      ...t,
      id: `00000000-0000-4000-9000-${String(i * 10 + j).padStart(12, '0')}`,
      titleFr: j === 0 ? `Mot${'é'.repeat(200)}` : t.titleFr,
    })),
  }));
  snapshot.sessions = [...snapshot.sessions, ...extra];
  return snapshot;
}

describe('programme.pdf', () => {
  let fr: Buffer;
  let en: Buffer;
  beforeAll(async () => {
    fr = await renderProgrammePdf(programmeFixture(), 'fr');
    en = await renderProgrammePdf(programmeFixture(), 'en');
  });

  it('is an A4 PDF that qpdf --check passes', () => {
    expect(fr.subarray(0, 5).toString()).toBe('%PDF-');
    for (const pdf of [fr, en]) {
      const check = tool('qpdf', ['--check', 'FILE'], pdf);
      expect(check.out).toContain('No syntax or stream encoding errors found');
      expect(check.status).toBe(0);
      expect(tool('pdfinfo', ['FILE'], pdf).out).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    }
  });

  it('embeds DejaVu Sans and DejaVu Sans Bold as subsets with Unicode maps, and no other font', () => {
    const { out, status } = tool('pdffonts', ['FILE'], fr);
    expect(status).toBe(0);
    const rows = out.split('\n').slice(2).filter((l) => l.trim());
    expect(rows).toHaveLength(2);
    for (const name of ['DejaVuSans', 'DejaVuSans-Bold']) {
      const row = rows.find((r) => new RegExp(`^[A-Z]{6}\\+${name}\\s`).test(r));
      expect(row).toBeDefined();
      // emb sub uni
      expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  it('reads back with pdftotext with every name intact: accents, Polish, polytonic Greek, Cyrillic', () => {
    const text = textOf(fr);
    for (const name of Object.values(NAMES)) expect(text).toContain(name);
    for (const person of ALL_PEOPLE) if (person.affiliation) expect(text).toContain(person.affiliation);
    expect(text).toContain('Ἀριστοτέλης Παπαδόπουλος (Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών)');
    expect(text).toContain('Дмитрий Иванов (Московский государственный университет)');
  });

  it('gives the event, its theme, venues, patronage, co-organisers and supporters, in French by default', () => {
    const text = textOf(fr);
    expect(text).toContain('Colloque international « Villes et territoires numériques »');
    expect(text).toContain('Société de l’information, société de la connaissance : le rôle des collectivités locales');
    expect(text).toContain('CNRS — 3 rue Michel-Ange, 75016 Paris, France');
    expect(text).toContain('Espace Cardin — 1 avenue Gabriel, 75008 Paris, France');
    expect(text).toContain('Sous le parrainage de Maurice Leroy, Ministre de la Ville');
    expect(text).toMatch(/Co-organisateurs : Association des Villes Internet \(Villes Internet\) · Projet KNetworks \(KNetworks\) · Université Toulouse Le Mirail · Institut des Sciences de la Communication du CNRS \(ISCC\)/);
    expect(text).toMatch(/Avec le soutien de : Ministère de la Ville · Mutuelle Nationale Territoriale \(MNT\) · .*Commission « Geography of the Information Society » · Agence Universitaire de la Francophonie \(AUF\)/);
    expect(text).toContain('Lundi 6 février 2012');
    expect(text).toContain('Mardi 7 février 2012');
    expect(text).toContain('Présidence de séance : Hélène Dupré');
    expect(text).toContain('Présidence de séance : Zoë O\'Brien-Müller');
    expect(text).not.toMatch(/Présidents? de séance/);
    expect(text).toMatch(/Page 1 sur \d/);
  });

  it('lists sessions day by day in time order, with times in Paris time, rooms and venues, talks with their times', () => {
    const text = textOf(fr);
    const order = [
      '09:00–10:30 Ouverture',
      '09:00–09:30 Les villes polonaises',
      '10:30–11:00 Pause café',
      '11:00–12:30 Atelier 1',
      '11:00–11:30 Digital public services',
      '14:00–15:30 Table ronde',
      '18:00–21:00 Remise du Label Ville Internet 2012 Cérémonie · Grand Salon, Espace Cardin',
      'Mardi 7 février 2012',
      '09:30–10:30 Conférence invitée',
      '11:30–12:30 Clôture du colloque',
    ].map((fragment) => {
      const at = text.indexOf(fragment);
      expect(`${fragment}: ${at >= 0}`).toBe(`${fragment}: true`);
      return at;
    });
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Séance plénière · Société de la connaissance · Amphithéâtre Marie Curie, CNRS');
  });

  it('wraps long titles inside the page and falls back to the other language for a missing title', () => {
    const text = textOf(fr);
    expect(text).toContain(LONG_TITLE_FR);
    expect(text).toContain(ENGLISH_ONLY_TITLE);
    const english = textOf(en);
    expect(english).toContain(LONG_TITLE_FR);
  });

  it('uses English labels and titles with lang=en', () => {
    const text = textOf(en);
    expect(text).toContain('International colloquium “Digital cities and territories”');
    expect(text).toContain('Monday 6 February 2012');
    expect(text).toContain('Tuesday 7 February 2012');
    expect(text).toContain('18:00–21:00 Ville Internet Label 2012 award ceremony Ceremony · Grand Salon, Espace Cardin');
    expect(text).toContain('Chairs: Hélène Dupré');
    expect(text).toContain('Co-organised by: Association des Villes Internet');
    expect(text).toContain('With the support of: Ministère de la Ville');
    expect(text).toContain('Under the patronage of: Ministère de la Ville');
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).not.toContain('Lundi');
    // a title given only in French is printed in French
    expect(text).toContain('Table ronde : chercheurs et élus, quelles coopérations ?');
  });

  it('never sets text outside the page, even for a programme of many pages with an unbreakable word, and numbers every page', async () => {
    const pdf = await renderProgrammePdf(longProgramme(), 'fr');
    const pages = Number(tool('pdfinfo', ['FILE'], pdf).out.match(/Pages:\s+(\d+)/)![1]);
    expect(pages).toBeGreaterThan(5);
    const boxes = wordBoxes(pdf);
    expect(new Set(boxes.map((b) => b.page)).size).toBe(pages);
    const outside = boxes.filter((b) => b.xMin < 36 || b.yMin < 36 || b.xMax > b.pageWidth - 36 || b.yMax > b.pageHeight - 20);
    expect(outside).toEqual([]);
    const text = textOf(pdf);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} sur ${pages}`);
    expect(text).toContain('Lundi 6 février 2012 (suite)');
    for (const pdfOfFixture of [fr, en]) {
      const small = wordBoxes(pdfOfFixture).filter((b) => b.xMin < 36 || b.yMin < 36 || b.xMax > b.pageWidth - 36 || b.yMax > b.pageHeight - 20);
      expect(small).toEqual([]);
    }
    expect(tool('qpdf', ['--check', 'FILE'], pdf).status).toBe(0);
  });

  it('prints a day without sessions as such, and an empty programme as a valid PDF', async () => {
    const empty = programmeFixture();
    empty.sessions = [];
    const pdf = await renderProgrammePdf(empty, 'fr');
    expect(tool('qpdf', ['--check', 'FILE'], pdf).status).toBe(0);
    const text = textOf(pdf);
    expect(text).toContain('Lundi 6 février 2012 Aucune séance ce jour.');
    expect(textOf(await renderProgrammePdf(empty, 'en'))).toContain('Monday 6 February 2012 No session on this day.');
  });

  it('is a function of the snapshot: the same version gives the same bytes', async () => {
    expect((await renderProgrammePdf(programmeFixture(), 'fr')).equals(fr)).toBe(true);
    const moved = programmeFixture();
    moved.sessions.find((s) => s.id === IDS.ceremony)!.titleFr = 'Remise du Label';
    expect((await renderProgrammePdf(moved, 'fr')).equals(fr)).toBe(false);
  });
});
