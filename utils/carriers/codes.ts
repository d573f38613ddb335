/**
 * The one list of carrier codes: the tracking engine's `CarrierCode` is derived from it (utils/tracking/types.ts) and
 * the message boundary checks codes against it (utils/messages.ts). A code is its carrier folder's name with `_` for
 * `-` (tests/unit/catalogues/carrier-folders.test.ts). Plain data with no imports, so whichever bundle needs the list
 * pulls only these strings.
 */
export const CARRIER_CODES = [
  'ups',
  'usps',
  'fedex',
  'dhl',
  'amazon',
  'ontrac',
  'lasership',
  'canada_post',
  'canpar',
  'dpd',
  'gofo',
  'landmark',
  'old_dominion',
  'purolator',
  's10',
  'speedee',
  'yodel',
  'yunexpress',
  'gls',
  'evri',
  'hermes',
  'postnl',
  'royal_mail',
  'parcelforce',
  'australia_post',
  'la_poste',
  'chronopost',
  'inpost',
  'poste_italiane',
  'sda',
  'cainiao',
  'fourpx',
  'yanwen',
  'jt_express',
] as const;

export type CarrierCode = (typeof CARRIER_CODES)[number];
