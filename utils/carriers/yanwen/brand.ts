import type { CarrierBrand } from '../brand-type';

export const yanwenBrand: CarrierBrand = {
  code: 'yanwen',
  name: 'Yanwen',
  initials: 'YW',
  background: '#e60012',
  foreground: '#ffffff',
};
