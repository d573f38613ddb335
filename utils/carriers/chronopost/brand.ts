import type { CarrierBrand } from '../brand-type';

export const chronopostBrand: CarrierBrand = {
  code: 'chronopost',
  name: 'Chronopost',
  initials: 'CH',
  background: '#005a9b',
  foreground: '#ffffff',
};
