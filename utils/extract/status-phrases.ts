import type { PackageStatus } from '../store/types';

/**
 * Status words as shops, carriers and Amazon write them (en, de, fr, es, it), most specific first: "not delivered"
 * must win over "delivered", "out for delivery" over "delivery".
 */
// Word boundaries that know accented letters: JavaScript's \b would fail after "expédié" or "livré".
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const phrase = (alternatives: string) => new RegExp(`${B}(?:${alternatives})${E}`, 'iu');

const STATUS_PHRASES: [RegExp, PackageStatus][] = [
  [
    phrase(
      'delivery attempt(?:ed)?|attempted delivery|we missed you|missed delivery|zustellversuch|tentative de livraison|intento de entrega|tentata consegna',
    ),
    'failed_attempt',
  ],
  [
    phrase(
      'not delivered|undeliverable|delivery exception|delayed|running late|lost in transit|problem with (?:your|the) delivery|verzögert|retardé|en retard|retrasado|in ritardo',
    ),
    'exception',
  ],
  [
    phrase(
      "return(?:ed)? to sender|being returned|return complete|rücksendung an absender|retour à l'expéditeur|devuelto al remitente|reso al mittente",
    ),
    'returned',
  ],
  [
    phrase(
      'out for delivery|with delivery courier|in zustellung|wird heute zugestellt|en cours de livraison|en reparto|in consegna',
    ),
    'out_for_delivery',
  ],
  [
    phrase(
      'ready for pick ?up|available for pick ?up|abholbereit|zur abholung bereit|disponible en point relais|listo para recoger|pronto per il ritiro',
    ),
    'available_for_pickup',
  ],
  // A promise is not a delivery: "will be delivered today" is an estimate.
  [
    phrase(
      '(?:will be|to be|should be|expected to be|being|scheduled to be) delivered|wird (?:[\\p{L}\\d:.]+ ){0,8}zugestellt|soll (?:[\\p{L}\\d:.]+ ){0,6}zugestellt werden|sera livrée?|será entregad[oa]|se entregará|sarà consegnat[oa]',
    ),
    'in_transit',
  ],
  [phrase('delivered|zugestellt|geliefert|livré|entregado|consegnato'), 'delivered'],
  [
    phrase(
      'shipped|in transit|on (?:the|its) way|has left|dispatched|versandt|verschickt|unterwegs|expédié|en transit|enviado|en camino|en tránsito|spedito|in transito',
    ),
    'in_transit',
  ],
  [
    phrase(
      'label created|shipping label|shipment information sent|preparing (?:for|to) ship|order received|versandetikett|étiquette créée|etiqueta creada',
    ),
    'info_received',
  ],
];

/** The status a short piece of text states, or undefined. Meant for a bounded window around a number. */
export function statusFromText(text: string): { status: PackageStatus; phrase: string } | undefined {
  for (const [pattern, status] of STATUS_PHRASES) {
    const match = pattern.exec(text);
    if (match) return { status, phrase: match[0] };
  }
  return undefined;
}
