import { describe, expect, it } from 'vitest';
import { dayIn, instantOf } from '@/utils/extract/calendar';
import { findDeliveryPromise, resolveDeliveryPhrase } from '@/utils/extract/delivery-date';

// Friday 27 November 2026, 07:02 in New York (an e-mail's date).
const NY = 'America/New_York';
const FRIDAY = { at: Date.UTC(2026, 10, 27, 12, 2), timeZone: NY };
const resolve = (phrase: string, ref = FRIDAY) => resolveDeliveryPhrase(phrase, ref);

describe('resolveDeliveryPhrase: single days', () => {
  it.each([
    ['Arriving today', '2026-11-27'],
    ['will be delivered tomorrow', '2026-11-28'],
    ['Arriving Tuesday', '2026-12-01'],
    ['Arriving Friday', '2026-11-27'],
    ['Arriving Thursday', '2026-12-03'],
    ['Friday, December 3', '2026-12-03'],
    ['Tuesday 16 November', '2026-11-16'],
    ['Dec 2nd', '2026-12-02'],
    ['heute', '2026-11-27'],
    ['übermorgen', '2026-11-29'],
    ['Zustellung: Dienstag, 1. Dezember', '2026-12-01'],
    ['am 02.12.', '2026-12-02'],
    ['am 02.12.2026', '2026-12-02'],
    ['demain', '2026-11-28'],
    ['le mardi 1er décembre', '2026-12-01'],
    ['après-demain', '2026-11-29'],
    ['mañana', '2026-11-28'],
    ['el miércoles 2 de diciembre', '2026-12-02'],
    ['pasado mañana', '2026-11-29'],
    ['domani', '2026-11-28'],
    ['giovedì 3 dicembre', '2026-12-03'],
    ['2026-12-04', '2026-12-04'],
  ])('%s → %s', (phrase, start) => {
    expect(resolve(phrase)).toEqual({ start, timeZone: NY });
  });

  it('picks the year nearest the reference, across New Year', () => {
    const lateDecember = { at: Date.UTC(2026, 11, 28, 15), timeZone: NY };
    expect(resolve('Arriving January 3', lateDecember)?.start).toBe('2027-01-03');
    expect(resolve('Now expected Dec 30 – Jan 2', lateDecember)).toEqual({
      start: '2026-12-30',
      end: '2027-01-02',
      timeZone: NY,
    });
    // A few weeks back is a late package, not next year's.
    expect(resolve('expected November 20')?.start).toBe('2026-11-20');
  });

  it('reads the day in the reference zone, not UTC', () => {
    // 03:30 UTC on the 28th is still the evening of the 27th in New York, already the 28th in Berlin.
    const at = Date.UTC(2026, 10, 28, 3, 30);
    expect(resolve('today', { at, timeZone: NY })?.start).toBe('2026-11-27');
    expect(resolve('today', { at, timeZone: 'Europe/Berlin' })?.start).toBe('2026-11-28');
  });
});

describe('resolveDeliveryPhrase: windows and times', () => {
  it.each([
    ['Now expected March 27 - March 28', '2027-03-27', '2027-03-28'],
    ['Now expected December 2 – 4', '2026-12-02', '2026-12-04'],
    ['between Tuesday and Thursday', '2026-12-01', '2026-12-03'],
    ['Friday – Monday', '2026-11-27', '2026-11-30'],
    ['Zustellung: 1.–3. Dezember', '2026-12-01', '2026-12-03'],
    ['du 30 novembre au 2 décembre', '2026-11-30', '2026-12-02'],
    ['du 3 au 5 décembre', '2026-12-03', '2026-12-05'],
    ['entre el 3 y el 5 de diciembre', '2026-12-03', '2026-12-05'],
    ['tra il 3 e il 5 dicembre', '2026-12-03', '2026-12-05'],
    ['29 novembre - 2 dicembre', '2026-11-29', '2026-12-02'],
  ])('%s → %s … %s', (phrase, start, end) => {
    expect(resolve(phrase)).toEqual({ start, end, timeZone: NY });
  });

  it.each([
    ['Arriving today by 10 PM', '22:00'],
    ['today by 9:30pm', '21:30'],
    ['tomorrow between 2 – 6 PM', '18:00'],
    ['heute bis 20 Uhr', '20:00'],
    ["aujourd'hui avant 22h", '22:00'],
    ['hoy antes de las 21:00', '21:00'],
    ['oggi entro le 20:00', '20:00'],
  ])('%s → by %s', (phrase, by) => {
    expect(resolve(phrase)?.by).toBe(by);
  });

  it('ignores an hour without a meridiem in English ("by 10" could be morning or night)', () => {
    expect(resolve('today by 10')).toEqual({ start: '2026-11-27', timeZone: NY });
  });

  it.each(['soon', 'February 30', '03/04', 'Track your package', 'on its way', 'March 1 – June 30'])(
    'returns nothing for %j',
    (phrase) => {
      expect(resolve(phrase)).toBeUndefined();
    },
  );
});

describe('findDeliveryPromise', () => {
  it('finds the promise after its trigger and quotes it briefly', () => {
    const found = findDeliveryPromise(
      'Hi Sam,\nYour package will arrive:\nTuesday, December 1\nOrder #113-1',
      FRIDAY,
    );
    expect(found?.eta).toEqual({ start: '2026-12-01', timeZone: NY });
    expect(found?.phrase).toMatch(/^will arrive: Tuesday, December 1/);
  });

  it('skips dates that are not promised: order date, ship date, another sentence', () => {
    expect(findDeliveryPromise('Ordered on November 20. Shipped November 24.', FRIDAY)).toBeUndefined();
    expect(findDeliveryPromise('Arriving soon. Ordered November 20', FRIDAY)).toBeUndefined();
    expect(findDeliveryPromise('Delivered November 25', FRIDAY)).toBeUndefined();
  });

  it.each([
    ['Arriving:\n\nTuesday 1 December', '2026-12-01'],
    ['Your package with 1 item will be delivered today.', '2026-11-27'],
    ['Voraussichtliche Zustellung: Montag, 30. November', '2026-11-30'],
    ['Ihr Paket wird morgen zugestellt.', '2026-11-28'],
    ['Livraison prévue le jeudi 3 décembre', '2026-12-03'],
    ['Tu paquete llega el lunes', '2026-11-30'],
    ['Entrega estimada: 2 de diciembre', '2026-12-02'],
    ['Arriverà: mercoledì 2 dicembre', '2026-12-02'],
    ['Consegna prevista tra il 3 e il 5 dicembre', '2026-12-03'],
    ['Estimated delivery date: Dec 1, 2026', '2026-12-01'],
  ])('%j → %s', (text, start) => {
    expect(findDeliveryPromise(text, FRIDAY)?.eta.start).toBe(start);
  });
});

describe('calendar', () => {
  it('converts a wall-clock time in a zone to the instant, across a DST change', () => {
    // 2026-03-08 is the US spring-forward day: 09:00 EDT = 13:00 UTC.
    expect(instantOf({ year: 2026, month: 3, day: 8 }, 9, 0, NY)).toBe(Date.UTC(2026, 2, 8, 13));
    expect(instantOf({ year: 2026, month: 1, day: 8 }, 9, 0, NY)).toBe(Date.UTC(2026, 0, 8, 14));
    expect(dayIn(Date.UTC(2026, 0, 1, 2), NY)).toEqual({ year: 2025, month: 12, day: 31 });
  });
});
