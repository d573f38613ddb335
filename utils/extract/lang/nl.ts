import type { DateWords } from './words';

export const nl: DateWords = {
  months: [
    'januari',
    'februari',
    'maart mrt',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  weekdays: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  relativeDays: { vandaag: 0, gisteren: -1, morgen: 1, overmorgen: 2 },
  promiseTriggers: [
    'verwachte (?:bezorging|bezorgdatum|bezorgdag|levering|leverdatum)',
    'bezorg(?:moment|datum|dag)',
    'bezorging(?: verwacht)?(?: op)?',
    // "wordt morgen … bezorgd", as German "wird … zugestellt".
    'wordt(?=\\s+(?:naar verwachting\\s+)?(?:vandaag|morgen|overmorgen|op|tussen)\\s)',
  ],
};
