import type { CarrierBrand } from '../brand-type';

export const ontracBrand: CarrierBrand = {
  code: 'ontrac',
  name: 'OnTrac',
  initials: 'OT',
  background: '#005eb8',
  foreground: '#ffffff',
};
