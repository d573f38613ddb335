import type { CarrierBrand } from '../brand-type';

export const sdaBrand: CarrierBrand = {
  code: 'sda',
  name: 'SDA',
  initials: 'SDA',
  background: '#003e7e',
  foreground: '#ffffff',
};
