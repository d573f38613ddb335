import type { CarrierBrand } from '../brand-type';

export const purolatorBrand: CarrierBrand = {
  code: 'purolator',
  name: 'Purolator',
  initials: 'PU',
  background: '#c8102e',
  foreground: '#ffffff',
};
