import type { CarrierBrand } from '../brand-type';

export const dpdBrand: CarrierBrand = {
  code: 'dpd',
  name: 'DPD',
  initials: 'DPD',
  background: '#dc0032',
  foreground: '#ffffff',
};
