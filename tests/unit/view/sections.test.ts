import { describe, expect, it } from 'vitest';
import type { PackageRecord } from '../../../utils/store/types';
import {
  archivedPackages,
  groupIntoSections,
  isLate,
  isStale,
  problemOf,
  sectionOf,
  type ViewClock,
} from '../../../utils/view/sections';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 10, 26, 12);
const clock: ViewClock = { now: NOW, today: '2025-11-26', staleAfterDays: 5 };

function pkg(over: Partial<PackageRecord>): PackageRecord {
  return {
    id: over.id ?? 'p',
    itemTitles: [],
    status: 'in_transit',
    events: [],
    sources: [{ kind: 'webmail', seenAt: NOW - DAY }],
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
    statusAt: NOW - DAY,
    ...over,
  };
}

describe('sections', () => {
  it('puts each package in exactly one section', () => {
    expect(sectionOf(pkg({ status: 'out_for_delivery', statusAt: NOW }), clock)).toBe('out_for_delivery');
    expect(sectionOf(pkg({ eta: { start: '2025-11-26' } }), clock)).toBe('today');
    expect(sectionOf(pkg({ eta: { start: '2025-11-25', end: '2025-11-27' } }), clock)).toBe('today');
    expect(sectionOf(pkg({ status: 'available_for_pickup' }), clock)).toBe('today');
    expect(sectionOf(pkg({ eta: { start: '2025-11-28' } }), clock)).toBe('on_the_way');
    expect(sectionOf(pkg({ status: 'delivered' }), clock)).toBe('delivered');
    for (const status of ['exception', 'failed_attempt', 'expired'] as const) {
      expect(sectionOf(pkg({ status }), clock)).toBe('problems');
    }
    // A completed return (the shopper's own, or back to the sender) is finished, not a current problem.
    expect(sectionOf(pkg({ status: 'returned' }), clock)).toBe('delivered');
  });

  it('derives "late" from the last day of the estimate, and never for a package out for delivery', () => {
    expect(isLate(pkg({ eta: { start: '2025-11-25' } }), clock.today)).toBe(true);
    expect(isLate(pkg({ eta: { start: '2025-11-24', end: '2025-11-26' } }), clock.today)).toBe(false);
    expect(isLate(pkg({ status: 'out_for_delivery', eta: { start: '2025-11-25' } }), clock.today)).toBe(
      false,
    );
    expect(isLate(pkg({ status: 'delivered', eta: { start: '2025-11-20' } }), clock.today)).toBe(false);
    expect(problemOf(pkg({ eta: { start: '2025-11-25' } }), clock)).toBe('late');
  });

  it('derives "stale" from the newest event, the status time or creation, after the configured days', () => {
    expect(isStale(pkg({ statusAt: NOW - 5 * DAY }), clock)).toBe(true);
    expect(isStale(pkg({ statusAt: NOW - 4 * DAY }), clock)).toBe(false);
    const recentEvent = pkg({
      statusAt: NOW - 9 * DAY,
      events: [{ at: NOW - DAY, status: 'in_transit', description: 'x' }],
    });
    expect(isStale(recentEvent, clock)).toBe(false);
    expect(isStale(pkg({ statusAt: NOW - 6 * DAY }), { ...clock, staleAfterDays: 7 })).toBe(false);
    expect(isStale(pkg({ status: 'delivered', statusAt: NOW - 30 * DAY }), clock)).toBe(false);
    expect(problemOf(pkg({ statusAt: NOW - 6 * DAY }), clock)).toBe('stale');
  });

  it('orders sections and packages: soonest estimate first, newest delivery first; archived left out', () => {
    const list = [
      pkg({ id: 'later', eta: { start: '2025-11-30' } }),
      pkg({ id: 'sooner', eta: { start: '2025-11-28' } }),
      pkg({ id: 'no-eta' }),
      pkg({ id: 'old-delivery', status: 'delivered', deliveredAt: NOW - 3 * DAY }),
      pkg({ id: 'new-delivery', status: 'delivered', deliveredAt: NOW - DAY }),
      pkg({ id: 'ofd', status: 'out_for_delivery', statusAt: NOW }),
      pkg({ id: 'archived', status: 'out_for_delivery', archivedAt: NOW }),
    ];
    const sections = groupIntoSections(list, clock);
    expect(sections.map((s) => [s.id, s.packages.map((p) => p.id)])).toEqual([
      ['out_for_delivery', ['ofd']],
      ['on_the_way', ['sooner', 'later', 'no-eta']],
      ['delivered', ['new-delivery', 'old-delivery']],
    ]);
    expect(archivedPackages(list).map((p) => p.id)).toEqual(['archived']);
  });
});
