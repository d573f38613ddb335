import type { CarrierBrand } from '../brand-type';

export const canadaPostBrand: CarrierBrand = {
  code: 'canada_post',
  name: 'Canada Post',
  initials: 'CP',
  background: '#da291c',
  foreground: '#ffffff',
};
