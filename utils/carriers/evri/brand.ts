import type { CarrierBrand } from '../brand-type';

export const evriBrand: CarrierBrand = {
  code: 'evri',
  name: 'Evri',
  initials: 'EV',
  background: '#007bc4',
  foreground: '#ffffff',
};
