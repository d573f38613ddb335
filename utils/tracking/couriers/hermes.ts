import type { Courier } from '../types';

/**
 * Hermes Germany: the 14-digit Sendungsnummer, and the newer H + 19 or 20 digits. No published check digit: the
 * digits count only with Hermes named.
 */
export const hermes: Courier = {
  code: 'hermes',
  name: 'Hermes',
  aliases: ['hermes', 'hermes germany', 'hermes einrichtungs service'],
  hosts: ['myhermes.de', 'hermesworld.', 'hermes-europe.', 'hermes-einrichtungsservice.'],
  trackingUrl: (n) =>
    `https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'hermes_h',
      carrier: 'hermes',
      name: 'Hermes (H)',
      lengths: [20, 21],
      pattern: /^H[0-9]{19,20}$/,
      strength: 'medium',
      checksum: false,
    },
    {
      id: 'hermes_14',
      carrier: 'hermes',
      name: 'Hermes (14)',
      lengths: [14],
      pattern: /^[0-9]{14}$/,
      strength: 'weak',
      checksum: false,
      requiresCarrier: true,
    },
  ],
};
