import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  luhn,
  luhnSpan,
  mod7,
  mod7Span,
  mod10,
  mod10Span,
  mod37x36,
  mod37x36Span,
} from '../../../utils/tracking/checksums';
import { ALL_FORMATS, leadingChars, mayMatch } from '../../../utils/tracking/format-table';

describe('leadingChars (first-character index of the formats)', () => {
  it('reads a literal, a class or a group of alternatives', () => {
    expect(leadingChars(/^1Z[0-9A-Z]{15}[0-9]$/)).toBe('1');
    expect(leadingChars(/^[AHJKTV][0-9]{10}$/)).toBe('AHJKTV');
    expect(leadingChars(/^[0-5][0-9]{11}$/)).toBe('012345');
    expect(leadingChars(/^(?:9[235]|420)[0-9]{20,32}$/)).toBe('49');
  });
  it('allows every character when the first token is not plainly one character', () => {
    const every = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    expect(leadingChars(/^(?:420)?[0-9]{20}$/)).toBe(every);
    expect(leadingChars(/^J?D[0-9]{16}$/)).toBe(every);
    expect(leadingChars(/^[^A][0-9]{9}$/)).toBe(every);
    expect(leadingChars(/^(?:A|)[0-9]{9}$/)).toBe(every);
    expect(leadingChars(/[0-9]{10}$/)).toBe(every);
    expect(leadingChars(/^[a-c][0-9]{9}$/i)).toBe(every);
  });
  it('never rejects a number its format accepts', () => {
    for (const format of ALL_FORMATS) {
      const lead = leadingChars(format.pattern);
      fc.assert(
        fc.property(fc.stringMatching(format.pattern), (number) => {
          expect(lead).toContain(number.charAt(0));
          if (format.lengths.includes(number.length))
            expect(mayMatch(number.length, number.charCodeAt(0))).toBe(true);
        }),
        { numRuns: 50 },
      );
    }
  });
});

describe('checksums read in place', () => {
  const digits = fc.stringMatching(/^[0-9]{2,30}$/);
  it('agree with the substring versions on any span', () => {
    fc.assert(
      fc.property(digits, fc.nat(), fc.nat(), (s, a, b) => {
        const from = a % s.length;
        const to = from + 1 + (b % (s.length - from));
        if (to >= s.length) return;
        const serial = s.slice(from, to);
        const check = s.charAt(to);
        const value = Number(check);
        expect(mod10Span(s, from, to, value, 3, 1)).toBe(mod10(serial, check, { evens: 3, odds: 1 }));
        expect(mod10Span(s, from, to, value, 1, 3, true)).toBe(
          mod10(serial, check, { evens: 1, odds: 3, reverse: true }),
        );
        expect(mod7Span(s, from, to, value)).toBe(mod7(serial, check));
        expect(luhnSpan(s, from, to, value)).toBe(luhn(serial, check));
        expect(mod37x36Span(s, from, to, s.charCodeAt(to))).toBe(mod37x36(serial, check));
      }),
    );
  });
});
