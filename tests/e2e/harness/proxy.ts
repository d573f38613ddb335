import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';

/** A request the browser made, as a route handler sees it. */
export interface RoutedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What a route answers with. */
export interface RoutedResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Answers a request, or `undefined` when it is not routed: the proxy then answers 404, never the internet. */
export type RouteHandler = (request: RoutedRequest) => Promise<RoutedResponse | undefined>;

export interface InterceptingProxy {
  port: number;
  close(): Promise<void>;
}

let certificate: { key: string; cert: string } | undefined;

/**
 * A throwaway self-signed certificate, made once per test process. The browser runs with `acceptInsecureCerts`, so
 * the name need not match the host; openssl ships with every Debian base system, so no crypto dependency is added.
 */
function selfSignedCertificate(): { key: string; cert: string } {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-cert-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=doorstep-e2e'].concat([
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
      ]),
      { cwd: dir, stdio: 'ignore' },
    );
    certificate = {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * An HTTP(S) proxy on 127.0.0.1 that answers every request itself through `handler`: plain requests arrive with
 * absolute URLs, HTTPS ones as CONNECT tunnels that it terminates with its own certificate. This is how a Firefox
 * extension's background requests are routed: WebDriver BiDi interception does not see the event page's fetches.
 */
export async function startInterceptingProxy(handler: RouteHandler): Promise<InterceptingProxy> {
  const { key, cert } = selfSignedCertificate();
  const sockets = new Set<Socket>();

  const answer = (secureHost: string | undefined) => async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = secureHost ? `https://${secureHost}${req.url ?? '/'}` : (req.url ?? '');
    try {
      const routed = await handler({
        method: req.method ?? 'GET',
        url,
        headers: flatHeaders(req),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (!routed) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not routed in the test');
        return;
      }
      res
        .writeHead(routed.status, { 'content-type': routed.contentType, 'access-control-allow-origin': '*' })
        .end(routed.body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  };

  const server = createServer(answer(undefined));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    const host = req.url ?? '';
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    const tls = new TLSSocket(socket, { isServer: true, key, cert });
    // Each tunnel gets its own tiny HTTP server so requests keep the tunnel's host.
    const inner = createServer(answer(host.replace(/:443$/, '')));
    inner.emit('connection', tls);
    tls.on('error', () => socket.destroy());
    socket.on('error', () => tls.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
