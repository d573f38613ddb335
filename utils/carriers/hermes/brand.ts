import type { CarrierBrand } from '../brand-type';

export const hermesBrand: CarrierBrand = {
  code: 'hermes',
  name: 'Hermes',
  initials: 'HE',
  background: '#0091cd',
  foreground: '#ffffff',
};
