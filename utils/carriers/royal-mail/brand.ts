import type { CarrierBrand } from '../brand-type';

export const royalMailBrand: CarrierBrand = {
  code: 'royal_mail',
  name: 'Royal Mail',
  initials: 'RM',
  background: '#e4002b',
  foreground: '#ffffff',
};
