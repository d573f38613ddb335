import type { CarrierBrand } from '../brand-type';

export const parcelforceBrand: CarrierBrand = {
  code: 'parcelforce',
  name: 'Parcelforce',
  initials: 'PF',
  background: '#d52b1e',
  foreground: '#ffffff',
};
