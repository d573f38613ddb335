/**
 * The public page of a universal tracker for a number: for carriers whose own tracking page address could not be
 * checked here (no network), a page that is known to take any carrier's number beats a guessed one.
 */
export const universalTrackingUrl = (n: string): string =>
  `https://t.17track.net/en#nums=${encodeURIComponent(n)}`;
