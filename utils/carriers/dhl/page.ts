import type { CarrierLayout } from '../layout-type';

/**
 * dhl.com/…/tracking.html: the status copy message is the headline; "All Shipment Updates" lists checkpoints under
 * day titles ("Friday, November 27, 2026"), each with a local time, a status and a location.
 */
const P = '.c-tracking-result--';

export const dhlLayout: CarrierLayout = {
  headline: `${P}status-copy-message`,
  rows: `${P}checkpoint-date-title, ${P}checkpoint`,
  day: `${P}checkpoint-date-title`,
  at: `${P}checkpoint-time`,
  what: `${P}checkpoint-location-status`,
  where: `${P}checkpoint-location`,
};
