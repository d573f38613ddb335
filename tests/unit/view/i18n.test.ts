import { describe, expect, it } from 'vitest';
import { createTranslator, fillMessage } from '../../../utils/i18n/translate';
import { loadCatalog } from '../components/catalog';

const LANGS = ['en', 'de', 'fr', 'es'];

describe('translations', () => {
  const en = loadCatalog('en');

  it.each(LANGS.slice(1))('%s has every English message, with the same placeholders', (lang) => {
    const catalog = loadCatalog(lang);
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en)) {
      const theirs = catalog[key];
      expect(theirs?.message.trim(), `${lang}.${key}`).not.toBe('');
      expect(Object.keys(theirs?.placeholders ?? {}).sort(), `${lang}.${key}`).toEqual(
        Object.keys(entry.placeholders ?? {}).sort(),
      );
      for (const name of Object.keys(entry.placeholders ?? {})) {
        expect(theirs?.message.toLowerCase(), `${lang}.${key} uses $${name}$`).toContain(
          `$${name.toLowerCase()}$`,
        );
      }
    }
  });

  it.each(LANGS)('%s uses only key names the browser accepts', (lang) => {
    for (const key of Object.keys(loadCatalog(lang))) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('fills placeholders as Chrome does', () => {
    const entry = {
      message: 'Imported: $CREATED$ new, $UPDATED$ updated ($$5 fee)',
      placeholders: { created: { content: '$1' }, updated: { content: '$2' } },
    };
    expect(fillMessage(entry, ['12', '3'])).toBe('Imported: 12 new, 3 updated ($5 fee)');
    expect(fillMessage({ message: 'Missing $THING$' }, [])).toBe('Missing $THING$');
  });

  it('falls back to English key by key, and to the key when nobody has it', () => {
    const t = createTranslator({ undo: { message: 'Rückgängig' } }, en);
    expect(t('undo')).toBe('Rückgängig');
    expect(t('cancel')).toBe('Cancel');
    expect(t('problem_stale', 6)).toBe('No update for 6 days');
    expect(createTranslator({})('cancel')).toBe('cancel');
  });
});
