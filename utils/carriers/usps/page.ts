import type { CarrierLayout } from '../layout-type';

/**
 * tools.usps.com/go/TrackConfirmAction: one `.tb-step` per event ("November 27, 2026, 1:47 pm"; some steps have a
 * date only); the current step's `.tb-status` is the headline. Collapsed history steps are in the page too.
 */
export const uspsLayout: CarrierLayout = {
  headline: '.current-step .tb-status, .current-step .tb-status-detail',
  rows: '.tb-step',
  at: '.tb-date',
  what: '.tb-status-detail',
  where: '.tb-location',
};
