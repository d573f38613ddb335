import type { DateWords } from './words';

export const de: DateWords = {
  months: [
    'januar jän',
    'februar',
    'märz maerz mär',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober okt',
    'november',
    'dezember dez',
  ],
  weekdays: ['sonntag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag sonnabend'],
  relativeDays: { heute: 0, gestern: -1, morgen: 1, übermorgen: 2 },
  // "Dienstag, den 3. Dezember".
  articles: ['den'],
  rangeWords: ['bis', 'und'],
  windowOpeners: ['zwischen'],
  timeRangeWords: ['und', 'bis'],
  byTime: ['bis(?:\\s+spätestens)?', 'spätestens(?:\\s+um)?'],
  promiseTriggers: [
    'voraussichtlich(?:e|er)?(?: zustellung| lieferung| ankunft)?',
    'zustellung(?:stag| erwartet)?',
    'lieferung(?: erwartet)?',
    'lieferdatum',
    'liefertermin',
    'ankunft',
    // "wird morgen zugestellt": the day sits between the verb's parts, so the trigger stops before it.
    'wird(?=\\s+(?:voraussichtlich\\s+)?(?:heute|morgen|übermorgen|am|zwischen)\\s)',
    'wird voraussichtlich',
    'kommt',
  ],
};
