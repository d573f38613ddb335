/** Shared types of the tracking-number engine. */

import type { CarrierCode } from '../carriers/codes';

/**
 * Carrier codes (the one list is utils/carriers/codes.ts): the `courier_code` values of tracking_number_data for the
 * carriers it covers, and the carriers added for European, Australian and Chinese parcels. `s10` is the UPU S10
 * format shared by every postal operator.
 */
export type { CarrierCode };

/**
 * How much a format's shape alone says:
 * - `strong`: a distinctive prefix or a long, checksummed shape; counts without context.
 * - `medium`: a checksum on a generic shape (12 digits, 15 digits...); needs one piece of context.
 * - `weak`: no checksum and a generic shape; needs context close to the number.
 */
export type Strength = 'strong' | 'medium' | 'weak';

export interface TrackingFormat {
  /** The tracking_number_data format id (or a slug of its name where it has none). */
  readonly id: string;
  readonly carrier: CarrierCode;
  // The format's name (tracking_number_data's) is a comment above its fields, not data: no context shows it, and
  // every content script would carry a hundred of them.
  /** Lengths of the normalised number; a cheap prefilter before the pattern. */
  readonly lengths: readonly number[];
  /** Anchored pattern over the normalised number (no nested quantifiers). */
  readonly pattern: RegExp;
  /** Check digit and other structural checks, run after the pattern matched. */
  readonly validate?: (normalised: string) => boolean;
  readonly strength: Strength;
  /** Whether `validate` verifies a check digit (reported as evidence). */
  readonly checksum: boolean;
  /**
   * The shape is too generic to stand on a label alone (11 or 24 digits, two letters and seven digits): the number
   * counts only where its carrier is named, in the text beside it, by a link of the carrier or by the document.
   */
  readonly requiresCarrier?: boolean;
  /**
   * The shape says nothing of its own (nine bare digits): the number counts only after a tracking label ("PRO #",
   * "Tracking number") or inside a link of its carrier, on top of what `requiresCarrier` asks.
   */
  readonly requiresLabel?: boolean;
  /** How the number is written when it is not simply the normalised form. */
  readonly display?: (normalised: string) => string;
}

export interface Courier {
  readonly code: CarrierCode;
  // The name the user reads is the brand's (carriers/<carrier>/brand.ts); here it is a comment above the fields.
  /** Lower-case names that identify the carrier in running text. */
  readonly aliases: readonly string[];
  /** Lower-case host name fragments of the carrier's own web sites. */
  readonly hosts: readonly string[];
  readonly formats: readonly TrackingFormat[];
  /** The carrier's public tracking page for a number, https only. */
  readonly trackingUrl: (number: string) => string;
}

export type Evidence =
  | 'checksum'
  | 'prefix'
  | 'label'
  | 'carrier-link'
  | 'tracking-link'
  | 'carrier-name'
  /** The document names the carrier outside the scanned text (FindOptions.documentCarriers). */
  | 'document-carrier';

export interface TrackingMatch {
  /** Normalised number: upper case, without spaces (LaserShip's `-1` suffix kept). */
  number: string;
  carrier: CarrierCode;
  /** Format id, as in tracking_number_data. */
  formatId: string;
  /** Span in the input text, `end` exclusive; covers the separators of a spaced number. */
  start: number;
  end: number;
  /** 0..1; `findTrackingNumbers` returns matches at or above its threshold. */
  confidence: number;
  /** Why the number was accepted. */
  evidence: Evidence[];
}

export interface FindOptions {
  /** Minimum confidence to report (default 0.5). Lower it to see weaker candidates. */
  minConfidence?: number;
  /**
   * Carriers the document names outside the scanned text: the sender's domain, the subject, carrier links in the
   * mail. A number whose shape fits one of them is that carrier; a number that fits only another carrier's generic
   * (medium or weak) shape is then not reported, unless the text itself names that carrier beside it or a link
   * of that carrier carries it.
   */
  documentCarriers?: readonly CarrierCode[];
}
