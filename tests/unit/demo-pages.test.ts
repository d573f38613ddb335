import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datePage, demoDay, loadRoutes } from '../../scripts/demo-server.mjs';

/**
 * The demo (`npm start`) and the browser tests serve these pages dated relative to the day they run, so "out for
 * delivery today" is today's and nothing ages into a contradiction. A page with a fixed date would age: every
 * calendar date on a served page must be a `{{day:OFFSET:SHAPE}}` token the server fills in.
 */
const page = (file: string) =>
  readFileSync(new URL(`../fixtures/pages/${file}`, import.meta.url), 'utf8')
    // Explanatory comments may show the token syntax itself; a copyright line's years are no delivery date.
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/©[^<]*/g, '');

// A year (not an invoice number such as 2026-118734), or a day and a month name, anywhere in the page's text or attributes (scripts' JSON included).
const MONTH =
  '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|janv|févr|avr|juil|août|déc|ene|abr|ago|dic|genn|febbr|magg|giugno|luglio|ott|dicembre|novembre|noviembre|diciembre|décembre)[a-zé]*';
const FIXED_DATE = new RegExp(
  `\\b20[2-3]\\d\\b(?!-\\d{4,})|\\b${MONTH}\\.? \\d{1,2}\\b|\\b\\d{1,2}\\.? (?:de )?${MONTH}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\b`,
  'i',
);

describe('demo pages', () => {
  const routes = loadRoutes();

  it.each(routes.map((route) => route.file))('%s carries no fixed calendar date', (file) => {
    const html = page(file).replace(/\{\{day:[^}]*\}\}/g, '');
    const match = FIXED_DATE.exec(html);
    expect(
      match?.[0],
      match ? html.slice(Math.max(0, match.index - 60), match.index + 40) : '',
    ).toBeUndefined();
  });

  it.each(routes.map((route) => route.file))('%s is fully dated by the server', (file) => {
    expect(datePage(page(file), new Date(2027, 1, 28, 9))).not.toMatch(/\{\{day:/);
  });

  it('dates tokens in the local calendar, across month and year ends', () => {
    const newYearsEve = new Date(2026, 11, 31, 23, 30);
    expect(demoDay(0, 'iso', newYearsEve)).toBe('2026-12-31');
    expect(demoDay(1, 'iso', newYearsEve)).toBe('2027-01-01');
    expect(datePage('{{day:1:weekday-long}} · {{day:-31:de-long}} · {{day:2:fr-short}}', newYearsEve)).toBe(
      'Friday, January 1, 2027 · 30. November 2026 · sam. 2 janv.',
    );
    // An unknown shape is left as written, so a typo shows on the page instead of a wrong date.
    expect(datePage('{{day:1:nope}}', newYearsEve)).toBe('{{day:1:nope}}');
  });
});
