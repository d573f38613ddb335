import { describe, expect, it } from 'vitest';
import {
  AMAZON_DOMAINS,
  AMAZON_HOST,
  AMAZON_PAGE_DOMAINS,
  AMAZON_STORE_HOST,
} from '../../../utils/amazon-stores';
import {
  CARRIER_WEB_OPTIONAL_ORIGINS,
  CARRIER_WEB_REQUIRED_ORIGINS,
} from '../../../utils/carrier-web/origins';
import { AMAZON_MATCHES, CARRIER_MATCHES, pageKindOf } from '../../../utils/hosts';
import { originOf, PROVIDER_API_ORIGINS, PROVIDER_CATALOGUE } from '../../../utils/providers/catalogue';
import { API_PROVIDERS } from '../../../utils/providers/index';
import { PROVIDER_IDS } from '../../../utils/settings';
import { amazonStoreOf } from '../../../utils/view/links';
import { PROVIDERS } from '../../../utils/view/providers';
import config from '../../../wxt.config';
import { makePackage } from '../providers/packages';

/**
 * The manifest's host permissions and the options page's provider list are derived from the catalogues (Amazon
 * stores, providers, carrier hosts); this checks that what ships says the same as the catalogues.
 */

type Manifest = { host_permissions?: string[]; optional_host_permissions?: string[] };

function manifestFor(browser: 'chrome' | 'firefox'): Manifest {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts manifest is expected to be a function');
  return manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' } as never) as Manifest;
}

describe.each(['chrome', 'firefox'] as const)('the %s manifest and the catalogues', (browser) => {
  const manifest = manifestFor(browser);

  it('asks for exactly the Amazon stores whose pages are read and the carrier hosts the background checks', () => {
    expect(manifest.host_permissions).toEqual([
      ...AMAZON_PAGE_DOMAINS.map((domain) => `https://www.${domain}/*`),
      'https://track.amazon.com/*',
      ...CARRIER_WEB_REQUIRED_ORIGINS,
    ]);
  });

  it('lists every provider API host, then the keyless carrier hosts, as optional', () => {
    expect(manifest.optional_host_permissions).toEqual([
      ...PROVIDER_CATALOGUE.map((e) => originOf(e.api)),
      ...CARRIER_WEB_OPTIONAL_ORIGINS,
      '*://*/*',
    ]);
  });
});

describe('the provider catalogue', () => {
  it('has one entry per provider id, and the options page lists them in its order', () => {
    expect(PROVIDER_CATALOGUE.map((e) => e.id)).toEqual([...PROVIDER_IDS]);
    expect(PROVIDERS.map((p) => [p.id, p.origin])).toEqual(
      PROVIDER_CATALOGUE.map((e) => [e.id, originOf(e.api)]),
    );
    expect(PROVIDER_API_ORIGINS).toEqual(PROVIDERS.map((p) => p.origin));
  });

  it.each(PROVIDER_IDS)(
    '%s: the adapter asks only its catalogue host, with the credentials the options page asks',
    (id) => {
      const entry = PROVIDER_CATALOGUE.find((e) => e.id === id);
      const provider = API_PROVIDERS[id];
      expect(provider.origins).toEqual([entry && originOf(entry.api)]);
      expect(provider.needs).toEqual(entry?.fields);
      expect(provider.name).toBe(entry?.name);
    },
  );
});

describe('the Amazon store catalogue', () => {
  it.each(AMAZON_DOMAINS.map((domain) => [domain, AMAZON_PAGE_DOMAINS.includes(domain)] as const))(
    '%s (pages read: %s)',
    (domain, pages) => {
      expect(AMAZON_HOST.test(`www.${domain}`)).toBe(true);
      expect(AMAZON_HOST.test(`email.${domain}`)).toBe(true);
      expect(AMAZON_HOST.test(`not${domain}`)).toBe(false);
      expect(AMAZON_STORE_HOST.test(`www.${domain}`)).toBe(true);
      expect(AMAZON_MATCHES.includes(`https://www.${domain}/*`)).toBe(pages);
      expect(pageKindOf(`https://www.${domain}/gp/your-account/order-history`)).toBe(
        pages ? 'amazon' : 'page',
      );
      const pkg = makePackage({
        id: 'p1',
        sources: [{ kind: 'amazon', url: `https://www.${domain}/gp/your-account/order-history`, seenAt: 1 }],
      });
      expect(amazonStoreOf(pkg)).toBe(`www.${domain}`);
    },
  );

  it('is no other host, and no carrier page is an Amazon page', () => {
    for (const host of ['amazon.com.evil.example', 'www.amazon.co', 'www.amazonaws.com', 'www.amazon.com.'])
      expect(AMAZON_HOST.test(host)).toBe(false);
    for (const match of CARRIER_MATCHES) expect(pageKindOf(match.replace('*', ''))).toBe('carrier');
  });
});
