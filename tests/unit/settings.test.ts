import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  detectionModeFor,
  loadSettings,
  parseSettings,
  saveSettings,
} from '../../utils/settings';

function memoryStorage(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  return {
    data,
    get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
    set: async (items: Record<string, unknown>) => {
      Object.assign(data, items);
    },
  };
}

describe('settings', () => {
  it('defaults: automatic on Amazon and webmail, ask elsewhere, notifications off', () => {
    expect(DEFAULT_SETTINGS.detection).toEqual({
      webmail: 'auto',
      amazon: 'auto',
      carrier: 'auto',
      page: 'ask',
    });
    expect(DEFAULT_SETTINGS.notifications.enabled).toBe(false);
  });

  it('repairs corrupted values field by field', () => {
    const parsed = parseSettings({
      autoArchiveDays: -3,
      detection: { webmail: 'off', page: 'sometimes' },
      sync: 'yes',
    });
    expect(parsed.autoArchiveDays).toBe(14);
    expect(parsed.detection).toMatchObject({ webmail: 'off', page: 'ask' });
    expect(parsed.sync).toBe(false); // sync is opt-in
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('saves a patch and keeps the rest', async () => {
    const storage = memoryStorage();
    await saveSettings(storage, { siteModes: { 'shop.example': 'off' } });
    const loaded = await loadSettings(storage);
    expect(detectionModeFor(loaded, 'shop.example', 'page')).toBe('off');
    expect(detectionModeFor(loaded, 'other.example', 'page')).toBe('ask');
  });
});
