import type { CarrierLayout } from '../layout-type';

/** ups.com/track: "Shipment Progress" is a table of date and time, activity, location. */
export const upsLayout: CarrierLayout = {
  headline: '#st_App_PkgStsMonthNum, #stApp_shpmtProg h2',
  rows: 'table tr',
  at: 'td:first-child',
  what: 'td:nth-child(2)',
  where: 'td:nth-child(3)',
};
