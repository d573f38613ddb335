import type { Courier } from '../../tracking/types';

/**
 * La Poste and Colissimo (France): 13 characters, a digit, a letter and eleven digits (`6A12345678901`, `8R…`,
 * `1K…` for Lettre suivie). International items are S10 numbers ending in FR (s10.ts).
 */
export const laPoste: Courier = {
  code: 'la_poste',
  aliases: ['la poste', 'colissimo', 'lettre suivie'],
  // Not laposte.net: that is a webmail, its addresses are people's own.
  hosts: ['laposte.fr', 'colissimo.'],
  trackingUrl: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'colissimo',
      carrier: 'la_poste',
      // Colissimo / La Poste
      lengths: [13],
      pattern: /^[0-9][A-Z][0-9]{11}$/,
      strength: 'medium',
      checksum: false,
    },
  ],
};
