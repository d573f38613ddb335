import type { CarrierBrand } from '../brand-type';

export const uspsBrand: CarrierBrand = {
  code: 'usps',
  name: 'USPS',
  initials: 'PS',
  background: '#333366',
  foreground: '#ffffff',
};
