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

/** Numeric value of a digit, or -1. */
function digitAt(s: string, i: number): number {
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

/** Weighted mod 10 (`mod10` in tracking_number_data): check = (10 - sum mod 10) mod 10. */
export function mod10(serial: string, check: string, options: Mod10Options): boolean {
  const expected = checkDigitValue(check);
  if (expected < 0 || serial.length === 0) return false;
  const n = serial.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = mod10CharValue(serial, options.reverse ? n - 1 - i : i);
    if (v < 0) return false;
    sum += v * (i % 2 === 0 ? options.evens : options.odds);
  }
  return (10 - (sum % 10)) % 10 === expected;
}

/** DHL Express: the serial read as an integer, modulo 7, is the check digit. */
export function mod7(serial: string, check: string): boolean {
  const expected = checkDigitValue(check);
  if (expected < 0 || serial.length === 0) return false;
  let rem = 0;
  for (let i = 0; i < serial.length; i++) {
    const d = digitAt(serial, i);
    if (d < 0) return false;
    rem = (rem * 10 + d) % 7;
  }
  return rem === expected;
}

/** Luhn (ISO/IEC 7812): doubling every second digit from the right of serial + check. */
export function luhn(serial: string, check: string): boolean {
  const expected = checkDigitValue(check);
  if (expected < 0 || serial.length === 0) return false;
  let sum = 0;
  for (let i = serial.length - 1, k = 0; i >= 0; i--, k++) {
    let d = digitAt(serial, i);
    if (d < 0) return false;
    if (k % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === expected;
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
  const expected = checkDigitValue(check);
  if (expected < 0 || serial.length !== weights.length) return false;
  let sum = 0;
  for (let i = 0; i < serial.length; i++) {
    const d = digitAt(serial, i);
    if (d < 0) return false;
    sum += d * (weights[i] ?? 0);
  }
  return (sum % modulo1) % modulo2 === expected;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** UPU S10: weights 8 6 4 2 3 5 9 7, modulo 11; remainder 1 gives 0 and remainder 0 gives 5. */
export function s10(serial: string, check: string): boolean {
  const expected = checkDigitValue(check);
  if (expected < 0 || serial.length !== S10_WEIGHTS.length) return false;
  let sum = 0;
  for (let i = 0; i < serial.length; i++) {
    const d = digitAt(serial, i);
    if (d < 0) return false;
    sum += d * (S10_WEIGHTS[i] ?? 0);
  }
  const rem = sum % 11;
  const computed = rem === 0 ? 5 : rem === 1 ? 0 : 11 - rem;
  return computed === expected;
}

const MOD36_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO/IEC 7064 MOD 37,36 (hybrid system), used by DPD parcel numbers; the check is a character. */
export function mod37x36(serial: string, check: string): boolean {
  if (check.length !== 1 || serial.length === 0) return false;
  let p = 36;
  for (let i = 0; i < serial.length; i++) {
    const v = MOD36_ALPHABET.indexOf(serial.charAt(i));
    if (v < 0) return false;
    let s = (p + v) % 36;
    if (s === 0) s = 36;
    p = (s * 2) % 37;
  }
  const computed = (37 - p) % 36;
  return MOD36_ALPHABET.charAt(computed) === check;
}
