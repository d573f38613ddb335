import type { CarrierBrand } from '../brand-type';

export const canparBrand: CarrierBrand = {
  code: 'canpar',
  name: 'Canpar',
  initials: 'CA',
  background: '#006341',
  foreground: '#ffffff',
};
