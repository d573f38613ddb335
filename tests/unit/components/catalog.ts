import { readFileSync } from 'node:fs';
import { type Catalog, createTranslator, type Translate } from '../../../utils/i18n/translate';

export function loadCatalog(lang: string): Catalog {
  return JSON.parse(
    readFileSync(new URL(`../../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'),
  );
}

/** A translator over the shipped catalogs, falling back to English like the browser. */
export function translatorFor(lang: string): Translate {
  return lang === 'en'
    ? createTranslator(loadCatalog('en'))
    : createTranslator(loadCatalog(lang), loadCatalog('en'));
}
