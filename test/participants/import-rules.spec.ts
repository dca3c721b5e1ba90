import { PARTICIPANTS_CSV_HEADER } from '../../src/participants/participants-csv.js';
import { headerKey } from '../../src/common/csv/csv-header.js';
import { mapHeader } from '../../src/participants/participant-import-columns.js';
import { CsvFileError, detectDelimiter, parseCsv } from '../../src/participants/participant-import-csv.js';
import { duplicateEmails, parseCategories, parseConsent, parseDays, parseLabelForm, undefuse, validateImportRow } from '../../src/participants/participant-import-rows.js';

const EVENT = { startDate: '2012-02-06', endDate: '2012-02-07' };
const csv = (text: string) => Buffer.from(text, 'utf8');

describe('Participants import: header mapping (pure)', () => {
  it('compares names whatever their case, accents, spaces and underscores', () => {
    expect(headerKey(' Prénom ')).toBe('prenom');
    expect(headerKey('PRÉNOM')).toBe('prenom');
    expect(headerKey('first_name')).toBe('first name');
    expect(headerKey('E-Mail')).toBe('e mail');
  });

  it('reads every column of the export, and leaves its computed ones aside', () => {
    const header = mapHeader(PARTICIPANTS_CSV_HEADER);
    expect(header.missing).toEqual([]);
    expect(header.duplicates).toEqual([]);
    expect(Object.keys(header.columns).sort()).toEqual(
      ['accessibilityNeeds', 'affiliation', 'categories', 'consentPhoto', 'consentPublicList', 'days', 'dietaryNeeds', 'email', 'firstName', 'labelForm', 'lastName', 'town', 'townInsee'].sort(),
    );
    expect(header.ignored).toEqual(['Catégorie du badge', 'Rôles au programme', 'Parties', 'Statut', 'Source', 'Inscrit le']);
  });

  it('reads English names and French ones without accents, in any order', () => {
    const header = mapHeader(['EMAIL', 'last_name', 'FIRST NAME', 'etablissement', 'categorie', 'code insee', 'Town']);
    expect(header.columns).toEqual({ email: 0, lastName: 1, firstName: 2, affiliation: 3, categories: 4, townInsee: 5, town: 6 });
    expect(header.names.lastName).toBe('last_name');
  });

  it('names the required columns that are missing, and the fields given twice', () => {
    expect(mapHeader(['Courriel', 'Ville']).missing).toEqual(['Nom (last_name)', 'Prénom (first_name)']);
    expect(mapHeader(['Nom', 'last_name', 'Prénom', 'Courriel']).duplicates).toEqual([{ field: 'lastName', columns: ['Nom', 'last_name'] }]);
  });
});

describe('Participants import: reading the file (pure)', () => {
  it('detects the separator from the header line only, ignoring quoted ones', () => {
    expect(detectDelimiter('Nom;Prénom;Courriel\r\nA,B;C;d@e.f')).toBe(';');
    expect(detectDelimiter('\uFEFFNom,Prénom,Courriel\na;b;c;d')).toBe(',');
    expect(detectDelimiter('"Nom;x",Prénom,Courriel')).toBe(',');
  });

  it('gives each record the line where it starts, across quoted line breaks, blank lines, CRLF and a BOM', () => {
    for (const nl of ['\r\n', '\n']) {
      const text = `\uFEFFNom;Prénom${nl}Dupré;"Hé${nl}lène"${nl}${nl};${nl}"Wró""bel";Łukasz${nl}Last;One`;
      const parsed = parseCsv(csv(text), 100);
      expect(parsed.delimiter).toBe(';');
      expect(parsed.header).toEqual(['Nom', 'Prénom']);
      expect(parsed.records).toEqual([
        { line: 2, cells: ['Dupré', `Hé${nl}lène`] },
        { line: 6, cells: ['Wró"bel', 'Łukasz'] },
        { line: 7, cells: ['Last', 'One'] },
      ]);
    }
  });

  it('refuses what is not UTF-8 text, empty files, too many rows and broken quotes', () => {
    const kind = (bytes: Buffer, max = 100) => {
      try {
        parseCsv(bytes, max);
        return 'parsed';
      } catch (e) {
        return (e as CsvFileError).kind;
      }
    };
    expect(kind(Buffer.from([0x4e, 0x6f, 0x6d, 0xe9, 0x3b]))).toBe('not-text'); // « Nomé; » in Windows-1252
    expect(kind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('not-text');
    expect(kind(csv('\uFEFF  \r\n'))).toBe('empty');
    expect(kind(csv('Nom\n1\n2\n3'), 2)).toBe('too-many-rows');
    expect(kind(csv('Nom;Prénom\n"Dupré;Hélène\n'))).toBe('malformed');
  });
});

describe('Participants import: one row (pure)', () => {
  const header = mapHeader(['Nom', 'Prénom', 'Courriel', 'Affiliation', 'Catégories', 'Jours', 'Liste publique', 'Code INSEE', 'Régime alimentaire']);
  const row = (cells: string[]) => validateImportRow(cells, header, 9, EVENT);

  it('keeps names as typed (NFC), lower-cases the email, reads categories, days, consents', () => {
    const result = row([' Dupré ', 'He\u0301le\u0300ne', 'Helene.Dupre@Example.ORG', '', 'Chercheur, press', '07/02/2012, 2012-02-06', 'oui', '1004', 'sans gluten\nvégétarienne']);
    expect(result).toEqual({
      ok: true,
      value: {
        lastName: 'Dupré',
        firstName: 'Hélène',
        email: 'helene.dupre@example.org',
        affiliation: null,
        categories: ['press', 'researcher'],
        days: ['2012-02-06', '2012-02-07'],
        consentPublicList: true,
        townInsee: '01004',
        dietaryNeeds: 'sans gluten\nvégétarienne',
      },
    });
  });

  it('lists every reason of a bad row, by column', () => {
    const result = row(['', 'A\tB', 'not-an-email', 'x'.repeat(301), 'speaker, astronaut', '2012-02-08, 2012-02-30', 'peut-être', '75A01', 'a\u0000b']);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.column)).toEqual(['Nom', 'Prénom', 'Courriel', 'Affiliation', 'Régime alimentaire', 'Code INSEE', 'Catégories', 'Catégories', 'Jours', 'Jours', 'Liste publique']);
    expect(errors.find((e) => e.column === 'Catégories')?.message).toMatch(/only from the published programme/);
    expect(errors.filter((e) => e.column === 'Jours').map((e) => e.message)).toEqual(['« 2012-02-30 » is not a date like 2012-02-06', '2012-02-08 outside the event (2012-02-06 to 2012-02-07)']);
  });

  it('stores formula-looking text as text, and reads back the apostrophe the export adds', () => {
    expect(undefuse(`'=HYPERLINK("x")`)).toBe('=HYPERLINK("x")');
    expect(undefuse(`'+33 1 23`)).toBe('+33 1 23');
    expect(undefuse(`l'Isle`)).toBe(`l'Isle`);
    const result = row(['Dupré', 'Hélène', 'h@example.org', `=HYPERLINK("http://evil.example")`, '', '', '', '', '']);
    expect(result.ok && result.value.affiliation).toBe('=HYPERLINK("http://evil.example")');
  });

  it('refuses non-empty cells beyond the header', () => {
    const result = validateImportRow(['Dupré', 'Hélène', 'h@example.org', 'CNRS', 'extra'], mapHeader(['Nom', 'Prénom', 'Courriel', 'Affiliation']), 4, EVENT);
    expect(result.ok).toBe(false);
    expect(validateImportRow(['Dupré', 'Hélène', 'h@example.org', 'CNRS', ' '], mapHeader(['Nom', 'Prénom', 'Courriel', 'Affiliation']), 4, EVENT).ok).toBe(true);
  });

  it('reads categories, days and consents as people write them', () => {
    expect(parseCategories('Ville Internet; sponsor')).toEqual({ categories: ['city-representative', 'sponsor-representative'], errors: [] });
    expect(parseCategories('CHAIR').errors).toHaveLength(1);
    // the neutral labels the export writes now, and the gendered ones files written before still hold
    expect(parseCategories('Chercheur·euse, Invitée').categories).toEqual(['guest', 'researcher']);
    expect(parseCategories('Chercheuse; Chercheur; Invité').categories).toEqual(['guest', 'researcher']);
  });

  it('reads the label form as the export writes it (neutre, féminin, masculin) or as the API names it; empty is neutral', () => {
    expect(['neutre', 'Féminin', 'MASCULIN', 'feminine', 'masculine', 'neutral', ''].map(parseLabelForm)).toEqual([
      'neutral', 'feminine', 'masculine', 'feminine', 'masculine', 'neutral', 'neutral',
    ]);
    expect(parseLabelForm('épicène')).toBeNull();
    expect(parseDays('', EVENT)).toEqual({ days: [], errors: [] });
    expect(['oui', 'Yes', 'VRAI', 'x', '1'].map(parseConsent)).toEqual([true, true, true, true, true]);
    expect(['', 'non', 'No', 'faux', '0'].map(parseConsent)).toEqual([false, false, false, false, false]);
    expect(parseConsent('maybe')).toBeNull();
  });

  it('marks the second occurrence of an email, whatever its case', () => {
    const dup = duplicateEmails([
      { line: 2, email: 'a@x.org' },
      { line: 3, email: 'b@x.org' },
      { line: 5, email: ' A@X.ORG ' },
      { line: 6, email: undefined },
    ]);
    expect([...dup]).toEqual([[5, 2]]);
  });
});
