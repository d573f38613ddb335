import type { CarrierBrand } from '../brand-type';

export const australiaPostBrand: CarrierBrand = {
  code: 'australia_post',
  name: 'Australia Post',
  initials: 'AP',
  background: '#dc1928',
  foreground: '#ffffff',
};
