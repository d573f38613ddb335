import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway certificate for the contract servers (tests/unit/providers/contract-server.ts), made once per run, so
 * providers are tested over HTTPS as they talk in the field. Node's fetch trusts it through NODE_EXTRA_CA_CERTS,
 * which it reads only at start: set here, before Vitest starts its workers, it reaches every worker and no other
 * process. Nothing else is trusted more than before (no NODE_TLS_REJECT_UNAUTHORIZED).
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-contract-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      'key.pem',
      '-out',
      'cert.pem',
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  process.env.NODE_EXTRA_CA_CERTS = join(dir, 'cert.pem');
  process.env.DOORSTEP_CONTRACT_TLS_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
