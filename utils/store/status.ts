import type { PackageStatus } from './types';

/**
 * How far along the delivery a status is. Evidence without a newer timestamp may not move a package to a lower
 * rank: an old "shipped" e-mail opened after delivery must not undo "delivered".
 * Problems share the rank of in-transit because a package recovers from them (re-attempt, then out for delivery).
 */
const STATUS_RANK: Record<PackageStatus, number> = {
  unknown: 0,
  info_received: 1,
  in_transit: 2,
  failed_attempt: 2,
  exception: 2,
  out_for_delivery: 3,
  available_for_pickup: 3,
  delivered: 4,
  returned: 4,
  expired: 4,
};

export function statusRank(status: PackageStatus): number {
  return STATUS_RANK[status];
}

export function isFinished(status: PackageStatus): boolean {
  return status === 'delivered' || status === 'returned' || status === 'expired';
}

export function isProblem(status: PackageStatus): boolean {
  return status === 'exception' || status === 'failed_attempt' || status === 'returned';
}
