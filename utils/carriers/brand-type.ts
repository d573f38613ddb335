import type { CarrierCode } from '../tracking/types';

/** How a carrier is named and marked: a brand name and a small coloured mark with initials (not its logo). */
export interface CarrierBrand {
  /** The tracking engine's carrier code. */
  code: CarrierCode;
  name: string;
  /** One to three letters shown in the mark. */
  initials: string;
  background: string;
  foreground: string;
}
