import type { PageKind } from '../hosts';
import type { DetectionMode } from '../settings';
import type { ContentClient } from './background-link';

/**
 * The content script needs two fields of the settings: the mode of this page kind and a per-site override. They are
 * read here with a few lines instead of the settings schema, which would bring the schema library (~6 KB) into every
 * page's script. Same rule as `detectionModeFor` and the same defaults as `SettingsSchema`; anything unexpected falls
 * back to the default, never to "auto" where the default is "ask".
 */

/** `SETTINGS_KEY` of utils/settings.ts (importing it would bring the schema along); a unit test keeps them equal. */
export const SETTINGS_STORAGE_KEY = 'settings';

export const DEFAULT_MODES: Record<PageKind, DetectionMode> = {
  webmail: 'auto',
  amazon: 'auto',
  carrier: 'auto',
  page: 'ask',
};

const isMode = (value: unknown): value is DetectionMode =>
  value === 'auto' || value === 'ask' || value === 'off';

function field(object: unknown, key: string): unknown {
  return object && typeof object === 'object' && Object.hasOwn(object, key)
    ? (object as Record<string, unknown>)[key]
    : undefined;
}

export function detectionModeFromStored(stored: unknown, host: string, kind: PageKind): DetectionMode {
  const override = field(field(stored, 'siteModes'), host);
  if (isMode(override)) return override;
  const byKind = field(field(stored, 'detection'), kind);
  return isMode(byKind) ? byKind : DEFAULT_MODES[kind];
}

/**
 * The settings a content script works with, asked from the background: `storage.local` is closed to content scripts
 * where the browser can close it (Chrome), because provider keys live there. No answer leaves the defaults. The
 * settings are typed `ContentSettings` but returned as unknown: `detectionModeFromStored` checks every field it reads.
 */
export async function readContentSettings(send: ContentClient, host: string): Promise<unknown> {
  const reply = await send({ type: 'content-settings', host });
  return reply.ok ? reply.settings : undefined;
}
