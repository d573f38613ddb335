import type { CarrierBrand } from '../brand-type';

export const posteItalianeBrand: CarrierBrand = {
  code: 'poste_italiane',
  name: 'Poste Italiane',
  initials: 'PO',
  background: '#0047bb',
  foreground: '#ffdc00',
};
