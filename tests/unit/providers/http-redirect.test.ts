import { describe, expect, it } from 'vitest';
import { httpRequest } from '../../../utils/providers/http';
import type { ProviderContext } from '../../../utils/providers/types';

describe('keys never follow redirects', () => {
  it('asks fetch to fail on a redirect, even when the caller asked to follow', async () => {
    const seen: RequestInit[] = [];
    const ctx = {
      now: () => 0,
      fetch: async (_url: string, init: RequestInit) => {
        seen.push(init);
        // What fetch does with redirect: 'error' when the provider answers 302 to another host.
        if (init.redirect === 'error') throw new TypeError('Failed to fetch: redirect');
        return new Response('', { status: 302, headers: { location: 'https://evil.example/' } });
      },
    } as unknown as ProviderContext;
    const outcome = await httpRequest(ctx, 'AfterShip', 'https://api.aftership.com/x', {
      headers: { 'as-api-key': 'secret' },
      redirect: 'follow',
    });
    expect(seen.map((init) => init.redirect)).toEqual(['error']);
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'network' } });
  });
});
