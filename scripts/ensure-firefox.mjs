// Makes sure a Firefox is available for the cross-browser tests (tests/e2e/both). If none is found and we run as
// root on Debian, installs Debian's own `firefox-esr` package (never a browser download from elsewhere).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const findFirefox = () =>
  [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
    (path) => path && existsSync(path),
  );

if (findFirefox()) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/etc/debian_version')) {
  console.log('No Firefox found: installing Debian’s firefox-esr package with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'firefox-esr'], {
    stdio: 'inherit',
    env,
  });
  if (findFirefox()) process.exit(0);
}
console.error(
  [
    'Doorstep’s cross-browser tests need Firefox (ESR 128 or later), and none was found.',
    'Install one of:',
    '  Debian/Ubuntu: sudo apt-get install firefox-esr',
    '  Fedora:        sudo dnf install firefox',
    '  macOS:         brew install --cask firefox',
    'or point FIREFOX_PATH at an existing Firefox binary.',
  ].join('\n'),
);
process.exit(1);
