import type { CarrierBrand } from '../brand-type';

export const laPosteBrand: CarrierBrand = {
  code: 'la_poste',
  name: 'La Poste',
  initials: 'LP',
  background: '#ffc700',
  foreground: '#003da5',
};
