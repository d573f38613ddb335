import { describe, expect, it } from 'vitest';
import {
  availableAgainAt,
  parseProviderStates,
  recordBatch,
  remainingRequests,
} from '../../../utils/refresh/provider-state';

const NOW = Date.UTC(2025, 2, 10, 15, 30);
const budget = { perHour: 10, perDay: 15, concurrency: 1, minSpacingMs: 0 };
const server = { kind: 'server' as const, message: 'down', status: 500 };

describe('provider budgets and back-off', () => {
  it('counts requests per clock hour and UTC day', () => {
    let state = recordBatch(undefined, { requests: 8 }, NOW, Math.random);
    expect(remainingRequests(state, budget, NOW)).toBe(2);
    state = recordBatch(state, { requests: 2 }, NOW + 1000, Math.random);
    expect(remainingRequests(state, budget, NOW + 1000)).toBe(0);
    expect(availableAgainAt(state, budget, NOW + 1000)).toBe(Date.UTC(2025, 2, 10, 16, 0));
    // Next hour: the hour window is fresh, the day has 5 left.
    expect(remainingRequests(state, budget, Date.UTC(2025, 2, 10, 16, 1))).toBe(5);
    expect(remainingRequests(state, budget, Date.UTC(2025, 2, 11, 0, 1))).toBe(10);
  });

  it('backs off exponentially with jitter on 5xx, and clears on success', () => {
    const low = () => 0;
    const high = () => 0.999;
    let s = recordBatch(undefined, { requests: 1, providerFailure: server }, NOW, low);
    expect(s.retryAt).toBe(NOW + 30_000); // half of 1 min, no jitter
    s = recordBatch(s, { requests: 1, providerFailure: server }, NOW, low);
    expect(s.retryAt).toBe(NOW + 60_000); // half of 2 min
    const jittered = recordBatch(s, { requests: 1, providerFailure: server }, NOW, high);
    expect(jittered.retryAt).toBeGreaterThan(NOW + 200_000);
    expect(jittered.retryAt).toBeLessThanOrEqual(NOW + 240_000);
    let many = s;
    for (let i = 0; i < 30; i++)
      many = recordBatch(many, { requests: 1, providerFailure: server }, NOW, high);
    expect(many.retryAt).toBeLessThanOrEqual(NOW + 6 * 3_600_000);
    const ok = recordBatch(many, { requests: 1 }, NOW, low);
    expect(ok.retryAt).toBeUndefined();
    expect(ok.failures).toBe(0);
  });

  it('honours Retry-After exactly (plus at most 10% jitter), never retrying earlier', () => {
    const f = { kind: 'rate_limited' as const, message: 'slow', status: 429, retryAt: NOW + 120_000 };
    expect(recordBatch(undefined, { requests: 1, providerFailure: f }, NOW, () => 0).retryAt).toBe(
      NOW + 120_000,
    );
    const late = recordBatch(undefined, { requests: 1, providerFailure: f }, NOW, () => 0.999).retryAt ?? 0;
    expect(late).toBeGreaterThan(NOW + 120_000);
    expect(late).toBeLessThan(NOW + 132_001);
  });

  it('waits hours after a rejected key instead of hammering the provider', () => {
    const s = recordBatch(
      undefined,
      { requests: 1, providerFailure: { kind: 'unauthorized', message: 'no' } },
      NOW,
      () => 0.5,
    );
    expect(s.retryAt).toBe(NOW + 6 * 3_600_000);
  });

  it('reads a corrupted stored state without throwing', () => {
    expect(parseProviderStates('junk')).toEqual({});
    expect(parseProviderStates({ '17track': { hourCount: 'x', retryAt: 5, failures: -3 } })).toEqual({
      '17track': { hourStart: 0, hourCount: 0, dayStart: 0, dayCount: 0, failures: 0, retryAt: 5 },
    });
  });
});
