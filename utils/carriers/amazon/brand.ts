import type { CarrierBrand } from '../brand-type';

export const amazonBrand: CarrierBrand = {
  code: 'amazon',
  name: 'Amazon',
  initials: 'A',
  background: '#232f3e',
  foreground: '#ff9900',
};
