/**
 * What the text around a candidate says about it: the nearest field label before it
 * ("Tracking number", "Sendungsnummer", ... or "Order", "Phone", "UPC", ...), the carriers
 * named nearby, and signs of a phone number. Every lookup reads a bounded window, so the
 * cost per candidate is constant.
 */
import { COURIERS } from './format-table';
import type { CarrierCode } from './types';

/** Labels that introduce a tracking number, in the languages of our users (prefix match). */
const TRACKING_LABELS = [
  // A label matches every word it begins ("track" reads "tracking", "Trackingnummer", "Track & Trace"), so no
  // entry repeats a shorter one of the same kind; longer phrases are listed only where they contain another
  // field's word ("track your order").
  // English
  'track',
  'trk',
  'waybill',
  'air waybill',
  'awb',
  'consignment',
  'shipment',
  'package',
  'parcel',
  'pro number',
  'pro #',
  'pro no',
  'delivery confirmation',
  'signature confirmation',
  'label number',
  'barcode',
  'pro#',
  // Phrases that contain another field's word but name the tracking number.
  'tracking reference',
  'consignment reference',
  'shipment reference',
  'parcel reference',
  'package reference',
  'carrier reference',
  'track your order',
  'track my order',
  'track order',
  'order tracking',
  'suivre votre commande',
  'suivre ma commande',
  'suivi de commande',
  'seguimiento del pedido',
  'seguimiento de pedido',
  'rastrear pedido',
  'bestellung verfolgen',
  'traccia ordine',
  // German
  'sendung',
  'paket',
  'verfolgung',
  'lieferschein',
  // French
  'suivi',
  'colis',
  'numéro de suivi',
  "numéro d'envoi",
  'envoi',
  'expédition',
  // Spanish / Portuguese
  'seguimiento',
  'rastreo',
  'rastreamento',
  'envío',
  'envio',
  'paquete',
  'localizador',
  'encomenda',
  // Italian
  'tracciamento',
  'spedizione',
  'pacco',
  // Dutch
  'zending',
  'pakket',
  'volgnummer',
  // Nordic / Polish
  'försändelse',
  'sporing',
  'forsendelse',
  'lähetys',
  'przesyłk',
  'numer przesy',
  'paczk',
  'numer paczki',
  'śledzenie',
  // Italian (SDA's waybill)
  'lettera di vettura',
];

/** Labels of other numbers printed on shipping e-mails and pages (prefix match). */
const OTHER_LABELS = [
  'order',
  'bestell',
  'auftrag',
  'commande',
  'pedido',
  'ordine',
  'ordre',
  'invoice',
  'rechnung',
  'facture',
  'factura',
  'fattura',
  'receipt',
  'quittung',
  'reçu',
  'recibo',
  'ricevuta',
  'item',
  'artikel',
  'article',
  'artículo',
  'articolo',
  'sku',
  'upc',
  'ean',
  'gtin',
  'isbn',
  'asin',
  'model',
  'serial',
  'part no',
  'phone',
  'tel',
  'call',
  'fax',
  'whatsapp',
  'hotline',
  'contact',
  'customer',
  'kunde',
  'client',
  'account',
  'konto',
  'member',
  'iban',
  'bic',
  'swift',
  'card',
  'karte',
  'carte',
  'tarjeta',
  'visa',
  'mastercard',
  'amex',
  'auth',
  'référence',
  'riferimento',
  'ref',
  'rma',
  'return authorization',
  'confirmation',
  'bestätigung',
  'transaction',
  'payment',
  'zahlung',
  'paiement',
  'pago',
  'coupon',
  'gift',
  'voucher',
  'gutschein',
  'promo',
  'store',
  'vat',
  'ust',
  'tva',
  'iva',
  'tax',
  'steuer',
  'ticket',
  'case',
  'message-id',
  'booking',
  'réservation',
  'reserva',
  'reservier',
  'buchung',
  'tél',
  'mobil',
  'handy',
  'portable',
  'support',
  'appel',
  'llam',
  'cuenta',
  'compte',
  'beleg',
  'transak',
  'transacci',
  'paypal',
  'geschenk',
  'cupón',
  'descuento',
  'serien',
  'blz',
  'siret',
  'mitglied',
  'vorgang',
  'dossier',
  // Fields of shipping mails whose numbers are never parcels.
  'message id',
  'purchase',
  'po #',
  'p.o.',
  'kod odbioru',
  'pickup code',
  'abholcode',
  'zamówieni',
];

export type LabelKind = 'tracking' | 'other';

type Term = { kind: 'label'; label: LabelKind } | { kind: 'carrier'; carriers: CarrierCode[] };

const TERMS = new Map<string, Term>();
for (const l of OTHER_LABELS) TERMS.set(l, { kind: 'label', label: 'other' });
for (const l of TRACKING_LABELS) TERMS.set(l, { kind: 'label', label: 'tracking' });
for (const courier of COURIERS)
  for (const alias of courier.aliases) {
    const term = TERMS.get(alias);
    // A name may stand for several carriers ("Canada Post" ships both its own and S10 numbers).
    if (term?.kind === 'carrier') term.carriers.push(courier.code);
    else if (!term) TERMS.set(alias, { kind: 'carrier', carriers: [courier.code] });
  }

/**
 * The terms as a character trie in flat tables, walked at each word start of a lower-cased
 * window: node `n` goes on with character `c` to `NEXT[n * WIDTH + COLUMN[c]]` (0: nowhere,
 * as the root 0 is no one's child), and `TERM_AT[n]` is the term ending there, if any.
 * Typed-array reads cost a fraction of the map lookups of a linked trie.
 */
const TERM_TEXTS = [...TERMS.keys()];
const ALPHABET = [...new Set(TERM_TEXTS.join(''))].map((ch) => ch.charCodeAt(0));
/** Column of each character that occurs in a term (0: none does). */
const COLUMN = new Uint8Array(Math.max(...ALPHABET) + 1);
ALPHABET.forEach((c, i) => {
  COLUMN[c] = i + 1;
});
const WIDTH = ALPHABET.length + 1;
/** Trie nodes numbered by the term prefix they stand for (the root, 0, is the empty one). */
const NODE_OF_PREFIX = new Map<string, number>([['', 0]]);
for (const text of TERM_TEXTS)
  for (let i = 1; i <= text.length; i++) {
    const prefix = text.slice(0, i);
    if (!NODE_OF_PREFIX.has(prefix)) NODE_OF_PREFIX.set(prefix, NODE_OF_PREFIX.size);
  }
const NEXT = new Uint16Array(NODE_OF_PREFIX.size * WIDTH);
for (const [prefix, node] of NODE_OF_PREFIX) {
  if (prefix === '') continue;
  const parent = NODE_OF_PREFIX.get(prefix.slice(0, -1)) ?? 0;
  NEXT[parent * WIDTH + (COLUMN[prefix.charCodeAt(prefix.length - 1)] ?? 0)] = node;
}
const TERM_AT: (Term | undefined)[] = [];
for (const [text, term] of TERMS) TERM_AT[NODE_OF_PREFIX.get(text) ?? 0] = term;

/** The trie node after `node` reads `c`, or 0. */
function nextNode(node: number, c: number): number {
  const column = c < COLUMN.length ? (COLUMN[c] as number) : 0;
  return column === 0 ? 0 : (NEXT[node * WIDTH + column] as number);
}

/** Word characters of lower-cased text: ASCII letters and digits, Latin-1 and Latin Extended letters. */
function isWordCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

/** The longest term starting at `p` of `s` (lower case), or null. */
function termAt(s: string, p: number): { term: Term; end: number } | null {
  const n = s.length;
  let node = nextNode(0, s.charCodeAt(p));
  let q = p + 1;
  let found: Term | null = null;
  let foundEnd = -1;
  while (node !== 0) {
    const term = TERM_AT[node];
    // Carrier names must end at a word boundary ("ups", not "upstairs"); labels may run on.
    if (term && !(term.kind === 'carrier' && q < n && isWordCode(s.charCodeAt(q)))) {
      found = term;
      foundEnd = q;
    }
    if (q >= n) break;
    node = nextNode(node, s.charCodeAt(q));
    q++;
  }
  return found ? { term: found, end: foundEnd } : null;
}

const isWordStart = (s: string, p: number) => p === 0 || !isWordCode(s.charCodeAt(p - 1));

/** Calls `visit` for each term at a word start of `s`, left to right, without overlaps. */
function forEachTerm(s: string, visit: (term: Term, start: number, end: number) => void): void {
  for (let p = 0; p < s.length; p++) {
    if (!isWordStart(s, p)) continue;
    const m = termAt(s, p);
    if (!m) continue;
    visit(m.term, p, m.end);
    p = m.end - 1;
  }
}

/** How far back a label may stand from its number (visible characters). */
export const LABEL_WINDOW = 100;
/** How far a carrier name may stand before or after the number. */
export const CARRIER_WINDOW_BEFORE = 160;
export const CARRIER_WINDOW_AFTER = 60;
/** A carrier named this close (same table row, "Shipped with X (tracking N)") is strong evidence. */
export const CARRIER_NEAR = 45;

/**
 * Printed like a phone number (the text from `start` to `end`): digit groups ending in 3 + 4
 * digits ("555 010 4477", "1-800-225-5345"), the way few tracking numbers are grouped.
 */
export function phoneShaped(text: string, start: number, end: number): boolean {
  // Read in place: the lengths of the last two digit runs, and how many runs there are.
  let groups = 0;
  let last = 0;
  let prev = 0;
  let run = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (run === 0) {
        groups++;
        prev = last;
      }
      last = ++run;
    } else if ((c | 32) >= 97 && (c | 32) <= 122) return false;
    else run = 0;
  }
  return groups >= 3 && last === 4 && prev === 3;
}

export interface TextContext {
  /** The nearest label before the number, and its distance in visible characters. */
  label: LabelKind | null;
  labelDistance: number;
  /** Nearest distance of each carrier named before (or after) the number. */
  carriersBefore: Map<CarrierCode, number>;
  carriersAfter: Map<CarrierCode, number>;
  /** "+44 20 ..." or "tel:" right before the number. */
  phoneLike: boolean;
}

/** Whether position `at` of `s` lies inside an HTML tag (attribute names and values are not labels). */
function insideTag(s: string, at: number): boolean {
  const open = s.lastIndexOf('<', at);
  return open >= 0 && open > s.lastIndexOf('>', at);
}

/** Characters of `s` between `from` and its end that are not inside HTML tags. */
function visibleLength(s: string, from: number): number {
  let n = 0;
  let inTag = false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 60) inTag = true;
    else if (c === 62 && inTag) inTag = false;
    else if (!inTag) n++;
  }
  return n;
}

/** How far past the nearest label to look for a longer phrase containing it ("track your order"). */
const PHRASE_REACH = 30;

/** Filled in by each readContext call: one per call would be most of its allocation on a large page. */
const SHARED_CONTEXT: TextContext = {
  label: null,
  labelDistance: Number.POSITIVE_INFINITY,
  carriersBefore: new Map(),
  carriersAfter: new Map(),
  phoneLike: false,
};

/**
 * Reads the surroundings of the number at [start, end). The result is reused by the next call:
 * read it before calling again. The text before it is read backwards,
 * nearest word first, and only as far as needed: until the nearest label is settled and one of
 * the `carriers` the number could belong to has been named (or the window ends).
 */
export function readContext(
  text: string,
  start: number,
  end: number,
  carriers: readonly CarrierCode[],
): TextContext {
  const from = Math.max(0, start - CARRIER_WINDOW_BEFORE);
  const before = text.slice(from, start).toLowerCase();
  const html = before.includes('<');
  const ctx = SHARED_CONTEXT;
  ctx.label = null;
  ctx.labelDistance = Number.POSITIVE_INFINITY;
  // Cleared only when used: clearing allocates a fresh table, and most numbers have no carrier named near.
  if (ctx.carriersBefore.size > 0) ctx.carriersBefore.clear();
  if (ctx.carriersAfter.size > 0) ctx.carriersAfter.clear();
  ctx.phoneLike = /(?:\+|tel:|\(0\))\s?$/.test(before.slice(-6));
  const distanceFrom = (to: number) => (html ? visibleLength(before, to) : before.length - to);
  let labelStart = -1;
  let relevantCarrierSeen = false;
  for (let p = before.length - 1; p >= 0; p--) {
    if (!isWordStart(before, p)) continue;
    const labelSettled =
      labelStart >= 0 ? p < labelStart - PHRASE_REACH : before.length - p > LABEL_WINDOW + PHRASE_REACH;
    // Carriers only count beside a tracking label or none, so an "other" label ends the search.
    if (labelSettled && (relevantCarrierSeen || ctx.label === 'other')) break;
    const m = termAt(before, p);
    if (!m || (html && insideTag(before, p))) continue;
    const { term } = m;
    if (term.kind === 'carrier') {
      for (const c of term.carriers) {
        if (!ctx.carriersBefore.has(c)) ctx.carriersBefore.set(c, distanceFrom(m.end));
        if (carriers.includes(c)) relevantCarrierSeen = true;
      }
    } else if (labelStart < 0) {
      const distance = distanceFrom(m.end);
      if (distance <= LABEL_WINDOW) {
        ctx.label = term.label;
        ctx.labelDistance = distance;
        labelStart = p;
      }
    } else if (m.end > labelStart) {
      // A longer phrase that contains the label found first ("track your order" over "order").
      ctx.label = term.label;
      labelStart = p;
    }
  }
  // A carrier named after the number only counts when none it could belong to is named before.
  if (!relevantCarrierSeen) {
    const after = text.slice(end, end + CARRIER_WINDOW_AFTER).toLowerCase();
    const htmlAfter = after.includes('<');
    forEachTerm(after, (term, at) => {
      if (term.kind !== 'carrier' || (htmlAfter && insideTag(after, at))) return;
      for (const c of term.carriers) if (!ctx.carriersAfter.has(c)) ctx.carriersAfter.set(c, at);
    });
  }
  return ctx;
}
