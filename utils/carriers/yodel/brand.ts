import type { CarrierBrand } from '../brand-type';

export const yodelBrand: CarrierBrand = {
  code: 'yodel',
  name: 'Yodel',
  initials: 'Y',
  background: '#84bd00',
  foreground: '#1d1d1b',
};
