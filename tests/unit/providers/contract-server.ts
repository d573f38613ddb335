import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A local HTTPS server on 127.0.0.1 that answers as a documented tracking API does, for contract tests: each test
 * scripts the answers and then asserts the exact requests the provider sent. Nothing reaches the internet.
 */

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/track/v2.2/gettrackinfo`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Answer =
  | { status: number; headers?: Record<string, string>; body?: string | object }
  /** Never answers (to test timeouts). */
  | 'hang';

export type Responder = (request: RecordedRequest) => Answer;

export interface ContractServer {
  origin: string;
  requests: RecordedRequest[];
  /** Replaces the answer script; answers are used in order, the last one repeats. */
  answer(...answers: (Answer | Responder)[]): void;
  close(): Promise<void>;
}

/** The certificate tests/unit/global-setup.ts made for this run (Node's fetch trusts it through NODE_EXTRA_CA_CERTS). */
function contractCertificate(): { key: string; cert: string } {
  const dir = process.env.DOORSTEP_CONTRACT_TLS_DIR;
  if (!dir)
    throw new Error('contract servers need tests/unit/global-setup.ts (run through vitest.config.ts)');
  return {
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
  };
}

export async function startContractServer(): Promise<ContractServer> {
  const requests: RecordedRequest[] = [];
  let script: (Answer | Responder)[] = [{ status: 500, body: 'no answer scripted' }];
  let served = 0;
  const server: Server = createServer(contractCertificate(), (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const step = script[Math.min(served, script.length - 1)];
      served++;
      const answer = typeof step === 'function' ? step(recorded) : step;
      if (!answer || answer === 'hang') return;
      const body =
        answer.body === undefined
          ? ''
          : typeof answer.body === 'string'
            ? answer.body
            : JSON.stringify(answer.body);
      const contentType = typeof answer.body === 'object' ? 'application/json' : 'text/plain';
      res.writeHead(answer.status, { 'content-type': contentType, ...answer.headers }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    requests,
    answer(...answers) {
      script = answers;
      served = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JSON answer written from the API documentation, kept under tests/fixtures/providers/. */
export function fixture(path: string): object {
  const url = new URL(`../../fixtures/providers/${path}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as object;
}
