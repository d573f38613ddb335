import { describe, expect, it } from 'vitest';
import {
  BY_TIME,
  LEADING_DAY,
  MONTH_NAMES,
  PROMISE_TRIGGER,
  RELATIVE_DAYS,
  TERM_SOURCE,
  TIME_WINDOW,
  WEEKDAY_NAMES,
} from '@/utils/extract/date-grammar';
import { firstDayIndex, resolveDeliveryPhrase, resolvePastDay } from '@/utils/extract/date-resolution';
import { findDeliveryPromise } from '@/utils/extract/delivery-date';
import { foldCase } from '@/utils/extract/fold-case';
import { LANGUAGES } from '@/utils/extract/lang/index';
import { WORD_CHARS } from '@/utils/extract/word-chars';

// Monday 7 December 2026, 10:00 in Berlin.
const reference = { at: Date.UTC(2026, 11, 7, 9), timeZone: 'Europe/Berlin' };

describe('date vocabulary per language (lang/)', () => {
  it('gives every language twelve months and seven weekdays, lower case', () => {
    expect(LANGUAGES).toHaveLength(7);
    for (const words of LANGUAGES) {
      expect(words.months).toHaveLength(12);
      expect(words.weekdays).toHaveLength(7);
      for (const name of [...words.months, ...words.weekdays, ...Object.keys(words.relativeDays)])
        expect(name).toBe(name.toLowerCase());
      expect(words.promiseTriggers.length).toBeGreaterThan(0);
    }
  });

  it('never lets two languages give one name two meanings', () => {
    const meaning = new Map<string, string>();
    for (const words of LANGUAGES) {
      words.months.forEach((names, i) => {
        for (const name of names.split(' ')) {
          expect(meaning.get(`m:${name}`) ?? String(i)).toBe(String(i));
          meaning.set(`m:${name}`, String(i));
        }
      });
      words.weekdays.forEach((names, i) => {
        for (const name of names.split(' ')) {
          expect(meaning.get(`w:${name}`) ?? String(i)).toBe(String(i));
          meaning.set(`w:${name}`, String(i));
        }
      });
      for (const [word, offset] of Object.entries(words.relativeDays)) {
        expect(meaning.get(`r:${word}`) ?? String(offset)).toBe(String(offset));
        meaning.set(`r:${word}`, String(offset));
      }
    }
  });
});

describe('date grammar (named groups over the union of the vocabularies)', () => {
  const term = (text: string) => new RegExp(TERM_SOURCE, 'iu').exec(text)?.groups ?? {};
  const defined = (groups: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(groups).filter(([, v]) => v !== undefined));

  it('numbers the names of every language', () => {
    expect(MONTH_NAMES.dezember).toBe(12);
    expect(MONTH_NAMES.grudnia).toBe(12);
    expect(MONTH_NAMES.mrt).toBe(3);
    expect(WEEKDAY_NAMES.środę).toBe(3);
    expect(WEEKDAY_NAMES.sunday).toBe(0);
    expect(RELATIVE_DAYS.übermorgen).toBe(2);
    expect(RELATIVE_DAYS['pasado mañana']).toBe(2);
  });

  it('names the parts of each shape of a day', () => {
    expect(defined(term('2026-12-09'))).toEqual({ isoY: '2026', isoM: '12', isoD: '09' });
    expect(defined(term('9.12.26'))).toEqual({ dotD: '9', dotM: '12', dotY: '26' });
    expect(defined(term('Monday, 12/07/2026'))).toEqual({
      lead: 'Monday',
      slash1: '12',
      slash2: '07',
      slashY: '2026',
    });
    expect(defined(term('3 de diciembre de 2026'))).toEqual({ dmD: '3', dmM: 'diciembre', dmY: '2026' });
    expect(defined(term('Dec 8th, 2026'))).toEqual({ mdM: 'Dec', mdD: '8', mdY: '2026' });
    expect(defined(term('Dienstag, den 8. Dezember'))).toEqual({
      lead: 'Dienstag',
      dmD: '8',
      dmM: 'Dezember',
    });
    expect(defined(term('w środę'))).toEqual({ weekday: 'środę' });
    expect(defined(term('übermorgen'))).toEqual({ relative: 'übermorgen' });
  });

  it('does not read a word inside a longer one', () => {
    expect(term('Morgenpost')).toEqual({});
    expect(defined(term('übermorgen')).relative).toBe('übermorgen');
  });

  it('names windows and times', () => {
    // LEADING_DAY and PROMISE_TRIGGER read folded text (lower case, same positions: fold-case.ts).
    expect(LEADING_DAY.exec(foldCase('Du 3 au 5 Décembre'))?.groups?.openDay).toBe('3');
    expect(TIME_WINDOW.exec('zwischen 10 und 14 Uhr')?.groups).toMatchObject({
      fromH: '10',
      toH: '14',
      toS: 'Uhr',
    });
    expect(BY_TIME.exec('antes de las 21:00')?.groups).toMatchObject({ byH: '21', byM: '00' });
    const text = 'Arriving: Tuesday. Voraussichtliche Zustellung morgen';
    expect(
      [...foldCase(text).matchAll(PROMISE_TRIGGER)].map((m) =>
        text.slice(m.index, m.index + m[0].length).trim(),
      ),
    ).toEqual(['Arriving:', 'Voraussichtliche Zustellung']);
  });
});

describe('date resolution (phrase → day in the reader’s zone)', () => {
  it('resolves a phrase against the reference day and zone', () => {
    expect(resolveDeliveryPhrase('Tuesday by 10 PM', reference)).toEqual({
      start: '2026-12-08',
      by: '22:00',
      timeZone: 'Europe/Berlin',
    });
    expect(resolveDeliveryPhrase('27.–29. Dezember', reference)).toEqual({
      start: '2026-12-27',
      end: '2026-12-29',
      timeZone: 'Europe/Berlin',
    });
    // Late on 7 December in New York is 8 December in Berlin.
    const lateInNewYork = { at: Date.UTC(2026, 11, 8, 4), timeZone: 'America/New_York' };
    expect(resolveDeliveryPhrase('today', lateInNewYork)?.start).toBe('2026-12-07');
  });

  it('reads past events backwards and gives nothing for an undecidable date', () => {
    expect(resolvePastDay('Zugestellt am Freitag', reference)).toBe('2026-12-04');
    expect(resolveDeliveryPhrase('03/04/2026', reference)).toBeUndefined();
    expect(resolveDeliveryPhrase('February 30', reference)).toBeUndefined();
    expect(firstDayIndex('Ordered: yesterday', reference)).toBe(9);
    expect(firstDayIndex('no day here', reference)).toBeUndefined();
  });
});

describe('promise search near found numbers', () => {
  const mail = `Your order has shipped. ${'Lorem ipsum. '.repeat(300)}Tracking 1Z999AA10123456784. Arriving Thursday. ${'Footer text. '.repeat(300)}Deals arriving Friday!`;
  const number = mail.indexOf('1Z999');

  it('finds the same first promise as the whole-text search when the window holds it', () => {
    expect(findDeliveryPromise(mail, reference)?.eta.start).toBe('2026-12-10');
    expect(findDeliveryPromise(mail, reference, { around: [number] })?.eta.start).toBe('2026-12-10');
  });

  it('does not read promises far from every position given', () => {
    const far = `Arriving Friday. ${'Lorem ipsum. '.repeat(300)}Tracking 1Z999AA10123456784.`;
    const at = far.indexOf('1Z999');
    expect(findDeliveryPromise(far, reference)?.eta.start).toBe('2026-12-11');
    expect(findDeliveryPromise(far, reference, { around: [at] })).toBeUndefined();
    expect(findDeliveryPromise(far, reference, { around: [at, 0] })?.eta.start).toBe('2026-12-11');
    expect(findDeliveryPromise(far, reference, { around: [at], reach: at + 1 })?.eta.start).toBe(
      '2026-12-11',
    );
  });
});

describe('case folding and the expressions compiled without `i`', () => {
  it('keeps every position, also where a letter lowers to two code units', () => {
    expect(foldCase('Arriving TUESDAY')).toBe('arriving tuesday');
    const text = 'İstanbul: Lieferung am 3. Dezember';
    const folded = foldCase(text);
    expect(folded).toHaveLength(text.length);
    expect(folded.indexOf('dezember')).toBe(text.indexOf('Dezember'));
  });

  it('reads upper-case and mixed-case promises as before', () => {
    const reference = { at: Date.UTC(2026, 11, 7, 9), timeZone: 'Europe/Berlin' };
    expect(findDeliveryPromise('ARRIVING TUESDAY, DECEMBER 8', reference)?.eta.start).toBe('2026-12-08');
    expect(
      findDeliveryPromise('Voraussichtliche Zustellung: 27.–29. DEZEMBER', reference)?.eta,
    ).toMatchObject({
      start: '2026-12-27',
      end: '2026-12-29',
    });
    // The phrase is the text as written, not the folded copy it was found in.
    expect(findDeliveryPromise('Your parcel: Arriving Tuesday', reference)?.phrase).toBe('Arriving Tuesday');
  });

  it('has lower-case sources where the flag is left out (a capital there would never match)', () => {
    for (const expression of [LEADING_DAY, PROMISE_TRIGGER]) {
      expect(expression.flags).not.toContain('i');
      // Group names, escapes and the word-character class (A-Z among its ranges) aside.
      const letters = expression.source
        .split(WORD_CHARS)
        .join('')
        .replace(/\(\?<[A-Za-z]+>/g, '')
        .replace(/\\[A-Za-z]/g, '');
      expect(letters).toBe(letters.toLowerCase());
    }
  });
});
