import type { CarrierBrand } from '../brand-type';

export const upsBrand: CarrierBrand = {
  code: 'ups',
  name: 'UPS',
  initials: 'UPS',
  background: '#4a2c1d',
  foreground: '#ffb500',
};
