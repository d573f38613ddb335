import type { CarrierBrand } from '../brand-type';

export const postnlBrand: CarrierBrand = {
  code: 'postnl',
  name: 'PostNL',
  initials: 'NL',
  background: '#ed7000',
  foreground: '#ffffff',
};
