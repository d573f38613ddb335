import type { DateWords } from './words';

export const pl: DateWords = {
  months: [
    'stycznia styczeń',
    'lutego luty',
    'marca marzec',
    'kwietnia kwiecień',
    'maja',
    'czerwca czerwiec',
    'lipca lipiec',
    'sierpnia sierpień',
    'września wrzesień',
    'października październik',
    'listopada listopad',
    'grudnia grudzień',
  ],
  weekdays: [
    'niedziela niedzielę',
    'poniedziałek',
    'wtorek',
    'środa środę',
    'czwartek',
    'piątek',
    'sobota sobotę',
  ],
  relativeDays: { dziś: 0, dzisiaj: 0, jutro: 1, pojutrze: 2, wczoraj: -1 },
  promiseTriggers: [
    'przewidywana data (?:doręczenia|dostawy)',
    'planowana data (?:doręczenia|dostawy)',
    'doręczymy',
    'doręczamy',
  ],
};
