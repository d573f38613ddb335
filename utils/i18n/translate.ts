import type englishCatalog from '../../public/_locales/en/messages.json';

/**
 * The extension's i18n (`_locales/<lang>/messages.json`), behind one small function type so components can be
 * rendered in tests with any catalog. In the extension the browser does the lookup (`browser.i18n.getMessage`),
 * which picks the user's language and falls back to `default_locale` (en) key by key.
 */

export type MessageKey = keyof typeof englishCatalog;
export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalog = Record<string, CatalogEntry>;

/**
 * Fills a message the way Chrome does: `$NAME$` is replaced by its placeholder's content, in which `$1`…`$9` are
 * the substitutions; `$$` is a literal dollar sign.
 */
export function fillMessage(entry: CatalogEntry, substitutions: readonly string[]): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const positional = (text: string) =>
    text.replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
    );
  return entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$|\$\$|\$([1-9])/g,
    (whole, name?: string, digit?: string) => {
      if (name !== undefined) {
        const content = placeholders.get(name.toLowerCase());
        return content === undefined ? whole : positional(content);
      }
      if (digit !== undefined) return substitutions[Number(digit) - 1] ?? '';
      return '$';
    },
  );
}

/** A translator over catalogs in order of preference (e.g. German, then English), like the browser's fallback. */
export function createTranslator(...catalogs: Catalog[]): Translate {
  return (key, ...substitutions) => {
    for (const catalog of catalogs) {
      const entry = catalog[key];
      if (entry) return fillMessage(entry, substitutions.map(String));
    }
    return key;
  };
}

/** The small part of `browser.i18n` the popup uses. */
export interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

/** A translator backed by the browser; a missing message shows its key rather than an empty string. */
export function browserTranslator(i18n: I18nApi): Translate {
  return (key, ...substitutions) => i18n.getMessage(key, substitutions.map(String)) || key;
}
