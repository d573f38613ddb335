import { type CarrierCode, COURIERS, carrierFromHost, unwrapRedirects } from '../tracking';
import { B, E } from './word-chars';

/**
 * Carriers a document names outside the text the engine scans: the sender's domain (myhermes.co.uk, gls-group.eu,
 * dhl.de), carrier names in the subject ("… - DPD Polska"), and the hosts of carrier links in the body, also behind
 * click-tracking redirectors. The engine then attributes a generic shape to that carrier and not to another whose
 * shape it merely fits. Amazon is left out: it hands parcels to every carrier, so its name says nothing about a number.
 */

const MAX_LINKS = 200;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every carrier alias as a whole word or phrase ("ups" but not "upstairs", "dpd polska"). The expression of an alias
 * is built the first time its letters occur in a text: compiling all of them costs tens of milliseconds, and a page's
 * first scan would pay it in one task although a subject names one carrier at most.
 */
const ALIASES: readonly { alias: string; carrier: CarrierCode; pattern?: RegExp }[] = COURIERS.filter(
  (c) => c.code !== 'amazon',
).flatMap((c) => c.aliases.map((alias) => ({ alias: alias.toLowerCase(), carrier: c.code })));

const aliasIn = (entry: { alias: string; pattern?: RegExp }, head: string, lowerHead: string): boolean => {
  if (!lowerHead.includes(entry.alias)) return false;
  entry.pattern ??= new RegExp(`${B}${escapeRegExp(entry.alias)}${E}`, 'iu');
  return entry.pattern.test(head);
};

/** Carriers named in a short text (a subject line): whole-word aliases only. */
export function carriersNamedIn(text: string | undefined): CarrierCode[] {
  if (!text) return [];
  const head = text.slice(0, 300);
  const lowerHead = head.toLowerCase();
  return [...new Set(ALIASES.filter((a) => aliasIn(a, head, lowerHead)).map((a) => a.carrier))];
}

export interface DocumentEvidence {
  senderAddress?: string;
  subject?: string;
  /** Link targets of the body, as written (possibly wrapped by a redirector). */
  hrefs?: readonly string[];
}

export function documentCarriers(evidence: DocumentEvidence): CarrierCode[] {
  const found = new Set<CarrierCode>();
  const sender = evidence.senderAddress ? carrierFromHost(evidence.senderAddress) : null;
  if (sender && sender !== 'amazon') found.add(sender);
  for (const carrier of carriersNamedIn(evidence.subject)) found.add(carrier);
  for (const href of (evidence.hrefs ?? []).slice(0, MAX_LINKS)) {
    if (!/^https?:/i.test(href)) continue;
    const carrier = carrierFromHost(unwrapRedirects(href));
    if (carrier && carrier !== 'amazon') found.add(carrier);
  }
  return [...found];
}
