import type { CarrierBrand } from '../brand-type';

export const lasershipBrand: CarrierBrand = {
  code: 'lasership',
  name: 'LaserShip',
  initials: 'LS',
  background: '#0c2340',
  foreground: '#ffffff',
};
