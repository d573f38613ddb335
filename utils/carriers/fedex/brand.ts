import type { CarrierBrand } from '../brand-type';

export const fedexBrand: CarrierBrand = {
  code: 'fedex',
  name: 'FedEx',
  initials: 'FX',
  background: '#4d148c',
  foreground: '#ffffff',
};
