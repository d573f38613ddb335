/**
 * How carriers are named and marked in the popup: a brand name and a small coloured mark with initials (not the
 * carrier's logo, which is a trademark). Codes are the tracking engine's `CarrierCode`s; unknown codes still get a
 * readable name and a neutral mark, because stored records may come from an import or a newer version.
 */

export interface CarrierBrand {
  name: string;
  /** One to three letters shown in the mark. */
  initials: string;
  background: string;
  foreground: string;
}

const BRANDS: Record<string, CarrierBrand> = {
  ups: { name: 'UPS', initials: 'UPS', background: '#4a2c1d', foreground: '#ffb500' },
  usps: { name: 'USPS', initials: 'PS', background: '#333366', foreground: '#ffffff' },
  fedex: { name: 'FedEx', initials: 'FX', background: '#4d148c', foreground: '#ffffff' },
  dhl: { name: 'DHL', initials: 'DHL', background: '#ffcc00', foreground: '#d40511' },
  amazon: { name: 'Amazon', initials: 'A', background: '#232f3e', foreground: '#ff9900' },
  ontrac: { name: 'OnTrac', initials: 'OT', background: '#005eb8', foreground: '#ffffff' },
  lasership: { name: 'LaserShip', initials: 'LS', background: '#0c2340', foreground: '#ffffff' },
  canada_post: { name: 'Canada Post', initials: 'CP', background: '#da291c', foreground: '#ffffff' },
  canpar: { name: 'Canpar', initials: 'CA', background: '#006341', foreground: '#ffffff' },
  dpd: { name: 'DPD', initials: 'DPD', background: '#dc0032', foreground: '#ffffff' },
  gofo: { name: 'GOFO Express', initials: 'GO', background: '#1d4ed8', foreground: '#ffffff' },
  landmark: { name: 'Landmark Global', initials: 'LG', background: '#003a70', foreground: '#ffffff' },
  old_dominion: { name: 'Old Dominion', initials: 'OD', background: '#00543c', foreground: '#ffffff' },
  purolator: { name: 'Purolator', initials: 'PU', background: '#c8102e', foreground: '#ffffff' },
  s10: { name: 'Postal service', initials: 'PO', background: '#5c6670', foreground: '#ffffff' },
  speedee: { name: 'Spee-Dee', initials: 'SD', background: '#e35205', foreground: '#ffffff' },
  yodel: { name: 'Yodel', initials: 'Y', background: '#84bd00', foreground: '#1d1d1b' },
  yunexpress: { name: 'YunExpress', initials: 'YE', background: '#0057a8', foreground: '#ffffff' },
  royal_mail: { name: 'Royal Mail', initials: 'RM', background: '#e4002b', foreground: '#ffffff' },
  gls: { name: 'GLS', initials: 'GLS', background: '#061ab1', foreground: '#ffd100' },
  evri: { name: 'Evri', initials: 'EV', background: '#007bc4', foreground: '#ffffff' },
  hermes: { name: 'Hermes', initials: 'HE', background: '#0091cd', foreground: '#ffffff' },
  postnl: { name: 'PostNL', initials: 'NL', background: '#ed7000', foreground: '#ffffff' },
  parcelforce: { name: 'Parcelforce', initials: 'PF', background: '#d52b1e', foreground: '#ffffff' },
  australia_post: { name: 'Australia Post', initials: 'AP', background: '#dc1928', foreground: '#ffffff' },
  la_poste: { name: 'La Poste', initials: 'LP', background: '#ffc700', foreground: '#003da5' },
  chronopost: { name: 'Chronopost', initials: 'CH', background: '#005a9b', foreground: '#ffffff' },
  inpost: { name: 'InPost', initials: 'IP', background: '#ffcd00', foreground: '#1d1d1b' },
  poste_italiane: { name: 'Poste Italiane', initials: 'PO', background: '#0047bb', foreground: '#ffdc00' },
  sda: { name: 'SDA', initials: 'SDA', background: '#003e7e', foreground: '#ffffff' },
  cainiao: { name: 'Cainiao', initials: 'CN', background: '#ff6a00', foreground: '#ffffff' },
  fourpx: { name: '4PX', initials: '4PX', background: '#0050a0', foreground: '#ffffff' },
  yanwen: { name: 'Yanwen', initials: 'YW', background: '#e60012', foreground: '#ffffff' },
  jt_express: { name: 'J&T Express', initials: 'JT', background: '#e60012', foreground: '#ffffff' },
};

const NEUTRAL = { background: '#6e7781', foreground: '#ffffff' };

export function carrierBrand(code: string | undefined): CarrierBrand | undefined {
  if (!code) return undefined;
  const known = BRANDS[code];
  if (known) return known;
  const name = code
    .split('_')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
  return { name, initials: name.slice(0, 2).toUpperCase(), ...NEUTRAL };
}
