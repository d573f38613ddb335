import type { CarrierBrand } from '../brand-type';

export const dhlBrand: CarrierBrand = {
  code: 'dhl',
  name: 'DHL',
  initials: 'DHL',
  background: '#ffcc00',
  foreground: '#d40511',
};
