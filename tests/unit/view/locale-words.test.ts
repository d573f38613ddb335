import { describe, expect, it } from 'vitest';
import { failure } from '../../../utils/providers/http';
import { FAILURE_KINDS } from '../../../utils/providers/types';
import { encodeRefreshError, parseRefreshError } from '../../../utils/refresh/failure-code';
import { type ProblemKind, SECTION_ORDER, viewClock } from '../../../utils/status/package-state';
import type { PackageRecord, PackageStatus } from '../../../utils/store/types';
import { PACKAGE_STATUSES } from '../../../utils/store/types';
import { problemWords, sectionTitle, statusWords } from '../../../utils/view/package-text';
import { REFRESH_ERROR_CODES, refreshErrorWords } from '../../../utils/view/refresh-error';
import { loadCatalog, translatorFor } from '../components/catalog';

const NOW = new Date('2026-12-07T12:00:00Z');
const clock = viewClock(NOW, 5, 'UTC');
const PROBLEMS: ProblemKind[] = ['exception', 'failed_attempt', 'expired', 'stuck', 'late', 'stale'];
const pkg: PackageRecord = {
  id: 'p',
  itemTitles: [],
  status: 'in_transit',
  events: [],
  sources: [{ kind: 'webmail', seenAt: 0 }],
  createdAt: NOW.getTime() - 9 * 86_400_000,
  updatedAt: 0,
};

/** English sentences Doorstep itself writes: every English message, and the providers' English failure text. */
const ENGLISH_STORED = [
  ...FAILURE_KINDS.map(
    (kind) => failure(kind, 'UPS', { status: 500, detail: 'no carrier data yet' }).message,
  ),
  'No status source can refresh this package: add a tracking service in the options',
  'The tracking service’s request budget is used up for now; it will be refreshed later',
  'The tracking service asked Doorstep to wait; it will be refreshed later',
  'A refresh of this package is already running',
  'Nothing to refresh: these packages are not tracked any more',
  '2 of 3 not refreshed: Could not reach 17TRACK: TypeError: Failed to fetch',
];

/** Every word the view can put on screen for a status, section, problem or refresh error, in one language. */
function allWords(lang: string): string[] {
  const t = translatorFor(lang);
  return [
    ...PACKAGE_STATUSES.map((s: PackageStatus) => statusWords(s, t)),
    ...SECTION_ORDER.map((id) => sectionTitle(id, t)),
    ...PROBLEMS.map((kind) => problemWords(kind, t, pkg, clock)),
    ...REFRESH_ERROR_CODES.map((code) => refreshErrorWords(encodeRefreshError({ code, provider: 'UPS' }), t)),
    ...ENGLISH_STORED.map((text) => refreshErrorWords(text, t)),
  ];
}

/** Message texts of the English catalog with placeholders cut out: fragments of two words or more. */
function englishFragments(): string[] {
  return Object.values(loadCatalog('en'))
    .flatMap((entry) => entry.message.split(/\$[A-Za-z0-9_]+\$|[:;·()]/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.split(/\s+/).length >= 2);
}

describe('words in every language', () => {
  it('reads English stored errors back into codes, with the provider and HTTP status', () => {
    expect(parseRefreshError('17TRACK is having problems (HTTP 503): code 5')).toEqual({
      code: 'server',
      provider: '17TRACK',
      status: 503,
    });
    expect(parseRefreshError('Could not reach UPS: TypeError')).toEqual({ code: 'network', provider: 'UPS' });
    expect(parseRefreshError('<img src=x> whatever')).toEqual({ code: 'unknown' });
    expect(parseRefreshError(encodeRefreshError({ code: 'blocked', provider: 'UPS;x\n' }))).toEqual({
      code: 'blocked',
      provider: 'UPS x',
    });
    expect(parseRefreshError('code:evil;UPS;abc')).toEqual({ code: 'unknown', provider: 'UPS' });
    for (const text of ENGLISH_STORED) expect(parseRefreshError(text).code, text).not.toBe('unknown');
  });

  it('words every refresh error code, section, status and problem in English as the providers did', () => {
    const t = translatorFor('en');
    expect(refreshErrorWords('code:server;17TRACK;500', t)).toBe('17TRACK is having problems (HTTP 500)');
    expect(refreshErrorWords('code:no_provider;;', t)).toBe(
      'No status source can refresh this package: add a tracking service in the options',
    );
    expect(refreshErrorWords('something nobody wrote', t)).toBe(
      'The tracking service gave an unexpected answer',
    );
  });

  it.each(['de', 'fr', 'es'])('lets no English sentence reach the %s UI', (lang) => {
    const fragments = englishFragments();
    const english = allWords('en');
    const theirs = allWords(lang);
    theirs.forEach((words, i) => {
      expect(words, `${lang}: ${english[i]}`).not.toBe('');
      for (const fragment of fragments)
        expect(words, `${lang}: "${words}" contains "${fragment}"`).not.toContain(fragment);
    });
  });
});

describe('uiLocale', () => {
  it('formats dates in the language of the words, keeping a regional form of it', async () => {
    const { uiLocale } = await import('../../../utils/i18n/ui-locale');
    expect(uiLocale('de', 'en-US')).toBe('de');
    expect(uiLocale('de', 'de-AT')).toBe('de-AT');
    expect(uiLocale('en', 'en_GB')).toBe('en-GB');
    expect(uiLocale('', 'fr-CA')).toBe('fr-CA');
  });
});
