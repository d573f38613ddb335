import { describe, expect, it } from 'vitest';
import { luhn, mod7, mod10, mod37x36, s10, weightedSum } from '../../../utils/tracking/checksums';

/** Every other check character must fail: a check digit accepts exactly one value. */
function otherDigits(check: string): string[] {
  return '0123456789'.split('').filter((d) => d !== check);
}

describe('mod10', () => {
  it('validates UPS numbers (letters count as (code - 3) mod 10, odd positions x2)', () => {
    expect(mod10('879E93034683444', '0', { evens: 1, odds: 2 })).toBe(true);
    expect(mod10('5R8939035756712', '7', { evens: 1, odds: 2 })).toBe(true);
    for (const d of otherDigits('7')) expect(mod10('5R8939035756712', d, { evens: 1, odds: 2 })).toBe(false);
  });
  it('validates USPS 20 (3/1 weights) and IMpb (counted from the right)', () => {
    expect(mod10('0307179000052348374', '1', { evens: 3, odds: 1 })).toBe(true);
    expect(mod10('0307179000052348374', '2', { evens: 3, odds: 1 })).toBe(false);
    expect(mod10('940011120620640626078', '7', { evens: 3, odds: 1, reverse: true })).toBe(true);
    expect(mod10('943461120620640766713', '1', { evens: 3, odds: 1, reverse: true })).toBe(false);
  });
  it('rejects empty serials, non-digit checks and foreign characters', () => {
    expect(mod10('', '0', { evens: 1, odds: 2 })).toBe(false);
    expect(mod10('12345', 'X', { evens: 1, odds: 2 })).toBe(false);
    expect(mod10('12-45', '0', { evens: 1, odds: 2 })).toBe(false);
  });
});

describe('mod7 (DHL Express)', () => {
  it('accepts serial mod 7 as the check digit', () => {
    expect(mod7('331881002', '5')).toBe(true);
    expect(mod7('7389105114', '6')).toBe(true);
    for (const d of otherDigits('5')) expect(mod7('331881002', d)).toBe(false);
  });
  it('works past the safe-integer range', () => {
    const serial = '9'.repeat(30);
    const expected = String(Number(BigInt(serial) % 7n));
    expect(mod7(serial, expected)).toBe(true);
  });
});

describe('luhn (Old Dominion, Purolator)', () => {
  it('validates the test numbers', () => {
    expect(luhn('0720956276', '3')).toBe(true);
    expect(luhn('32059546393', '8')).toBe(true);
    expect(luhn('32059546393', '9')).toBe(false);
    expect(luhn('7992739871', '3')).toBe(true); // the classic Luhn example
  });
});

describe('weighted sum (FedEx Express)', () => {
  const w12 = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];
  it('validates 12-digit numbers', () => {
    expect(weightedSum('98657878885', '5', w12, 11, 10)).toBe(true);
    expect(weightedSum('99657878885', '5', w12, 11, 10)).toBe(false);
  });
  it('needs exactly one weight per digit', () => {
    expect(weightedSum('9865787888', '5', w12, 11, 10)).toBe(false);
  });
});

describe('s10 (UPU)', () => {
  it('validates RB123456785GB and its special remainders', () => {
    expect(s10('12345678', '5')).toBe(true);
    expect(s10('12345678', '6')).toBe(false);
    // remainder 0 -> 5, remainder 1 -> 0
    expect(s10('00000000', '5')).toBe(true);
  });
});

describe('mod37x36 (DPD)', () => {
  it('validates check characters, digits and letters', () => {
    expect(mod37x36('008182709980000020033350276', 'C')).toBe(true);
    expect(mod37x36('09980000020033', 'F')).toBe(true);
    expect(mod37x36('09980000020033', 'D')).toBe(false);
    expect(mod37x36('09980000020034', 'D')).toBe(true);
  });
  it('rejects characters outside its alphabet', () => {
    expect(mod37x36('0998-000020034', 'D')).toBe(false);
    expect(mod37x36('09980000020034', '')).toBe(false);
  });
});
