import type { DateWords } from './words';

export const es: DateWords = {
  months: [
    'enero ene',
    'febrero',
    'marzo',
    'abril abr',
    'mayo',
    'junio',
    'julio',
    'agosto ago',
    'septiembre setiembre',
    'octubre',
    'noviembre',
    'diciembre dic',
  ],
  weekdays: ['domingo', 'lunes', 'martes', 'miércoles miercoles', 'jueves', 'viernes', 'sábado sabado'],
  relativeDays: { hoy: 0, ayer: -1, mañana: 1, manana: 1, 'pasado mañana': 2, 'pasado manana': 2 },
  articles: ['el'],
  rangeWords: ['al', 'y', 'a'],
  windowOpeners: ['entre', 'del'],
  timeRangeWords: ['y'],
  byTime: ['antes\\s+de(?:\\s+las?)?', 'hasta\\s+las?'],
  promiseTriggers: [
    'llega(?:rá)?',
    'entrega (?:prevista|estimada)',
    'fecha (?:estimada )?de entrega',
    'se entregará',
    'será entregado',
  ],
};
