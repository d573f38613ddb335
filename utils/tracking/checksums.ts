/**
 * Check-digit algorithms used by parcel tracking numbers.
 *
 * The algorithm names and parameters follow the `validation.checksum` blocks of the
 * tracking_number_data project (https://github.com/jkeen/tracking_number_data, MIT);
 * the code is written from that specification. Every function takes the serial part
 * (without the check character) and the check character, both already normalised
 * (upper case, no separators), and never throws.
 */

const CODE_0 = 48;
const CODE_9 = 57;
const CODE_A = 65;
const CODE_Z = 90;

/** Numeric value of the digit at `i` of `s`, or -1. */
export function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= CODE_0 && c <= CODE_9 ? c - CODE_0 : -1;
}

function checkDigitValue(check: string): number {
  return check.length === 1 ? digitAt(check, 0) : -1;
}

/**
 * Value of a character in the UPS / tracking_number_data mod 10 scheme: digits are
 * themselves, letters map to (char code - 3) mod 10 (A=2, B=3, ... as UPS prints them).
 */
function mod10CharValue(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= CODE_0 && c <= CODE_9) return c - CODE_0;
  if (c >= CODE_A && c <= CODE_Z) return (c - 3) % 10;
  return -1;
}

export interface Mod10Options {
  /** Multiplier for characters at even 0-based positions. */
  evens: number;
  /** Multiplier for characters at odd 0-based positions. */
  odds: number;
  /** Count positions from the right-hand end of the serial. */
  reverse?: boolean;
}

/*
 * The `...Span` variants check the serial `s[from, to)` of a number in place against the
 * check digit value `expected` (-1: not a digit), so matching a candidate copies no substring.
 */

/**
 * mod10 of the serial `s[from, to)`. `bias` is added to the weighted sum first (GLS adds 1). With weights 3 and 1
 * read from the right it is the GS1 check digit (SSCC, GTIN); 4 and 9 from the left, Deutsche Post's Identcode.
 */
export function mod10Span(
  s: string,
  from: number,
  to: number,
  expected: number,
  evens: number,
  odds: number,
  reverse = false,
  bias = 0,
): boolean {
  if (expected < 0 || to <= from) return false;
  let sum = bias;
  for (let k = 0; k < to - from; k++) {
    const v = mod10CharValue(s, reverse ? to - 1 - k : from + k);
    if (v < 0) return false;
    sum += v * (k % 2 === 0 ? evens : odds);
  }
  return (10 - (sum % 10)) % 10 === expected;
}

/** Weighted mod 10 (`mod10` in tracking_number_data): check = (10 - sum mod 10) mod 10. */
export function mod10(serial: string, check: string, options: Mod10Options): boolean {
  const { evens, odds, reverse } = options;
  return mod10Span(serial, 0, serial.length, checkDigitValue(check), evens, odds, reverse);
}

/** mod7 of the serial `s[from, to)`. */
export function mod7Span(s: string, from: number, to: number, expected: number): boolean {
  if (expected < 0 || to <= from) return false;
  let rem = 0;
  for (let i = from; i < to; i++) {
    const d = digitAt(s, i);
    if (d < 0) return false;
    rem = (rem * 10 + d) % 7;
  }
  return rem === expected;
}

/** DHL Express: the serial read as an integer, modulo 7, is the check digit. */
export function mod7(serial: string, check: string): boolean {
  return mod7Span(serial, 0, serial.length, checkDigitValue(check));
}

/** luhn of the serial `s[from, to)`. */
export function luhnSpan(s: string, from: number, to: number, expected: number): boolean {
  if (expected < 0 || to <= from) return false;
  let sum = 0;
  for (let i = to - 1, k = 0; i >= from; i--, k++) {
    let d = digitAt(s, i);
    if (d < 0) return false;
    if (k % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === expected;
}

/** Luhn (ISO/IEC 7812): doubling every second digit from the right of serial + check. */
export function luhn(serial: string, check: string): boolean {
  return luhnSpan(serial, 0, serial.length, checkDigitValue(check));
}

/** weightedSum of the serial of `weights.length` digits at `from` of `s`. */
export function weightedSumSpan(
  s: string,
  from: number,
  expected: number,
  weights: readonly number[],
  modulo1: number,
  modulo2: number,
): boolean {
  if (expected < 0) return false;
  let sum = 0;
  for (let k = 0; k < weights.length; k++) {
    const d = digitAt(s, from + k);
    if (d < 0) return false;
    sum += d * (weights[k] ?? 0);
  }
  return (sum % modulo1) % modulo2 === expected;
}

/**
 * Sum of digit x weight, then modulo `modulo1` and `modulo2`
 * (`sum_product_with_weightings_and_modulo`, the FedEx Express scheme).
 */
export function weightedSum(
  serial: string,
  check: string,
  weights: readonly number[],
  modulo1: number,
  modulo2: number,
): boolean {
  if (serial.length !== weights.length) return false;
  return weightedSumSpan(serial, 0, checkDigitValue(check), weights, modulo1, modulo2);
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** s10 of the eight-digit serial at `from` of `s`. */
export function s10Span(s: string, from: number, expected: number): boolean {
  if (expected < 0) return false;
  let sum = 0;
  for (let k = 0; k < S10_WEIGHTS.length; k++) {
    const d = digitAt(s, from + k);
    if (d < 0) return false;
    sum += d * (S10_WEIGHTS[k] ?? 0);
  }
  const rem = sum % 11;
  const computed = rem === 0 ? 5 : rem === 1 ? 0 : 11 - rem;
  return computed === expected;
}

/** UPU S10: weights 8 6 4 2 3 5 9 7, modulo 11; remainder 1 gives 0 and remainder 0 gives 5. */
export function s10(serial: string, check: string): boolean {
  return serial.length === S10_WEIGHTS.length && s10Span(serial, 0, checkDigitValue(check));
}

const MOD36_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Value of an upper-case letter or digit in MOD 37,36, or -1. */
function mod36Value(c: number): number {
  if (c >= CODE_0 && c <= CODE_9) return c - CODE_0;
  return c >= CODE_A && c <= CODE_Z ? c - CODE_A + 10 : -1;
}

/** mod37x36 of the serial `s[from, to)`; the check is the character code `check`. */
export function mod37x36Span(s: string, from: number, to: number, check: number): boolean {
  if (to <= from) return false;
  let p = 36;
  for (let i = from; i < to; i++) {
    const v = mod36Value(s.charCodeAt(i));
    if (v < 0) return false;
    let r = (p + v) % 36;
    if (r === 0) r = 36;
    p = (r * 2) % 37;
  }
  return MOD36_ALPHABET.charCodeAt((37 - p) % 36) === check;
}

/** ISO/IEC 7064 MOD 37,36 (hybrid system), used by DPD parcel numbers; the check is a character. */
export function mod37x36(serial: string, check: string): boolean {
  return check.length === 1 && mod37x36Span(serial, 0, serial.length, check.charCodeAt(0));
}
