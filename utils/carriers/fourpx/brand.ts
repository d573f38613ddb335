import type { CarrierBrand } from '../brand-type';

export const fourpxBrand: CarrierBrand = {
  code: 'fourpx',
  name: '4PX',
  initials: '4PX',
  background: '#0050a0',
  foreground: '#ffffff',
};
