import { pageKindOf } from '../../hosts';
import { carrierSite, genericSite, type Site } from './site';

/** The sites of the page content script: carrier tracking pages, and any other page scanned on request. */
export function pageSiteFor(url: string): Site {
  return pageKindOf(url) === 'carrier' ? carrierSite() : genericSite();
}
