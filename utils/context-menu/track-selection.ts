import type { Translate } from '../i18n/translate';
import type { DoorstepDatabase } from '../store/db';
import { upsertDetections } from '../store/repository';
import type { Detection, PackageChange } from '../store/types';

export const TRACK_SELECTION_MENU_ID = 'doorstep-track-selection';

/**
 * Created once per install/update (menus persist across service-worker restarts), titled in the UI language, which
 * the browser fixes for the session: a language change takes effect with the next install/update or restart.
 */
export function trackSelectionMenu(t: Translate) {
  return {
    id: TRACK_SELECTION_MENU_ID,
    title: t('menuTrackSelection'),
    contexts: ['selection'] as ['selection'],
  };
}

interface Identified {
  number: string;
  carrier: string;
}

export interface TrackSelectionDeps {
  db: DoorstepDatabase;
  now: () => number;
  /** `identifyTrackingNumber`: the selection as one number, spaces and dashes allowed. */
  identify: (input: string) => Identified | null;
  /** `findTrackingNumbers`: numbers inside a longer selection ("UPS tracking: 1Z…"). */
  find: (text: string) => Identified[];
  onChange: (changes: PackageChange[]) => Promise<unknown>;
}

export type TrackSelectionOutcome =
  | { kind: 'added'; packages: { number: string; carrier: string; id: string; isNew: boolean }[] }
  | { kind: 'not-a-number'; selection: string };

/** Longest selection looked at: a page-long selection is not a tracking number, and scanning it costs. */
const MAX_SELECTION = 4000;
const MAX_NUMBERS = 20;

function httpUrlOrUndefined(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "Track with Doorstep" on selected text: the selection as a whole number first, else every number the engine finds
 * in it. Nothing is stored when it holds no tracking number, and the outcome says so.
 */
export async function trackSelection(
  selection: string,
  pageUrl: string | undefined,
  deps: TrackSelectionDeps,
): Promise<TrackSelectionOutcome> {
  const text = selection.trim().slice(0, MAX_SELECTION);
  if (!text) return { kind: 'not-a-number', selection: '' };
  const whole = deps.identify(text);
  const found = whole ? [whole] : deps.find(text);
  const unique = [...new Map(found.map((f) => [f.number, f])).values()].slice(0, MAX_NUMBERS);
  if (unique.length === 0) return { kind: 'not-a-number', selection: text };

  const now = deps.now();
  const url = httpUrlOrUndefined(pageUrl);
  const detections: Detection[] = unique.map((f) => ({
    number: f.number,
    carrier: f.carrier,
    source: { kind: 'context_menu', seenAt: now, ...(url && { url }) },
  }));
  const result = await upsertDetections(deps.db, detections, now);
  await deps.onChange(result.changes);
  const createdIds = new Set(result.changes.filter((c) => !c.before && c.after).map((c) => c.after?.id));
  return {
    kind: 'added',
    packages: unique.map((f, i) => {
      const id = result.ids[i] ?? '';
      return { number: f.number, carrier: f.carrier, id, isNew: createdIds.has(id) };
    }),
  };
}

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

/**
 * What the user is told. A notification, not a badge flash: the answer to a click must say which number was added
 * or that the selection was not one, and a badge has room for two characters and no sentence. These replies are not
 * the opt-in status notifications: the user asked a question and gets the answer.
 */
export function selectionFeedback(
  outcome: TrackSelectionOutcome,
  t: Translate,
): { title: string; message: string } {
  if (outcome.kind === 'not-a-number') {
    return {
      title: t('selectionNotNumberTitle'),
      message: outcome.selection ? t('selectionNotNumber', clip(outcome.selection, 60)) : t('selectionEmpty'),
    };
  }
  const lines = outcome.packages.map((p) => {
    const name = `${p.carrier.toUpperCase()} ${p.number}`;
    return p.isNew ? name : t('selectionAlreadyTracked', name);
  });
  return {
    title:
      outcome.packages.length === 1
        ? t('selectionTrackingOne')
        : t('selectionTrackingMany', outcome.packages.length),
    message: clip(lines.join(', '), 240),
  };
}
