/**
 * The locale for dates and relative times: the language the words are in. The browser chooses the catalog
 * (`_locales/<lang>`) and reports a UI language separately; when they disagree (a catalog we do not have, a
 * `--lang` switch, a profile setting) "Seit 9 Tagen" must not sit next to "2 days ago". The UI language is kept
 * when it is a regional form of the catalog's language (de-AT dates for a German catalog).
 */
export function uiLocale(catalogLanguage: string, uiLanguage: string): string {
  const catalog = catalogLanguage.trim().toLowerCase();
  const ui = uiLanguage.trim().replace(/_/g, '-');
  if (!catalog) return ui || 'en';
  return ui.toLowerCase() === catalog || ui.toLowerCase().startsWith(`${catalog}-`) ? ui : catalog;
}
