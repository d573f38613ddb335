import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCarrierPageCheck, offersCheckNow } from '../../../../utils/carrier-web/check-now';
import { DoorstepDatabase } from '../../../../utils/store/db';
import { trackingUrlFor } from '../../../../utils/tracking';
import { makePackage } from '../packages';

/** "Check now": one background tab at a time, closed once the page was read or after the timeout. */

const USPS = makePackage({ id: 'usps', number: '9400111206206406260787', carrier: 'usps' });
let db: DoorstepDatabase;
let clock: number;
let tabs: { created: { url: string; active: boolean }[]; removed: number[] };
beforeEach(async () => {
  db = new DoorstepDatabase(`check-now-${Math.random()}`);
  await db.packages.put(USPS);
  clock = 1_000_000;
  tabs = { created: [], removed: [] };
});
afterEach(() => db.delete());

function check(onPoll: () => Promise<void> = async () => undefined) {
  return createCarrierPageCheck({
    db,
    tabs: {
      create: async (props) => {
        tabs.created.push(props);
        return { id: tabs.created.length };
      },
      remove: async (id) => {
        tabs.removed.push(id);
      },
    },
    now: () => clock,
    trackingUrlFor: (carrier, number) => trackingUrlFor(carrier as never, number) ?? undefined,
    sleep: async (ms) => {
      clock += ms;
      await onPoll();
    },
    timeoutMs: 5_000,
  });
}

describe('check now', () => {
  it('opens the carrier page in a background tab and closes it once the page reader saw the package', async () => {
    const run = check(async () => {
      await db.packages.update('usps', {
        sources: [...USPS.sources, { kind: 'carrier', url: 'https://tools.usps.com/go/x', seenAt: clock }],
      });
    });
    expect(await run('usps')).toEqual({ ok: true, ids: ['usps'] });
    expect(tabs.created).toEqual([
      { url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787', active: false },
    ]);
    expect(tabs.removed).toEqual([1]);
  });

  it('gives up after the timeout, closes the tab, and says so; one check at a time', async () => {
    let second: Promise<unknown> | undefined;
    const run = check(async () => {
      second ??= run('usps');
    });
    expect(await run('usps')).toEqual({ ok: false, error: 'not_shown' });
    expect(await second).toEqual({ ok: false, error: 'busy' });
    expect(tabs.created).toHaveLength(1);
    expect(tabs.removed).toEqual([1]);
  });

  it('opens nothing for a package without a carrier page Doorstep reads', async () => {
    await db.packages.put(makePackage({ id: 'order', orderId: '111-2222222-3333333' }));
    expect(await check()('order')).toEqual({ ok: false, error: 'no_page' });
    expect(await check()('missing')).toEqual({ ok: false, error: 'gone' });
    expect(tabs.created).toEqual([]);
  });
});

describe('where the popup offers "check now"', () => {
  it('only for carriers behind a bot check, with a number, not delivered, not archived', () => {
    expect(offersCheckNow(USPS)).toBe(true);
    for (const carrier of ['fedex', 'dhl', 'royal_mail'])
      expect(offersCheckNow({ ...USPS, carrier })).toBe(true);
    // Carriers that refresh in the background without a key, or have no such guard, do not get the button.
    for (const carrier of ['ups', 'canada_post', 'ontrac', undefined])
      expect(offersCheckNow({ ...USPS, carrier })).toBe(false);
    expect(offersCheckNow({ ...USPS, number: undefined })).toBe(false);
    expect(offersCheckNow({ ...USPS, status: 'delivered' })).toBe(false);
    expect(offersCheckNow({ ...USPS, archivedAt: 1 })).toBe(false);
  });

  it('answers a code when the tab cannot be opened; the browser’s reason goes to the log only', async () => {
    const logged: string[] = [];
    const run = createCarrierPageCheck({
      db,
      tabs: {
        create: async () => {
          throw new Error('Tabs cannot be edited right now (user may be dragging a tab).');
        },
        remove: async () => undefined,
      },
      now: () => clock,
      trackingUrlFor: (carrier, number) => trackingUrlFor(carrier as never, number) ?? undefined,
      log: (message) => logged.push(message),
    });
    expect(await run('usps')).toEqual({ ok: false, error: 'open_failed' });
    expect(logged.join('\n')).toContain('Tabs cannot be edited right now');
    // The lock is released: the next check runs (and fails the same way, not as "busy").
    expect(await run('usps')).toEqual({ ok: false, error: 'open_failed' });
  });
});
