/**
 * The engine's context: every carrier folder's number formats (`<carrier>/formats.ts`), in the order the engine
 * prefers them. Adding a carrier is its folder plus one import and one entry here (and in the other context indexes
 * it has a file for: brands.ts, pages.ts, sites.ts, web.ts); tests/unit/tracking/carrier-catalogue.test.ts fails when
 * a folder's file is not listed.
 *
 * The format definitions (shapes, check-digit schemes, lookups, tracking URLs) are derived from
 * the tracking_number_data project by Jeff Keen (https://github.com/jkeen/tracking_number_data,
 * MIT licence, commit b79ce4b); the code is this project's own.
 */
import type { Courier } from '../tracking/types';
import { amazon } from './amazon/formats';
import { australiaPost } from './australia-post/formats';
import { cainiao } from './cainiao/formats';
import { canadaPost } from './canada-post/formats';
import { canpar } from './canpar/formats';
import { chronopost } from './chronopost/formats';
import { dhl } from './dhl/formats';
import { dpd } from './dpd/formats';
import { evri } from './evri/formats';
import { fedex } from './fedex/formats';
import { fourpx } from './fourpx/formats';
import { gls } from './gls/formats';
import { gofo } from './gofo/formats';
import { hermes } from './hermes/formats';
import { inpost } from './inpost/formats';
import { jtExpress } from './jt-express/formats';
import { laPoste } from './la-poste/formats';
import { landmark } from './landmark/formats';
import { lasership } from './lasership/formats';
import { oldDominion } from './old-dominion/formats';
import { ontrac } from './ontrac/formats';
import { parcelforce } from './parcelforce/formats';
import { posteItaliane } from './poste-italiane/formats';
import { postnl } from './postnl/formats';
import { purolator } from './purolator/formats';
import { royalMail } from './royal-mail/formats';
import { s10 } from './s10/formats';
import { sda } from './sda/formats';
import { speedee } from './speedee/formats';
import { ups } from './ups/formats';
import { usps } from './usps/formats';
import { yanwen } from './yanwen/formats';
import { yodel } from './yodel/formats';
import { yunexpress } from './yunexpress/formats';

/**
 * In order of preference when a number fits several carriers and nothing else decides: a
 * format with a fixed prefix and a check digit (Old Dominion) before a bare one (DHL Express).
 */
export const COURIERS: readonly Courier[] = [
  ups,
  usps,
  fedex,
  oldDominion,
  dhl,
  amazon,
  s10,
  ontrac,
  lasership,
  canadaPost,
  canpar,
  dpd,
  gofo,
  landmark,
  purolator,
  speedee,
  yodel,
  yunexpress,
  // Added for European, Australian and Chinese parcels; after the carriers above, so that on a tie between
  // generic shapes the older, more common reading wins.
  gls,
  evri,
  hermes,
  postnl,
  royalMail,
  parcelforce,
  australiaPost,
  laPoste,
  chronopost,
  inpost,
  posteItaliane,
  sda,
  cainiao,
  fourpx,
  yanwen,
  jtExpress,
];
