import type { CarrierBrand } from '../brand-type';

export const glsBrand: CarrierBrand = {
  code: 'gls',
  name: 'GLS',
  initials: 'GLS',
  background: '#061ab1',
  foreground: '#ffd100',
};
