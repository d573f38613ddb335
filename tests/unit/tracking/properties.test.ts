import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTrackingNumbers, identifyTrackingNumber, parseTrackingUrl } from '../../../utils/tracking/index';

/** Text made of the pieces that trouble detectors: digits, groups, separators, labels, markup. */
const PIECES = [
  ' ',
  '  ',
  '\n',
  '\u00a0',
  '-',
  ':',
  '/',
  '%3D',
  '<b>',
  '</b>',
  'Tracking number: ',
  'Order ',
  'UPS ',
  'FedEx ',
  'https://www.ups.com/track?tracknum=',
  '1Z',
  'TBA',
  '9400',
  'é',
  '_',
];
const noisyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.stringMatching(/^[0-9A-Za-z]{1,12}$/),
      fc.string({ maxLength: 8 }),
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''));

/** Known numbers of varied carriers, and how they are printed. */
const KNOWN = [
  ['1Z999AA10123456784', 'ups'],
  ['9400111206206406260787', 'usps'],
  ['TBA502887274000', 'amazon'],
  ['RB123456785GB', 's10'],
  ['YT2229521272164446', 'yunexpress'],
  ['JJD0002257639032011', 'yodel'],
  ['GFUS01011884214464', 'gofo'],
  ['LTN74207623N1', 'landmark'],
] as const;

describe('properties', () => {
  it('never throws, and returns valid spans in order, without overlaps', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        const found = findTrackingNumbers(text, { minConfidence: 0 });
        let last = 0;
        for (const m of found) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.number).toMatch(/^[0-9A-Z]+(?:-1)?$/);
          expect(m.confidence).toBeGreaterThanOrEqual(0);
          expect(m.confidence).toBeLessThanOrEqual(1);
          last = m.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        expect(findTrackingNumbers(text)).toEqual(findTrackingNumbers(text));
      }),
      { numRuns: 150 },
    );
  });

  it('finds a labelled number inserted between arbitrary texts', () => {
    fc.assert(
      fc.property(noisyText, noisyText, fc.constantFrom(...KNOWN), (before, after, [number, carrier]) => {
        const text = `${before}\nTracking number: ${number}\n${after}`;
        const at = before.length + 'Tracking number: '.length + 1;
        const m = findTrackingNumbers(text).find((x) => x.start === at);
        expect(m?.number).toBe(number);
        expect(m?.carrier).toBe(carrier);
        expect(text.slice(m?.start, m?.end)).toBe(number);
      }),
      { numRuns: 200 },
    );
  });

  it('never reports a number glued to other letters or digits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KNOWN), fc.stringMatching(/^[0-9A-Z]$/), ([number], glue) => {
        expect(findTrackingNumbers(`Tracking: ${glue}${number}`).map((m) => m.number)).not.toContain(number);
        expect(findTrackingNumbers(`Tracking: ${number}${glue}`).map((m) => m.number)).not.toContain(number);
      }),
    );
  });

  it('identify and parse never throw on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        identifyTrackingNumber(s);
        parseTrackingUrl(s);
        parseTrackingUrl(`https://www.ups.com/track?tracknum=${s}`);
      }),
      { numRuns: 300 },
    );
  });

  it('stays fast on large adversarial shapes (no backtracking, no quadratic pass)', () => {
    const size = 200_000;
    const shapes = [
      '1Z'.repeat(size / 2),
      '7'.repeat(size),
      '8 '.repeat(size / 2),
      'A 1 '.repeat(size / 4),
      'Tracking number: '.repeat(size / 17),
      '1Z 999 AA1 01 2345 678 4 '.repeat(size / 25),
      '<a href="https://www.ups.com/track?tracknum='.repeat(size / 45),
    ];
    for (const text of shapes) {
      const t0 = performance.now();
      findTrackingNumbers(text);
      // Generous bound for a shared CI machine; the benchmark measures the real figures.
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });
});
