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
  /** 27.11.2026 */
  dmy: (d) => `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}`,
};

/**
 * Dates a demo page relative to today: `{{day:-9:weekday-mdy}}` becomes the local day nine days ago in that shape,
 * so "Out for delivery" is today's and "Expected today" is today, whenever the demo or a test runs. Pages without
 * tokens are returned as they are (their fixed dates are what the unit tests read).
 */
export function datePage(html, now = new Date()) {
  return html.replace(/\{\{day:([+-]?\d+):([a-z-]+)\}\}/g, (token, offset, shape) => {
    const format = DATE_SHAPES[shape];
    if (!format) return token;
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + Number(offset), 12);
    return format(day);
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
