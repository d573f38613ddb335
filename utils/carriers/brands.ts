/**
 * The popup's and options page's context: how each carrier folder names and marks its carrier (`<carrier>/brand.ts`).
 * Not imported by content scripts (their bundle budget): the page only reports codes.
 */

import { amazonBrand } from './amazon/brand';
import { australiaPostBrand } from './australia-post/brand';
import type { CarrierBrand } from './brand-type';
import { cainiaoBrand } from './cainiao/brand';
import { canadaPostBrand } from './canada-post/brand';
import { canparBrand } from './canpar/brand';
import { chronopostBrand } from './chronopost/brand';
import { dhlBrand } from './dhl/brand';
import { dpdBrand } from './dpd/brand';
import { evriBrand } from './evri/brand';
import { fedexBrand } from './fedex/brand';
import { fourpxBrand } from './fourpx/brand';
import { glsBrand } from './gls/brand';
import { gofoBrand } from './gofo/brand';
import { hermesBrand } from './hermes/brand';
import { inpostBrand } from './inpost/brand';
import { jtExpressBrand } from './jt-express/brand';
import { laPosteBrand } from './la-poste/brand';
import { landmarkBrand } from './landmark/brand';
import { lasershipBrand } from './lasership/brand';
import { oldDominionBrand } from './old-dominion/brand';
import { ontracBrand } from './ontrac/brand';
import { parcelforceBrand } from './parcelforce/brand';
import { posteItalianeBrand } from './poste-italiane/brand';
import { postnlBrand } from './postnl/brand';
import { purolatorBrand } from './purolator/brand';
import { royalMailBrand } from './royal-mail/brand';
import { s10Brand } from './s10/brand';
import { sdaBrand } from './sda/brand';
import { speedeeBrand } from './speedee/brand';
import { upsBrand } from './ups/brand';
import { uspsBrand } from './usps/brand';
import { yanwenBrand } from './yanwen/brand';
import { yodelBrand } from './yodel/brand';
import { yunexpressBrand } from './yunexpress/brand';

export const CARRIER_BRANDS: readonly CarrierBrand[] = [
  upsBrand,
  uspsBrand,
  fedexBrand,
  dhlBrand,
  amazonBrand,
  ontracBrand,
  lasershipBrand,
  canadaPostBrand,
  canparBrand,
  dpdBrand,
  gofoBrand,
  landmarkBrand,
  oldDominionBrand,
  purolatorBrand,
  s10Brand,
  speedeeBrand,
  yodelBrand,
  yunexpressBrand,
  royalMailBrand,
  glsBrand,
  evriBrand,
  hermesBrand,
  postnlBrand,
  parcelforceBrand,
  australiaPostBrand,
  laPosteBrand,
  chronopostBrand,
  inpostBrand,
  posteItalianeBrand,
  sdaBrand,
  cainiaoBrand,
  fourpxBrand,
  yanwenBrand,
  jtExpressBrand,
];
