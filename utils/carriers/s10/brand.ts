import type { CarrierBrand } from '../brand-type';

export const s10Brand: CarrierBrand = {
  code: 's10',
  name: 'Postal service',
  initials: 'PO',
  background: '#5c6670',
  foreground: '#ffffff',
};
