import { findTrackingNumbers } from '../tracking';
import { findDeliveryPromise } from './delivery-date';
import { statusFromText } from './status-phrases';

/**
 * The extractors' large regular expressions are compiled by the engine on first use, which can take tens of
 * milliseconds each on a slow machine. Running each once on a tiny sample, as separate tasks before the first scan,
 * spreads that cost over several short tasks instead of adding it to the first scan slice.
 */
export const WARM_UP_STEPS: readonly (() => void)[] = [
  () => findTrackingNumbers('Tracking number: 1Z5R89390357567127'),
  () => statusFromText('out for delivery'),
  () => findDeliveryPromise('Arriving Tuesday, December 1 by 10 PM', { at: 0, timeZone: 'UTC' }),
  () => findDeliveryPromise('Zustellung: 1.–3. Dezember', { at: 0, timeZone: 'UTC' }),
];
