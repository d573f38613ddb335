import type { CarrierBrand } from '../brand-type';

export const jtExpressBrand: CarrierBrand = {
  code: 'jt_express',
  name: 'J&T Express',
  initials: 'JT',
  background: '#e60012',
  foreground: '#ffffff',
};
