// Makes sure a Chromium is available for the real-browser tests. If none is found and we run as root on Debian,
// installs Debian's own `chromium` package (never a browser download from elsewhere: that fails on locked-down hosts).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium-path.mjs';

const found = findChromium();
if (found) {
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version');
if (isRoot && isDebian) {
  console.log('No Chromium found: installing Debian’s chromium package with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  if (findChromium()) process.exit(0);
}
console.error(
  [
    'Doorstep’s browser tests need Chromium or Chrome, and none was found.',
    'Install one of:',
    '  Debian/Ubuntu: sudo apt-get install chromium',
    '  Fedora:        sudo dnf install chromium',
    '  macOS:         brew install --cask chromium',
    'or point CHROME_PATH at an existing Chrome/Chromium binary.',
  ].join('\n'),
);
process.exit(1);
