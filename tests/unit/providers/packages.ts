import type { PackageRecord } from '../../../utils/store/types';

/** 2025-03-10 15:00 UTC: the clock of every provider contract test. */
export const NOW = Date.UTC(2025, 2, 10, 15, 0, 0);

export function makePackage(overrides: Partial<PackageRecord> & { id: string }): PackageRecord {
  return {
    itemTitles: [],
    status: 'in_transit',
    statusAt: Date.UTC(2025, 2, 8, 9, 0, 0),
    events: [],
    sources: [
      { kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: Date.UTC(2025, 2, 8, 9, 0, 0) },
    ],
    createdAt: Date.UTC(2025, 2, 8, 9, 0, 0),
    updatedAt: Date.UTC(2025, 2, 8, 9, 0, 0),
    ...overrides,
  };
}
