import { mod10 } from '../../tracking/checksums';
import type { Courier } from '../../tracking/types';

/**
 * A USPS barcode may carry a routing prefix: "420" and the destination ZIP (5 or 9 digits).
 * Returns the ways to read `n` as [prefix length, serial]; the number itself stays whole.
 */
function withoutRouting(n: string): string[] {
  const serials = [n];
  if (n.startsWith('420')) serials.push(n.slice(8), n.slice(12));
  return serials;
}

const checkUspsMod10 = (serial: string) =>
  mod10(serial.slice(0, -1), serial.slice(-1), { evens: 3, odds: 1 });

/** IMpb: the mailer id has nine digits when it starts with 9, six otherwise; the package id fills the rest. */
function impbShapeOk(
  serial: string,
  nineDigitLengths: readonly number[],
  sixDigitLengths: readonly number[],
) {
  const lengths = serial.charAt(5) === '9' ? nineDigitLengths : sixDigitLengths;
  return lengths.includes(serial.length);
}

function impbN(serial: string): boolean {
  if (!serial.startsWith('94') || !impbShapeOk(serial, [22, 26, 30], [22, 26])) return false;
  return mod10(serial.slice(0, -1), serial.slice(-1), { evens: 3, odds: 1, reverse: true });
}

function impbC(serial: string): boolean {
  const ai = serial.slice(0, 2);
  const mailerNine = serial.charAt(5) === '9';
  if (!(ai === '95' || (ai === '92' && mailerNine) || (ai === '93' && !mailerNine))) return false;
  if (!impbShapeOk(serial, [22, 26], [22, 26])) return false;
  return checkUspsMod10(serial);
}

function legacy(serial: string): boolean {
  if (serial.length === 22) return serial.startsWith('91') && checkUspsMod10(serial);
  return serial.length === 20 && checkUspsMod10(`91${serial}`);
}

/** Which serial lengths a routed number may carry after "420" + ZIP5 / ZIP9. */
function routed(n: string, test: (serial: string) => boolean, allowedAfterZip5: readonly number[]): boolean {
  const [whole, afterZip5, afterZip9] = withoutRouting(n);
  if (whole !== undefined && test(whole)) return true;
  if (afterZip5 !== undefined && allowedAfterZip5.includes(afterZip5.length) && test(afterZip5)) return true;
  return afterZip9 !== undefined && afterZip9.length === 22 && test(afterZip9);
}

export const usps: Courier = {
  code: 'usps',
  // USPS
  aliases: [
    'usps',
    'postal service',
    'u.s. mail',
    'us mail',
    'priority mail',
    'first-class',
    'ground advantage',
  ],
  hosts: ['usps.com', 'mailviewrecipient.'],
  trackingUrl: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'usps_impb_n',
      carrier: 'usps',
      // USPS IMpb N
      lengths: [22, 26, 30, 34],
      pattern: /^(?:94|420)[0-9]{20,32}$/,
      validate: (n) => routed(n, impbN, [22, 26]),
      strength: 'strong',
      checksum: true,
    },
    {
      id: 'usps_impb_c',
      carrier: 'usps',
      // USPS IMpb C
      lengths: [22, 26, 30, 34],
      pattern: /^(?:9[235]|420)[0-9]{20,32}$/,
      validate: (n) => routed(n, impbC, [22, 26]),
      strength: 'strong',
      checksum: true,
    },
    {
      id: 'usps_legacy',
      carrier: 'usps',
      // USPS Legacy
      lengths: [22, 30, 34],
      pattern: /^(?:91|420)[0-9]{20,32}$/,
      validate: (n) => withoutRouting(n).some((serial) => serial.length === 22 && legacy(serial)),
      strength: 'strong',
      checksum: true,
    },
    {
      id: 'usps_legacy',
      carrier: 'usps',
      // USPS Legacy
      lengths: [20, 28, 32],
      pattern: /^[0-9]{20,32}$/,
      validate: (n) => withoutRouting(n).some((serial) => serial.length === 20 && legacy(serial)),
      strength: 'medium',
      checksum: true,
    },
    {
      // Twenty digits with a mod 10 check, a generic shape: needs context.
      id: 'usps_20',
      carrier: 'usps',
      // USPS 20
      lengths: [20],
      pattern: /^[0-9]{20}$/,
      validate: checkUspsMod10,
      strength: 'medium',
      checksum: true,
    },
  ],
};
