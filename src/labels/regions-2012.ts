/**
 * The regions as they were from 2011 to 2015 (22 in metropolitan France and 5 overseas, Mayotte a
 * département and region since 31 March 2011), by département code: the 2012 palmarès counts
 * towns by these, before the 2016 merger made 13 metropolitan regions. Overseas collectivities
 * (975, 977, 978, 986, 987, 988…) were never regions: their own name stands in for one.
 */
const REGIONS: Readonly<Record<string, readonly string[]>> = {
  Alsace: ['67', '68'],
  Aquitaine: ['24', '33', '40', '47', '64'],
  Auvergne: ['03', '15', '43', '63'],
  'Basse-Normandie': ['14', '50', '61'],
  Bourgogne: ['21', '58', '71', '89'],
  Bretagne: ['22', '29', '35', '56'],
  Centre: ['18', '28', '36', '37', '41', '45'],
  'Champagne-Ardenne': ['08', '10', '51', '52'],
  Corse: ['2A', '2B'],
  'Franche-Comté': ['25', '39', '70', '90'],
  'Haute-Normandie': ['27', '76'],
  'Île-de-France': ['75', '77', '78', '91', '92', '93', '94', '95'],
  'Languedoc-Roussillon': ['11', '30', '34', '48', '66'],
  Limousin: ['19', '23', '87'],
  Lorraine: ['54', '55', '57', '88'],
  'Midi-Pyrénées': ['09', '12', '31', '32', '46', '65', '81', '82'],
  'Nord-Pas-de-Calais': ['59', '62'],
  'Pays de la Loire': ['44', '49', '53', '72', '85'],
  Picardie: ['02', '60', '80'],
  'Poitou-Charentes': ['16', '17', '79', '86'],
  "Provence-Alpes-Côte d'Azur": ['04', '05', '06', '13', '83', '84'],
  'Rhône-Alpes': ['01', '07', '26', '38', '42', '69', '73', '74'],
  Guadeloupe: ['971'],
  Martinique: ['972'],
  Guyane: ['973'],
  'La Réunion': ['974'],
  Mayotte: ['976'],
};

export const REGION_2012_BY_DEPARTEMENT: ReadonlyMap<string, string> = new Map(
  Object.entries(REGIONS).flatMap(([region, departements]) => departements.map((d) => [d, region] as const)),
);

/** The first label year counted with the post-2016 regions. */
export const FIRST_YEAR_OF_MERGED_REGIONS = 2016;

/** The 27 regions of 2012 (22 metropolitan, 5 overseas). */
export const REGIONS_2012: readonly string[] = Object.keys(REGIONS);
