import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  GROUP_THRESHOLD,
  isLate,
  lateNotices,
  type NotificationPrefs,
  noticesFromChanges,
  notificationId,
  planNotifications,
  targetOfNotification,
} from '../../../utils/notifications/notices';
import {
  carrierPageUrl,
  notifyChanges,
  notifyLate,
  openNotificationTarget,
} from '../../../utils/notifications/notifier';
import { DoorstepDatabase } from '../../../utils/store/db';
import { upsertDetections } from '../../../utils/store/repository';
import type { PackageRecord } from '../../../utils/store/types';
import { trackingUrlFor } from '../../../utils/tracking';
import { translatorFor } from '../components/catalog';

const en = translatorFor('en');

const ON: NotificationPrefs = {
  enabled: true,
  outForDelivery: true,
  delivered: true,
  problem: true,
  late: true,
};
const NOW = Date.parse('2026-11-27T15:00:00Z');

const pkg = (over: Partial<PackageRecord>): PackageRecord => ({
  id: crypto.randomUUID(),
  number: '1Z999AA10123456784',
  carrier: 'ups',
  itemTitles: [],
  status: 'in_transit',
  statusAt: NOW - 1_000,
  events: [],
  sources: [],
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('what deserves a notification', () => {
  it('one per status change to out for delivery, delivered or a problem', () => {
    const before = pkg({ status: 'in_transit' });
    const notices = noticesFromChanges(
      [
        { before, after: { ...before, status: 'out_for_delivery' } },
        { before, after: { ...before, status: 'delivered' } },
        { before, after: { ...before, status: 'exception' } },
        { before, after: { ...before, status: 'in_transit', statusText: 'Arrived at facility' } },
        { after: pkg({ status: 'out_for_delivery' }) },
        { before },
      ],
      ON,
      NOW,
    );
    expect(notices.map((n) => n.kind)).toEqual(['out_for_delivery', 'delivered', 'problem']);
  });

  it('nothing when off (the default), per-kind switches, archived packages and stale news', () => {
    const before = pkg({});
    const change = { before, after: { ...before, status: 'delivered' as const } };
    expect(noticesFromChanges([change], { ...ON, enabled: false }, NOW)).toEqual([]);
    expect(noticesFromChanges([change], { ...ON, delivered: false }, NOW)).toEqual([]);
    expect(noticesFromChanges([{ before, after: { ...change.after, archivedAt: 1 } }], ON, NOW)).toEqual([]);
    const old = { before, after: { ...change.after, statusAt: NOW - 3 * 24 * 3_600_000 } };
    expect(noticesFromChanges([old], ON, NOW)).toEqual([]);
  });

  it('late: past the last day of the estimate, or past its "by" time, in the zone it was stated in', () => {
    const now = new Date('2026-11-28T03:00:00Z'); // 22:00 on the 27th in New York, 04:00 on the 28th in Berlin
    expect(isLate(pkg({ eta: { start: '2026-11-27', timeZone: 'America/New_York' } }), now)).toBe(false);
    expect(isLate(pkg({ eta: { start: '2026-11-27', timeZone: 'Europe/Berlin' } }), now)).toBe(true);
    expect(
      isLate(pkg({ eta: { start: '2026-11-27', by: '20:00', timeZone: 'America/New_York' } }), now),
    ).toBe(true);
    expect(
      isLate(pkg({ eta: { start: '2026-11-26', end: '2026-11-28', timeZone: 'Europe/Berlin' } }), now),
    ).toBe(false);
    expect(isLate(pkg({ status: 'delivered', eta: { start: '2026-11-01' } }), now)).toBe(false);
    expect(isLate(pkg({}), now)).toBe(false);
  });

  it('late notices are given once per estimate, again for a new estimate that is missed', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const late = pkg({ eta: { start: '2026-11-27', timeZone: 'UTC' } });
    expect(lateNotices([late], ON, now)).toHaveLength(1);
    expect(lateNotices([{ ...late, lateNoticeFor: '2026-11-27' }], ON, now)).toHaveLength(0);
    const moved = { ...late, lateNoticeFor: '2026-11-27', eta: { start: '2026-11-28', timeZone: 'UTC' } };
    expect(lateNotices([moved], ON, now)).toHaveLength(1);
    expect(lateNotices([late], { ...ON, late: false }, now)).toHaveLength(0);
  });
});

describe('planning notifications', () => {
  it('one each when few change, one grouped notification listing them when many change at once', () => {
    const few = [1, 2].map((i) => ({ kind: 'delivered' as const, pkg: pkg({ label: `Parcel ${i}` }) }));
    const single = planNotifications(few, NOW, en);
    expect(single.map((n) => [n.title, n.message])).toEqual([
      ['Delivered', 'Parcel 1'],
      ['Delivered', 'Parcel 2'],
    ]);
    expect(single[0]?.target).toEqual({ kind: 'package', packageId: few[0]?.pkg.id });

    const many = Array.from({ length: GROUP_THRESHOLD + 2 }, (_, i) => ({
      kind: i === 0 ? ('problem' as const) : ('delivered' as const),
      pkg: pkg({ label: `Parcel ${i}` }),
    }));
    const grouped = planNotifications(many, NOW, en);
    expect(grouped).toHaveLength(1);
    expect(grouped[0]).toMatchObject({ title: '5 package updates', target: { kind: 'popup' } });
    expect(grouped[0]?.message.split('\n')[0]).toBe('A package has a problem: Parcel 0');
  });

  it('words titles and texts in the UI language', () => {
    const late = {
      kind: 'late' as const,
      pkg: pkg({ label: 'Boots', eta: { start: '2026-11-25', end: '2026-11-26' } }),
    };
    const problem = { kind: 'problem' as const, pkg: pkg({ label: 'Lamp', statusText: 'Address problem' }) };
    const unnamed = { kind: 'out_for_delivery' as const, pkg: pkg({ number: undefined, orderId: '113-1' }) };
    expect(planNotifications([late, problem, unnamed], NOW, en).map((n) => [n.title, n.message])).toEqual([
      ['Running late', 'Boots — expected 2026-11-26'],
      ['A package has a problem', 'Lamp — Address problem'],
      ['Out for delivery', 'Order 113-1'],
    ]);
    const de = translatorFor('de');
    expect(planNotifications([late, problem, unnamed], NOW, de).map((n) => [n.title, n.message])).toEqual([
      ['Verspätet', 'Boots — erwartet am 2026-11-26'],
      ['Problem mit einem Paket', 'Lamp — Address problem'],
      ['In Zustellung', 'Bestellung 113-1'],
    ]);
    const delivered = Array.from({ length: GROUP_THRESHOLD + 1 }, (_, i) => ({
      kind: 'delivered' as const,
      pkg: pkg({ label: `Parcel ${i}` }),
    }));
    expect(planNotifications(delivered, NOW, en)[0]?.title).toBe('Delivered: 4 packages');
    expect(planNotifications(delivered, NOW, translatorFor('fr'))[0]?.title).toBe('Livré : 4 colis');
    const mixed = planNotifications([late, problem, unnamed, ...delivered], NOW, translatorFor('es'))[0];
    expect(mixed?.title).toBe('Novedades de 7 paquetes');
    expect(mixed?.message.split('\n').slice(0, 4)).toEqual([
      'Con retraso: Boots',
      'Un paquete tiene un problema: Lamp',
      'En reparto: Pedido 113-1',
      'Entregado: Parcel 0',
    ]);
  });

  it('renders hostile page text as bounded plain text', () => {
    const [n] = planNotifications(
      [{ kind: 'problem', pkg: pkg({ label: '<img src=x onerror=alert(1)>'.repeat(40) }) }],
      NOW,
      en,
    );
    expect(n?.message.length).toBeLessThanOrEqual(240);
  });

  it('ids carry the click target, even for imported ids with odd characters', () => {
    for (const packageId of ['a-b', 'with|pipes|inside', '😀']) {
      expect(targetOfNotification(notificationId({ kind: 'package', packageId }, 'late:1'))).toEqual({
        kind: 'package',
        packageId,
      });
    }
    expect(targetOfNotification(notificationId({ kind: 'popup' }, '5'))).toEqual({ kind: 'popup' });
    expect(targetOfNotification('someone-else')).toBeUndefined();
  });
});

describe('showing and clicking', () => {
  let db: DoorstepDatabase;
  let shown: { id: string; title: string; message: string }[];
  beforeEach(() => {
    db = new DoorstepDatabase(`notify-${crypto.randomUUID()}`);
    shown = [];
  });
  afterEach(async () => {
    await db.delete();
  });
  const notifier = (prefs: NotificationPrefs, now = NOW) => ({
    api: {
      create: async (id: string, o: { title: string; message: string }) => {
        shown.push({ id, title: o.title, message: o.message });
        return id;
      },
    },
    iconUrl: 'icon.png',
    loadPrefs: async () => prefs,
    now: () => now,
    t: en,
  });

  it('shows the notifications of a real change batch', async () => {
    const source = { kind: 'carrier' as const, seenAt: NOW - 10 };
    await upsertDetections(
      db,
      [{ number: '1Z999AA10123456784', carrier: 'ups', status: 'in_transit', source }],
      NOW - 10,
    );
    const { changes } = await upsertDetections(
      db,
      [
        {
          number: '1Z999AA10123456784',
          status: 'out_for_delivery',
          statusText: 'Out For Delivery Today',
          source,
        },
      ],
      NOW,
    );
    expect(await notifyChanges(changes, notifier({ ...ON, enabled: false }))).toBe(0);
    expect(await notifyChanges(changes, notifier(ON))).toBe(1);
    expect(shown[0]).toMatchObject({
      title: 'Out for delivery',
      message: '1Z999AA10123456784 — Out For Delivery Today',
    });
  });

  it('the hourly check announces a late package once', async () => {
    const source = { kind: 'webmail' as const, seenAt: NOW };
    await upsertDetections(
      db,
      [{ number: '1Z999AA10123456784', eta: { start: '2026-11-25', timeZone: 'UTC' }, source }],
      NOW,
    );
    expect(await notifyLate(db, notifier(ON))).toBe(1);
    expect(await notifyLate(db, notifier(ON, NOW + 3_600_000))).toBe(0);
    expect(shown.map((s) => s.title)).toEqual(['Running late']);
    expect((await db.packages.toArray())[0]?.updatedAt).toBe(NOW);
  });

  it('a click opens the carrier page of the package, or the popup', async () => {
    const opened: string[] = [];
    const clickDeps = {
      db,
      trackingUrlFor: (c: string, n: string) => trackingUrlFor(c as 'ups', n) ?? undefined,
      openTab: async (url: string) => opened.push(url),
      openPopup: async () => opened.push('popup'),
    };
    const { ids } = await upsertDetections(
      db,
      [{ number: '1Z999AA10123456784', carrier: 'ups', source: { kind: 'manual', seenAt: 1 } }],
      1,
    );
    const id = notificationId({ kind: 'package', packageId: ids[0] ?? '' }, 'delivered:1');
    expect(await openNotificationTarget(id, clickDeps)).toBe('carrier');
    expect(opened[0]).toMatch(/^https:\/\/www\.ups\.com\/.*1Z999AA10123456784/);
    expect(await openNotificationTarget(notificationId({ kind: 'popup' }, '1'), clickDeps)).toBe('popup');
    expect(
      await openNotificationTarget(notificationId({ kind: 'package', packageId: 'gone' }, '1'), clickDeps),
    ).toBe('popup');
    expect(await openNotificationTarget('other-extension-id', clickDeps)).toBe('ignored');
  });

  it('never opens a non-http link as the carrier page', () => {
    const noCarrier = () => undefined;
    expect(
      carrierPageUrl(pkg({ carrier: undefined, trackUrl: 'javascript:alert(1)' }), noCarrier),
    ).toBeUndefined();
    expect(
      carrierPageUrl(
        pkg({ carrier: undefined, trackUrl: 'https://track.amazon.com/tracking/TBA1' }),
        noCarrier,
      ),
    ).toBe('https://track.amazon.com/tracking/TBA1');
  });
});
