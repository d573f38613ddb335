import type { CarrierBrand } from '../brand-type';

export const oldDominionBrand: CarrierBrand = {
  code: 'old_dominion',
  name: 'Old Dominion',
  initials: 'OD',
  background: '#00543c',
  foreground: '#ffffff',
};
