import type { CarrierLayout } from '../layout-type';

/**
 * fedex.com/fedextrack: the stylized status is the headline; "Travel history" groups scans under day headers
 * ("Friday, 11/27/26") with a time per scan.
 */
export const fedexLayout: CarrierLayout = {
  headline: '[data-test-id="delivery-status"] [role="heading"], trk-shared-stylized-status',
  rows: '.travel-history__date, .travel-history__scan-event',
  day: '.travel-history__date',
  at: '.travel-history__time',
  what: '.travel-history__status',
  where: '.travel-history__location',
};
