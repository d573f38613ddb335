import type { CarrierBrand } from '../brand-type';

export const gofoBrand: CarrierBrand = {
  code: 'gofo',
  name: 'GOFO Express',
  initials: 'GO',
  background: '#1d4ed8',
  foreground: '#ffffff',
};
