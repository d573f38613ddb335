import type { CarrierBrand } from '../brand-type';

export const landmarkBrand: CarrierBrand = {
  code: 'landmark',
  name: 'Landmark Global',
  initials: 'LG',
  background: '#003a70',
  foreground: '#ffffff',
};
