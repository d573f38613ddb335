import type { PackageStatus } from '../store/types';
import { B, E, WORD_CHARS } from './word-chars';

/**
 * Status words as shops, carriers and Amazon write them (en, de, fr, es, it, nl, pl), most specific first: "not delivered"
 * must win over "delivered", "out for delivery" over "delivery".
 */
// Word boundaries that know accented letters (B, E from word-chars.ts): JavaScript's \b would fail after "expédié".

// Global, so a headline can look at every occurrence (`headlineStatus`); each use starts from lastIndex 0. One
// compiled set serves both readers (compiling is what a page's first scan pays: warm-up.ts).
const phrase = (alternatives: string) => new RegExp(`${B}(?:${alternatives})${E}`, 'giu');

const STATUS_PHRASES: [RegExp, PackageStatus][] = [
  [
    phrase(
      'delivery attempt(?:ed)?|attempted delivery|we missed you|missed delivery|zustellversuch|nicht angetroffen|tentative de livraison|intento de entrega|tentata consegna|bezorgpoging|we hebben je gemist',
    ),
    'failed_attempt',
  ],
  [
    phrase(
      'not delivered|undeliverable|delivery exception|delayed|running late|lost in transit|problem with (?:your|the) delivery|verzögert|retardé|en retard|retrasado|in ritardo',
    ),
    'exception',
  ],
  // The customer's own return or refund of a delivered order: the parcel did arrive, nothing went wrong with it.
  [
    phrase(
      'return complete|return started|refunded|refund issued|rückgabe abgeschlossen|erstattet|retour effectué|remboursée?|devolución completada|reembolsado|reso completato|rimborsato',
    ),
    'delivered',
  ],
  [
    phrase(
      "return(?:ed)? to sender|being returned|rücksendung an absender|retour à l'expéditeur|devuelto al remitente|reso al mittente",
    ),
    'returned',
  ],
  [
    phrase(
      "out for delivery|with delivery courier|on (?:the |a )?(?:fedex |ups |dhl )?vehicle for delivery|(?:it's|it is|is) coming today|delivering (?:it )?today|in (?:der )?zustellung|wird heute zugestellt|kommt heute|in das zustellfahrzeug geladen|en cours de livraison|(?:arrive|sera livrée?) aujourd(?:'|’)hui|en reparto|llega hoy|será entregad[oa] hoy|in consegna|arriva oggi|sarà consegnat[oa] oggi|wordt vandaag bezorgd|komt vandaag|bezorger is onderweg|w doręczeniu|doręczamy|dziś doręczymy|kurier doręczy",
    ),
    'out_for_delivery',
  ],
  [
    phrase(
      'ready for pick ?up|available for pick ?up|(?:a )?package to pick up|abholbereit|zur abholung bereit|ligt (?:voor je )?klaar|klaar om op te halen|disponible en point relais|listo para recoger|pronto per il ritiro|czeka w paczkomacie|czeka na odbiór|gotowa do odbioru',
    ),
    'available_for_pickup',
  ],
  // A promise is not a delivery: "will be delivered today" is an estimate.
  [
    phrase(
      `(?:will be|to be|should be|expected to be|being|scheduled to be) delivered|wird (?:[${WORD_CHARS}:.]+ ){0,8}zugestellt|soll (?:[${WORD_CHARS}:.]+ ){0,6}zugestellt werden|sera livrée?|será entregad[oa]|se entregará|sarà consegnat[oa]|wordt (?:[${WORD_CHARS}:.]+ ){0,8}bezorgd`,
    ),
    'in_transit',
  ],
  // "Auto-delivered: Every 2 months" is a Subscribe & Save schedule, not a delivery.
  [
    phrase(
      '(?<!auto-)delivered|zugestellt|geliefert|livré|entregado|consegnato|bezorgd|afgeleverd|dostarczona|dostarczono|doręczona|doręczono|doręczyliśmy',
    ),
    'delivered',
  ],
  [
    phrase(
      'shipped|in transit|on (?:the|its) way|has left|dispatched|arriving|scheduled for delivery|versandt|verschickt|unterwegs|expédié|en transit|enviado|en camino|en tránsito|spedito|in transito|onderweg|verzonden|w drodze|przekazana kurierowi',
    ),
    'in_transit',
  ],
  [
    phrase(
      "label created|shipping label|shipment information sent|preparing (?:for|to) ship|order received|order confirmation|we(?:'|’)ll send a confirmation when|versandetikett|elektronisch angekündigt|bestellbestätigung|aangemeld|étiquette créée|confirmation de commande|etiqueta creada|confirmación del pedido|conferma dell'ordine",
    ),
    'info_received',
  ],
];

/** The status a short piece of text states, or undefined. Meant for a bounded window around a number. */
export function statusFromText(text: string): { status: PackageStatus; phrase: string } | undefined {
  for (const [pattern, status] of STATUS_PHRASES) {
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    if (match) return { status, phrase: match[0] };
  }
  return undefined;
}

/** Adverbs of a slogan ("Simply delivered.", "Einfach geliefert."): a brand's motto, not news about a parcel. */
const SLOGAN_BEFORE =
  /(?:simply|easily|reliably|always|smartly|happily|proudly|fast|einfach|zuverlässig|immer|simplement|toujours|siempre|sempre)\s*$/iu;

/**
 * The status a message's own headline states: of all status phrases in `text` (the subject or the top of a body), the
 * one written first, so that "Your package was shipped! … Arriving today" reads as shipped and a footer slogan or a
 * list of other services further down does not speak for the parcel. Where two phrases start at the same place, the
 * more specific (earlier in STATUS_PHRASES) wins.
 */
export function headlineStatus(text: string): { status: PackageStatus; phrase: string } | undefined {
  let best: { status: PackageStatus; phrase: string; index: number } | undefined;
  for (const [all, status] of STATUS_PHRASES) {
    all.lastIndex = 0;
    for (let match = all.exec(text); match; match = all.exec(text)) {
      if (best && match.index >= best.index) break;
      if (SLOGAN_BEFORE.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
      best = { status, phrase: match[0], index: match.index };
      break;
    }
  }
  return best && { status: best.status, phrase: best.phrase };
}

/** Every expression of this module, for warm-up.ts to compile ahead of the first scan. */
export const STATUS_EXPRESSIONS: readonly RegExp[] = [
  ...STATUS_PHRASES.map(([pattern]) => pattern),
  SLOGAN_BEFORE,
];
