/**
 * How carriers are named and marked in the popup: a brand name and a small coloured mark with initials (not the
 * carrier's logo, which is a trademark). Codes are the tracking engine's `CarrierCode`s; unknown codes still get a
 * readable name and a neutral mark, because stored records may come from an import or a newer version.
 */
import type { CarrierBrand } from '../carriers/brand-type';
import { CARRIER_BRANDS } from '../carriers/brands';

/** A carrier's name and mark as shown; for an unknown code, made from the code. */
export type CarrierLook = Omit<CarrierBrand, 'code'>;

const NEUTRAL = { background: '#6e7781', foreground: '#ffffff' };

export function carrierBrand(code: string | undefined): CarrierLook | undefined {
  if (!code) return undefined;
  // Compared, never used as a plain object's key (a stored `__proto__` code); no table built at load, so a
  // script that imports this module for something else does not carry the brands.
  const known = CARRIER_BRANDS.find((brand) => brand.code === code);
  if (known) return known;
  const name = code
    .split('_')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
  return { name, initials: name.slice(0, 2).toUpperCase(), ...NEUTRAL };
}
