/**
 * The facts of the press release of 26 January 2012 (../shared/seed/communique-2012-01-26.txt),
 * and nothing else: rooms, capacities, coordinates and people it does not give are left for
 * organisers to enter. Each item has a stable key; an item is loaded once, never overwritten.
 */

export const PRESS_CONTACT = { email: 'label@villes-internet.net', phone: '01 47 68 53 76' };

export const VENUES_2012 = [
  { key: 'venue:cnrs-michel-ange', name: 'CNRS', streetAddress: '3 rue Michel-Ange', postcode: '75016', city: 'Paris' },
  { key: 'venue:espace-cardin', name: 'Espace Cardin', streetAddress: '1 avenue Gabriel', postcode: '75008', city: 'Paris' },
] as const;

export const ORGANISATIONS_2012 = [
  { key: 'org:villes-internet', name: 'Association des Villes Internet', acronym: 'Villes Internet', kind: 'association', website: 'http://www.villes-internet.net' },
  { key: 'org:knetworks', name: 'Projet KNetworks', acronym: 'KNetworks', kind: 'research-project', website: null },
  { key: 'org:utm', name: 'Université Toulouse Le Mirail', acronym: null, kind: 'university', website: null },
  { key: 'org:iscc', name: 'Institut des Sciences de la Communication du CNRS', acronym: 'ISCC', kind: 'research-institute', website: null },
  { key: 'org:ministere-ville', name: 'Ministère de la Ville', acronym: null, kind: 'ministry', website: null },
  { key: 'org:mnt', name: 'Mutuelle Nationale Territoriale', acronym: 'MNT', kind: 'other', website: null },
  { key: 'org:civ', name: 'Comité Interministériel des Villes', acronym: 'CIV', kind: 'public-agency', website: null },
  { key: 'org:dui', name: 'Délégation aux Usages de l’Internet', acronym: 'DUI', kind: 'public-agency', website: null },
  { key: 'org:gis-commission', name: 'Commission « Geography of the Information Society »', acronym: null, kind: 'institution', website: null },
  { key: 'org:auf', name: 'Agence Universitaire de la Francophonie', acronym: 'AUF', kind: 'association', website: null },
] as const;

export type SeedOrganisationKey = (typeof ORGANISATIONS_2012)[number]['key'];
export type SeedVenueKey = (typeof VENUES_2012)[number]['key'];

export const COLLOQUIUM_2012 = {
  key: 'event:vtn2012',
  slug: 'vtn2012',
  kind: 'colloquium' as const,
  nameFr: 'Colloque international « Villes et territoires numériques »',
  themeFr: 'Société de l’information, société de la connaissance : le rôle des collectivités locales',
  startDate: '2012-02-06',
  endDate: '2012-02-07',
  timeZone: 'Europe/Paris',
  website: 'http://www.vtn2012.fr',
  venue: 'venue:cnrs-michel-ange' as SeedVenueKey,
  roles: [
    { organisation: 'org:villes-internet', role: 'co-organiser', displayOrder: 1 },
    { organisation: 'org:knetworks', role: 'co-organiser', displayOrder: 2 },
    { organisation: 'org:utm', role: 'co-organiser', displayOrder: 3 },
    { organisation: 'org:iscc', role: 'co-organiser', displayOrder: 4 },
    { organisation: 'org:ministere-ville', role: 'supporter', displayOrder: 1 },
    { organisation: 'org:mnt', role: 'supporter', displayOrder: 2 },
    { organisation: 'org:civ', role: 'supporter', displayOrder: 3 },
    { organisation: 'org:dui', role: 'supporter', displayOrder: 4 },
    { organisation: 'org:gis-commission', role: 'supporter', displayOrder: 5 },
    { organisation: 'org:auf', role: 'supporter', displayOrder: 6 },
  ] as { organisation: SeedOrganisationKey; role: 'co-organiser' | 'supporter' | 'patron'; displayOrder: number; note?: string }[],
};

export const CEREMONY_2012 = {
  key: 'event:label2012',
  slug: 'label2012',
  kind: 'ceremony' as const,
  nameFr: 'Remise du Label Ville Internet 2012',
  themeFr: null,
  startsAt: '2012-02-06T18:00',
  endsAt: '2012-02-06T21:00',
  timeZone: 'Europe/Paris',
  website: 'http://www.villes-internet.net',
  venue: 'venue:espace-cardin' as SeedVenueKey,
  roles: [
    { organisation: 'org:villes-internet', role: 'co-organiser', displayOrder: 1, note: 'L’association des Villes Internet remet les labels' },
    { organisation: 'org:ministere-ville', role: 'patron', displayOrder: 1, note: 'Sous le parrainage de Maurice Leroy, Ministre de la Ville' },
  ] as { organisation: SeedOrganisationKey; role: 'co-organiser' | 'supporter' | 'patron'; displayOrder: number; note?: string }[],
};
