import type { CarrierBrand } from '../brand-type';

export const yunexpressBrand: CarrierBrand = {
  code: 'yunexpress',
  name: 'YunExpress',
  initials: 'YE',
  background: '#0057a8',
  foreground: '#ffffff',
};
