/**
 * The carrier-page reader's context: where each carrier folder's tracking page shows its status headline and event
 * list (`<carrier>/page.ts`), by carrier code. Carriers without one are read by the generic headline search.
 */
import { dhlLayout } from './dhl/page';
import { fedexLayout } from './fedex/page';
import type { CarrierLayout } from './layout-type';
import { upsLayout } from './ups/page';
import { uspsLayout } from './usps/page';

export type { CarrierLayout };

export const CARRIER_LAYOUTS: Record<string, CarrierLayout> = {
  ups: upsLayout,
  usps: uspsLayout,
  fedex: fedexLayout,
  dhl: dhlLayout,
};
