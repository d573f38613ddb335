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
      const body = readFileSync(path.endsWith('/') ? join(file, 'index.html') : file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
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
