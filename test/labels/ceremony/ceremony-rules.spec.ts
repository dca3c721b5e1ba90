import { mayReadCeremonyDocuments } from '../../../src/labels/ceremony/ceremony-access.js';
import { frenchCeremonyDate, zonedIso } from '../../../src/labels/ceremony/ceremony-date.js';
import { arobases, fitTextSize } from '../../../src/labels/ceremony/certificate-layout.js';
import { contactTokenHash, looksLikeContactToken, newContactToken } from '../../../src/labels/ceremony/contact-token.js';
import { delegateLimitReached, MAX_DELEGATES_PER_TOWN, parseInseeCode } from '../../../src/labels/ceremony/delegate-rules.js';
import { frenchCount } from '../../../src/labels/ceremony/running-order-pdf.js';
import { buildRunningOrder, compareFrench, type RunningOrderTown } from '../../../src/labels/ceremony/running-order.js';

const town = (insee: string, name: string, region: string, level: number): RunningOrderTown => ({ insee, name, departement: insee.slice(0, 2), region, level, firstParticipation: false });

describe('Ceremony rules (pure)', () => {
  it('orders towns by level up, then region and name as a French reader expects', () => {
    const order = buildRunningOrder(
      [
        town('59009', 'Villeneuve-d’Ascq', 'Nord-Pas-de-Calais', 5),
        town('92040', 'Issy-les-Moulineaux', 'Île-de-France', 5),
        town('33063', 'Bordeaux', 'Aquitaine', 1),
        town('62041', 'Arras', 'Nord-Pas-de-Calais', 3),
        town('13094', 'Saint-Rémy-de-Provence', 'Provence-Alpes-Côte d’Azur', 3),
        town('13001', 'Éguilles', 'Provence-Alpes-Côte d’Azur', 3),
      ],
      [
        { participantId: 'b', insee: '62041', firstName: 'Zoé', lastName: 'Émery', admission: 'admitted', present: true },
        { participantId: 'a', insee: '62041', firstName: 'Jean', lastName: 'Dupont', admission: 'waiting', present: false },
        { participantId: 'c', insee: '99999', firstName: 'Nobody', lastName: 'Else', admission: 'admitted', present: true },
      ],
    );
    expect(order.levels.map((l) => [l.label, l.towns.map((t) => t.name)])).toEqual([
      ['1 @', ['Bordeaux']],
      ['3 @', ['Arras', 'Éguilles', 'Saint-Rémy-de-Provence']],
      ['5 @', ['Issy-les-Moulineaux', 'Villeneuve-d’Ascq']],
    ]);
    expect(order.levels.flatMap((l) => l.towns.map((t) => t.position))).toEqual([1, 2, 3, 4, 5, 6]);
    const arras = order.levels[1].towns[0];
    expect(arras.delegates.map((d) => [d.lastName, d.present])).toEqual([['Dupont', false], ['Émery', true]]);
    expect(arras.delegatesPresent).toBe(1);
    expect(order.totals).toEqual({ towns: 6, delegates: 2, present: 1 });
    expect(compareFrench('Île-de-France', 'Nord-Pas-de-Calais')).toBeLessThan(0);
    expect(compareFrench('Lyon 2e', 'Lyon 10e')).toBeLessThan(0);
  });

  it('shrinks a name to fit the width, and wraps it rather than cutting it below the smallest size', () => {
    expect(fitTextSize(5, 700, 54, 20)).toEqual({ size: 54, wrap: false });
    const mid = fitTextSize(25, 700, 54, 20);
    expect(mid).toEqual({ size: 28, wrap: false });
    expect(mid.size * 25).toBeLessThanOrEqual(700);
    expect(fitTextSize(100, 700, 54, 20)).toEqual({ size: 20, wrap: true });
    expect(fitTextSize(0, 700, 54, 20)).toEqual({ size: 54, wrap: false });
    expect([1, 3, 5].map(arobases)).toEqual(['@', '@@@', '@@@@@']);
    expect([0, 1, 2].map((n) => frenchCount(n, 'délégué'))).toEqual(['0 délégué', '1 délégué', '2 délégués']);
  });

  it('writes the date in French in the event’s zone, 1er for the first of the month', () => {
    expect(frenchCeremonyDate(new Date('2012-02-06T17:00:00Z'), 'Europe/Paris')).toBe('6 février 2012');
    expect(frenchCeremonyDate(new Date('2012-02-29T23:30:00Z'), 'Europe/Paris')).toBe('1er mars 2012');
    expect(frenchCeremonyDate(new Date('2012-08-15T22:30:00Z'), 'Europe/Paris')).toBe('16 août 2012');
    expect(zonedIso(new Date('2012-02-06T17:00:00Z'), 'Europe/Paris')).toBe('2012-02-06T18:00:00+01:00');
  });

  it('lets organisers read the documents at any time, reception once revealed, nobody else', () => {
    expect(mayReadCeremonyDocuments(['organiser'], false)).toBe(true);
    expect(mayReadCeremonyDocuments(['reception'], false)).toBe(false);
    expect(mayReadCeremonyDocuments(['reception'], true)).toBe(true);
    expect(mayReadCeremonyDocuments(['speaker'], true)).toBe(false);
    expect(mayReadCeremonyDocuments([], true)).toBe(false);
  });

  it('bounds a contact’s delegates, not an organiser’s; reads path parameters strictly', () => {
    expect(delegateLimitReached(MAX_DELEGATES_PER_TOWN - 1, false)).toBe(false);
    expect(delegateLimitReached(MAX_DELEGATES_PER_TOWN, false)).toBe(true);
    expect(delegateLimitReached(50, true)).toBe(false);
    expect(parseInseeCode('2a004')).toBe('2A004');
    expect(parseInseeCode('92040')).toBe('92040');
    for (const bad of ['9204', '920400', '2C004', '92 40', '', 'x'.repeat(1000)]) expect(parseInseeCode(bad)).toBeNull();
  });

  it('draws tokens of 256 bits and keeps only their SHA-256', () => {
    const a = newContactToken();
    expect(looksLikeContactToken(a)).toBe(true);
    expect(a).not.toBe(newContactToken());
    expect(contactTokenHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(contactTokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(looksLikeContactToken('short')).toBe(false);
  });
});
