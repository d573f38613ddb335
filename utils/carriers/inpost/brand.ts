import type { CarrierBrand } from '../brand-type';

export const inpostBrand: CarrierBrand = {
  code: 'inpost',
  name: 'InPost',
  initials: 'IP',
  background: '#ffcd00',
  foreground: '#1d1d1b',
};
