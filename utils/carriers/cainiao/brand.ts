import type { CarrierBrand } from '../brand-type';

export const cainiaoBrand: CarrierBrand = {
  code: 'cainiao',
  name: 'Cainiao',
  initials: 'CN',
  background: '#ff6a00',
  foreground: '#ffffff',
};
