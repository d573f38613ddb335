// Serves the demo/test pages in tests/fixtures/pages on 127.0.0.1 and tells a browser context to load them under the
// real URLs of the sites they imitate (listed in tests/fixtures/routes.json), so content scripts run as in the wild.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../tests/fixtures', import.meta.url)));
const PAGES = join(ROOT, 'pages');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
};

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const words = (list) => list.split(' ');
// Sunday first, as Date#getDay counts. Written out (not Intl) so a page reads the same on every ICU version.
const WEEKDAYS_DE = words('Sonntag Montag Dienstag Mittwoch Donnerstag Freitag Samstag');
const MONTHS_DE = words('Januar Februar März April Mai Juni Juli August September Oktober November Dezember');
const WEEKDAYS_IT = words('domenica lunedì martedì mercoledì giovedì venerdì sabato');
const WEEKDAY_IT_SHORT = words('Do Lu Ma Me Gi Ve Sa');
const MONTHS_IT = words(
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
);
const WEEKDAYS_FR_SHORT = words('dim. lun. mar. mer. jeu. ven. sam.');
const MONTHS_FR = words(
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
);
const MONTHS_FR_SHORT = words('janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.');
const WEEKDAYS_ES = words('domingo lunes martes miércoles jueves viernes sábado');
const WEEKDAYS_ES_SHORT = words('dom. lun. mar. mié. jue. vie. sáb.');
const MONTHS_ES = words(
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
);
const MONTHS_ES_SHORT = words('ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.');
const two = (n) => String(n).padStart(2, '0');
/** The shapes dates take on the demo pages; add one when a page needs another. */
const DATE_SHAPES = {
  /** 11/27/26 (FedEx, USPS) */
  mdy: (d) => `${two(d.getMonth() + 1)}/${two(d.getDate())}/${two(d.getFullYear() % 100)}`,
  /** Friday, 11/27/26 (FedEx travel history) */
  'weekday-mdy': (d) => `${WEEKDAYS[d.getDay()]}, ${DATE_SHAPES.mdy(d)}`,
  /** November 27, 2026 */
  long: (d) => `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`,
  /** Fri, Nov 27, 2026 (Gmail's message date tooltip) */
  gmail: (d) =>
    `${WEEKDAYS[d.getDay()].slice(0, 3)}, ${MONTHS[d.getMonth()].slice(0, 3)} ${d.getDate()}, ${d.getFullYear()}`,
  /** 2026-11-27 (what the store keeps as an estimate's day; for tests) */
  iso: (d) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`,
  /** 27.11.2026 */
  dmy: (d) => `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}`,
  /** 11/27/2026 (UPS, Gmail's FedEx mail) */
  'mdy-full': (d) => `${two(d.getMonth() + 1)}/${two(d.getDate())}/${d.getFullYear()}`,
  /** Friday, November 27, 2026 (DHL) */
  'weekday-long': (d) => `${WEEKDAYS[d.getDay()]}, ${DATE_SHAPES.long(d)}`,
  /** Tuesday, December 1 (Amazon, shops) */
  'weekday-month-day': (d) => `${WEEKDAYS[d.getDay()]}, ${DATE_SHAPES['month-day'](d)}`,
  /** November 20 */
  'month-day': (d) => `${MONTHS[d.getMonth()]} ${d.getDate()}`,
  /** Nov 26 (Gmail's message list) */
  short: (d) => `${MONTHS[d.getMonth()].slice(0, 3)} ${d.getDate()}`,
  /** Monday ("Arriving Monday") */
  weekday: (d) => WEEKDAYS[d.getDay()],
  /** Thu */
  wd: (d) => WEEKDAYS[d.getDay()].slice(0, 3),
  /** 26. November 2026 */
  'de-long': (d) => `${DATE_SHAPES['de-day-month'](d)} ${d.getFullYear()}`,
  /** 2. Dezember */
  'de-day-month': (d) => `${d.getDate()}. ${MONTHS_DE[d.getMonth()]}`,
  /** Dienstag, 1. Dezember */
  'de-weekday-day-month': (d) => `${WEEKDAYS_DE[d.getDay()]}, ${DATE_SHAPES['de-day-month'](d)}`,
  /** Do (Outlook's German message date) */
  'de-wd': (d) => WEEKDAYS_DE[d.getDay()].slice(0, 2),
  /** mercoledì 2 dicembre */
  'it-weekday-day-month': (d) => `${WEEKDAYS_IT[d.getDay()]} ${d.getDate()} ${MONTHS_IT[d.getMonth()]}`,
  /** Gi (Outlook's Italian message date) */
  'it-wd': (d) => WEEKDAY_IT_SHORT[d.getDay()],
  /** ven. 27 nov. (Yahoo in French) */
  'fr-short': (d) => `${WEEKDAYS_FR_SHORT[d.getDay()]} ${d.getDate()} ${MONTHS_FR_SHORT[d.getMonth()]}`,
  /** 3 décembre */
  'fr-day-month': (d) => `${d.getDate()} ${MONTHS_FR[d.getMonth()]}`,
  /** jue. 26 nov. (Yahoo in Spanish) */
  'es-short': (d) => `${WEEKDAYS_ES_SHORT[d.getDay()]} ${d.getDate()} ${MONTHS_ES_SHORT[d.getMonth()]}`,
  /** lunes, 30 de noviembre */
  'es-weekday-day-month': (d) => `${WEEKDAYS_ES[d.getDay()]}, ${d.getDate()} de ${MONTHS_ES[d.getMonth()]}`,
};

/**
 * Dates a demo page relative to today: `{{day:-9:weekday-mdy}}` becomes the local day nine days ago in that shape,
 * so "Out for delivery" is today's and "Expected today" is today, whenever the demo or a test runs. Every demo page
 * is written this way; the unit tests read them with `now` = 27 November 2026, the day the pages were written for.
 */
export function demoDay(offset, shape = 'iso', now = new Date()) {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, 12);
  return DATE_SHAPES[shape](day);
}

export function datePage(html, now = new Date()) {
  return html.replace(/\{\{day:([+-]?\d+):([a-z-]+)\}\}/g, (token, offset, shape) => {
    if (!DATE_SHAPES[shape]) return token;
    return demoDay(Number(offset), shape, now);
  });
}

export function loadRoutes() {
  return JSON.parse(readFileSync(join(ROOT, 'routes.json'), 'utf8')).pages;
}

/** Starts the static server on 127.0.0.1 (random port). Resolves to { origin, close }. */
export function startDemoServer() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(PAGES, path);
    if (!file.startsWith(PAGES)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const name = path.endsWith('/') ? join(file, 'index.html') : file;
      const raw = readFileSync(name);
      const body = extname(name) === '.html' ? datePage(raw.toString('utf8')) : raw;
      res.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolvePromise({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

/**
 * Routes every request to a host named in routes.json to the demo server: the page itself maps to its fixture file,
 * anything else on those hosts (images, scripts the fixture does not have) gets a 404 instead of the internet.
 */
export async function routeDemoPages(context, origin, routes = loadRoutes()) {
  const hosts = new Set(routes.map((r) => new URL(r.url).hostname));
  await context.route(
    (url) => hosts.has(url.hostname),
    async (route) => {
      const url = new URL(route.request().url());
      const page = routes.find((r) => {
        const u = new URL(r.url);
        return u.hostname === url.hostname && u.pathname === url.pathname && u.search === url.search;
      });
      if (!page) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the demo' });
      const response = await fetch(`${origin}/${page.file}`);
      return route.fulfill({
        status: response.status,
        contentType: 'text/html; charset=utf-8',
        body: await response.text(),
      });
    },
  );
}
