import type { EventLayout } from '../extract/events';

/** Where a carrier's tracking page shows its status headline and its event list (see `EventLayout`). */
export interface CarrierLayout extends EventLayout {
  /** The status headline, most specific first; carrier-page.ts's generic headline search is the fallback. */
  headline?: string;
}
