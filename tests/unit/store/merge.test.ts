import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecord, mergeDetection, mergeRecords, mergeUserFields } from '../../../utils/store/merge';
import { statusRank } from '../../../utils/store/status';
import { type Detection, PACKAGE_STATUSES, type PackageRecord } from '../../../utils/store/types';

const seen = (seenAt: number, kind: Detection['source']['kind'] = 'webmail') => ({ kind, seenAt });

describe('mergeDetection', () => {
  it('fills identifiers and keeps the first ones', () => {
    const record = createRecord(
      { orderId: '112-1234567-1234567', carrier: 'amazon', source: seen(1) },
      'a',
      1,
    );
    const merged = mergeDetection(
      record,
      { number: 'TBA123456789012', carrier: 'amazon', orderId: '999-0000000-0000000', source: seen(2) },
      2,
    );
    expect(merged).toMatchObject({ number: 'TBA123456789012', orderId: '112-1234567-1234567', updatedAt: 2 });
  });

  it('takes the carrier of a number revealed later', () => {
    const record = createRecord(
      { orderId: '112-1234567-1234567', shipmentId: 'DxYz123', carrier: 'amazon', source: seen(1) },
      'a',
      1,
    );
    const merged = mergeDetection(
      record,
      { number: '1Z999AA10123456784', carrier: 'ups', source: seen(2) },
      2,
    );
    expect(merged.carrier).toBe('ups');
  });

  it('never moves status backwards on older evidence', () => {
    const record = createRecord(
      { number: 'X1', status: 'delivered', statusAt: 100, source: seen(100) },
      'a',
      100,
    );
    const older = mergeDetection(
      record,
      { number: 'X1', status: 'in_transit', statusAt: 50, source: seen(200) },
      200,
    );
    expect(older.status).toBe('delivered');
    const sameTime = mergeDetection(
      record,
      { number: 'X1', status: 'in_transit', statusAt: 100, source: seen(200) },
      200,
    );
    expect(sameTime.status).toBe('delivered');
  });

  it('accepts newer evidence, also a step back such as a return', () => {
    const record = createRecord(
      { number: 'X1', status: 'out_for_delivery', statusAt: 100, source: seen(100) },
      'a',
      100,
    );
    const attempt = mergeDetection(
      record,
      { number: 'X1', status: 'failed_attempt', statusAt: 150, source: seen(150) },
      150,
    );
    expect(attempt.status).toBe('failed_attempt');
  });

  it('sets deliveredAt once and drops the estimate of a delivered package', () => {
    const record = createRecord(
      { number: 'X1', status: 'in_transit', eta: { start: '2026-11-27' }, source: seen(1) },
      'a',
      1,
    );
    const delivered = mergeDetection(
      record,
      { number: 'X1', status: 'delivered', statusAt: 10, source: seen(10) },
      10,
    );
    expect(delivered.deliveredAt).toBe(10);
    const again = mergeDetection(
      delivered,
      { number: 'X1', status: 'delivered', statusAt: 20, eta: { start: '2026-11-30' }, source: seen(20) },
      20,
    );
    expect(again.deliveredAt).toBe(10);
    expect(again.eta).toEqual({ start: '2026-11-27' });
  });

  it('never overwrites the user’s label, note or archive', () => {
    const record = {
      ...createRecord({ number: 'X1', source: seen(1) }, 'a', 1),
      label: 'Boots',
      note: 'gift',
      archivedAt: 5,
    };
    const merged = mergeDetection(
      record,
      { number: 'X1', status: 'delivered', itemTitles: ['Other'], source: seen(9) },
      9,
    );
    expect(merged).toMatchObject({ label: 'Boots', note: 'gift', archivedAt: 5, itemTitles: ['Other'] });
  });

  it('keeps a bounded, de-duplicated source list', () => {
    let record = createRecord(
      { number: 'X1', source: { kind: 'page', url: 'https://a.example/0', seenAt: 0 } },
      'a',
      0,
    );
    for (let i = 1; i < 30; i++) {
      record = mergeDetection(
        record,
        { number: 'X1', source: { kind: 'page', url: `https://a.example/${i % 15}`, seenAt: i } },
        i,
      );
    }
    expect(record.sources.length).toBe(10);
    expect(new Set(record.sources.map((s) => s.url)).size).toBe(10);
  });
});

describe('status without a date of its own', () => {
  const delivered = () =>
    createRecord({ number: 'X1', status: 'delivered', statusAt: 100, source: seen(100) }, 'a', 100);

  it('does not undo delivery when an old shipping e-mail is reopened later', () => {
    const reopened = mergeDetection(
      delivered(),
      { number: 'X1', status: 'in_transit', source: seen(5_000) },
      5_000,
    );
    expect(reopened.status).toBe('delivered');
  });

  it('believes an undated problem while the package is still under way', () => {
    const out = createRecord(
      { number: 'X1', status: 'out_for_delivery', statusAt: 100, source: seen(100) },
      'a',
      100,
    );
    expect(
      mergeDetection(out, { number: 'X1', status: 'failed_attempt', source: seen(200) }, 200).status,
    ).toBe('failed_attempt');
    // …but not once it is delivered.
    expect(
      mergeDetection(delivered(), { number: 'X1', status: 'exception', source: seen(200) }, 200).status,
    ).toBe('delivered');
  });

  it('moves back on newer dated evidence (a carrier event after delivery: returned to sender)', () => {
    const dated = mergeDetection(
      delivered(),
      { number: 'X1', status: 'in_transit', statusAt: 200, source: seen(300) },
      300,
    );
    expect(dated.status).toBe('in_transit');
  });

  describe('a sighting without a date ("Arriving Tuesday" on an order list) and a dated event further along', () => {
    const HOUR = 3_600_000;
    const outForDeliveryAt = 1_000 * HOUR;
    const sightingAt = outForDeliveryAt + 2 * HOUR;
    const sighting: Detection = {
      orderId: '111-1234567-1234567',
      status: 'in_transit',
      statusText: 'Arriving Tuesday',
      eta: { start: '2026-12-08' },
      source: seen(sightingAt, 'amazon'),
    };
    const event: Detection = {
      orderId: '111-1234567-1234567',
      status: 'out_for_delivery',
      statusText: 'Out for delivery',
      statusAt: outForDeliveryAt,
      eta: { start: '2026-12-07' },
      source: seen(sightingAt + HOUR, 'amazon'),
    };

    it('the dated event wins when it arrives after the sighting', () => {
      const record = mergeDetection(createRecord(sighting, 'a', sightingAt), event, sightingAt + HOUR);
      expect(record.status).toBe('out_for_delivery');
      expect(record.statusAt).toBe(outForDeliveryAt);
      expect(record.eta).toEqual({ start: '2026-12-07' });
    });

    it('the dated event stays when the sighting arrives after it', () => {
      const record = mergeDetection(
        createRecord(event, 'a', sightingAt + HOUR),
        sighting,
        sightingAt + 2 * HOUR,
      );
      expect(record.status).toBe('out_for_delivery');
      expect(record.statusAt).toBe(outForDeliveryAt);
    });

    it('a dated event that is not further along does not replace a later sighting', () => {
      const older = { ...event, status: 'info_received' as const, statusText: 'Label created' };
      const record = mergeDetection(createRecord(sighting, 'a', sightingAt), older, sightingAt + HOUR);
      expect(record.status).toBe('in_transit');
      expect(record.statusAt).toBe(sightingAt);
    });

    it('dated evidence older than the last dated status stays refused after a sighting', () => {
      // Failed attempt at 12:00 (dated), then an order list seen later says "Arriving tomorrow" (undated, believed
      // as news): the 09:12 "out for delivery" event that came before the failed attempt must not return.
      const failed = createRecord(
        { number: 'X1', status: 'failed_attempt', statusAt: outForDeliveryAt + 3 * HOUR, source: seen(0) },
        'a',
        outForDeliveryAt + 3 * HOUR,
      );
      const later = mergeDetection(
        failed,
        { number: 'X1', status: 'in_transit', source: seen(outForDeliveryAt + 5 * HOUR) },
        outForDeliveryAt + 5 * HOUR,
      );
      expect(later.status).toBe('in_transit');
      const replay = mergeDetection(
        later,
        { number: 'X1', status: 'out_for_delivery', statusAt: outForDeliveryAt, source: seen(0) },
        outForDeliveryAt + 6 * HOUR,
      );
      expect(replay.status).toBe('in_transit');
    });

    it('two copies of the package (one from each source) merge to the dated event either way', () => {
      const fromSighting = createRecord(sighting, 'a', sightingAt);
      const fromEvent = createRecord(event, 'b', sightingAt + HOUR);
      expect(mergeRecords(fromSighting, fromEvent, sightingAt + 2 * HOUR).status).toBe('out_for_delivery');
      expect(mergeRecords(fromEvent, fromSighting, sightingAt + 2 * HOUR).status).toBe('out_for_delivery');
    });
  });

  it('property: a status never changes on evidence older than the current one', () => {
    const status = fc.constantFrom(...PACKAGE_STATUSES);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ status, statusAt: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: undefined }) }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (reports) => {
          let record = createRecord({ number: 'X1', source: seen(0) }, 'a', 0);
          let t = 0;
          for (const report of reports) {
            t += 10;
            const before = record;
            record = mergeDetection(record, { number: 'X1', ...report, source: seen(t) }, t);
            const at = report.statusAt ?? t;
            // What a report must be at least as new as: the current status's time, or for a status that rests on
            // a sighting only, the last dated status before it (for dated reports).
            const reference =
              report.statusAt !== undefined && before.statusUndated ? before.statusDatedAt : before.statusAt;
            if (reference !== undefined && before.status !== 'unknown' && at < reference) {
              expect(record.status).toBe(before.status);
              expect(record.statusAt).toBe(before.statusAt);
            }
            if (
              report.statusAt !== undefined &&
              before.statusUndated &&
              before.statusAt !== undefined &&
              at < before.statusAt &&
              record.status !== before.status
            ) {
              // Dated evidence older than a sighting replaces it only when it is further along.
              expect(statusRank(record.status)).toBeGreaterThan(statusRank(before.status));
            }
            if (
              report.statusAt === undefined &&
              before.status !== 'unknown' &&
              record.status !== before.status
            ) {
              // Undated evidence only moves forward, or reports a problem on a package still under way.
              const forward = statusRank(record.status) >= statusRank(before.status);
              expect(forward || ['failed_attempt', 'exception', 'returned'].includes(record.status)).toBe(
                true,
              );
            }
          }
        },
      ),
    );
  });
});

describe('merging two copies of a package', () => {
  const base = (over: Partial<PackageRecord>): PackageRecord => ({
    ...createRecord({ number: '1Z999AA10123456784', carrier: 'ups', source: seen(10) }, 'a', 10),
    ...over,
  });

  it('takes the more recent user edit whole, so a label cleared on purpose stays cleared', () => {
    const local = base({ label: 'Boots', userEditedAt: 100 });
    const newer = base({ label: undefined, archivedAt: 300, userEditedAt: 300 });
    expect(mergeUserFields(local, newer)).toMatchObject({
      label: undefined,
      archivedAt: 300,
      userEditedAt: 300,
    });
    const older = base({ label: 'Old name', userEditedAt: 50 });
    expect(mergeUserFields(local, older)).toMatchObject({ label: 'Boots', userEditedAt: 100 });
  });

  it('fills a never-edited copy from the other one', () => {
    expect(mergeUserFields(base({}), base({ label: 'Lamp', note: 'gift' }))).toMatchObject({
      label: 'Lamp',
      note: 'gift',
    });
  });

  it('keeps every fact, source and event, and the earliest creation and delivery', () => {
    const a = base({
      createdAt: 5,
      status: 'delivered',
      statusAt: 400,
      deliveredAt: 400,
      events: [{ at: 400, status: 'delivered', description: 'Delivered' }],
      sources: [{ kind: 'carrier', url: 'https://www.ups.com/track', seenAt: 410 }],
    });
    const b = base({
      id: 'b',
      createdAt: 2,
      orderId: '112-1234567-1234567',
      shipmentId: 'Dx12345',
      itemTitles: ['Lamp'],
      status: 'in_transit',
      statusAt: 100,
      events: [{ at: 100, status: 'in_transit', description: 'Departed' }],
      sources: [{ kind: 'amazon', url: 'https://www.amazon.com/gp/your-account/order-details', seenAt: 120 }],
    });
    const merged = mergeRecords(a, b, 1_000);
    expect(merged).toMatchObject({
      id: 'a',
      status: 'delivered',
      deliveredAt: 400,
      createdAt: 2,
      orderId: '112-1234567-1234567',
      shipmentId: 'Dx12345',
      itemTitles: ['Lamp'],
    });
    expect(merged.events.map((e) => e.description)).toEqual(['Delivered', 'Departed']);
    expect(merged.sources.map((s) => s.kind).sort()).toEqual(['amazon', 'carrier']);
  });
});
