import type { DateWords } from './words';

export const fr: DateWords = {
  months: [
    'janvier janv',
    'février fevrier févr fevr',
    'mars',
    'avril avr',
    'mai',
    'juin',
    'juillet juil',
    'août aout',
    'septembre',
    'octobre',
    'novembre',
    'décembre decembre déc',
  ],
  weekdays: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  relativeDays: {
    "aujourd'hui": 0,
    'aujourd’hui': 0,
    hier: -1,
    demain: 1,
    'après-demain': 2,
    'apres-demain': 2,
  },
  articles: ['le'],
  rangeWords: ['au', 'et', 'à'],
  windowOpeners: ['entre', 'du'],
  timeRangeWords: ['et', 'à'],
  byTime: ['avant', "jusqu'à"],
  promiseTriggers: [
    'arrivera',
    'arrivée(?: prévue)?',
    'livraison (?:prévue|estimée|prevue|estimee)',
    'date de livraison(?: estimée| prévue)?',
    'sera livrée?',
  ],
};
