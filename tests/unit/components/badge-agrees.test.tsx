import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../components/App';
import { type Services, ServicesContext } from '../../../components/services';
import { BADGE_COLOR_NORMAL, BADGE_COLOR_PROBLEM, badgeState, displayName } from '../../../utils/badge';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { DoorstepDatabase } from '../../../utils/store/db';
import type { PackageRecord } from '../../../utils/store/types';
import { identifyTrackingNumber, trackingUrlFor } from '../../../utils/tracking';
import { translatorFor } from './catalog';
import { renderInDom, type TestDom, waitFor } from './dom';
import { truthSet } from './fixtures';

const NOW = new Date(2026, 11, 7, 12, 0); // local noon

/**
 * The same records through the badge and the rendered popup: the badge's number is the popup's Out for delivery
 * plus Arriving today rows, it is red exactly when the popup has a Problems section, and its tooltip names the
 * same packages with the same reasons.
 */
describe('badge and popup agree', () => {
  let db: DoorstepDatabase;
  let dom: TestDom | undefined;
  beforeEach(() => {
    db = new DoorstepDatabase(`agree-${Math.random()}`);
  });
  afterEach(async () => {
    dom?.cleanup();
    dom = undefined;
    await db.delete();
  });

  for (const lang of ['en', 'de']) {
    it(`on one set covering every state (${lang})`, async () => {
      const records = truthSet(NOW);
      await db.packages.bulkPut(records);
      const t = translatorFor(lang);
      const services: Services = {
        db,
        send: async () => ({ ok: true }),
        identify: identifyTrackingNumber,
        carrierUrl: (carrier, number) =>
          trackingUrlFor(carrier as Parameters<typeof trackingUrlFor>[0], number),
        openUrl: () => undefined,
        openOptions: () => undefined,
        copyText: async () => undefined,
        scanPage: async () => ({ ok: true, found: 0 }),
        loadSettings: async () => DEFAULT_SETTINGS,
        t,
        locale: lang,
        now: () => NOW,
      };
      dom = renderInDom(
        <ServicesContext.Provider value={services}>
          <App />
        </ServicesContext.Provider>,
      );
      const ui = dom;
      await waitFor(() => expect(ui.$$('li.package').length).toBeGreaterThan(0));
      const idsIn = (section: string) =>
        ui.$$(`section.section-${section} li.package`).map((li) => li.dataset.id ?? '');
      const arriving = [...idsIn('out_for_delivery'), ...idsIn('today')];
      const problems = idsIn('problems');
      const badge = badgeState(records, NOW, t, undefined, DEFAULT_SETTINGS);

      expect(badge.text).toBe(String(arriving.length));
      expect([...arriving].sort()).toEqual(['ofd-amazon', 'ofd-today', 'today-eta']);
      expect([...problems].sort()).toEqual([
        'problem-exception',
        'problem-late',
        'problem-stale',
        'problem-stuck',
      ]);
      expect(badge.color).toBe(problems.length > 0 ? BADGE_COLOR_PROBLEM : BADGE_COLOR_NORMAL);

      const byId = new Map<string, PackageRecord>(records.map((r) => [r.id, r]));
      const tooltipNames = badge.title
        .split('\n')
        .filter((line) => line.startsWith('• '))
        .map((line) => line.slice(2));
      const shownReason = (id: string) => ui.$(`li[data-id="${id}"] .row-status strong`)?.textContent ?? '';
      expect(tooltipNames).toEqual([
        ...arriving.map((id) => displayName(byId.get(id) as PackageRecord, t)),
        ...problems.map((id) =>
          t('badgeProblemLine', displayName(byId.get(id) as PackageRecord, t), shownReason(id)).slice(2),
        ),
      ]);
      // Archived by age (a 17-day-old delivery with the 14-day setting, an exception from 2019): in neither.
      expect(ui.$('li[data-id="archive-old-delivery"]')).toBeNull();
      expect(badge.title).not.toContain('612999999998');
    });
  }
});
