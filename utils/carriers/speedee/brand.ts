import type { CarrierBrand } from '../brand-type';

export const speedeeBrand: CarrierBrand = {
  code: 'speedee',
  name: 'Spee-Dee',
  initials: 'SD',
  background: '#e35205',
  foreground: '#ffffff',
};
