import type { Translate } from '../i18n/translate';
import type { PackageRecord } from '../store/types';
import { formatAgo } from './format';
import { latestEvent } from './package-text';

const DAY_MS = 86_400_000;

/**
 * How fresh what the popup shows is, as what it is: when Doorstep last asked ("Checked 3 h ago"), when the carrier
 * last said anything ("Last carrier event 9 days ago"), or that nobody ever asked ("Never checked"). Never the
 * time the record was last written, which moves on a rename and says nothing about the parcel.
 */
export function freshnessWords(pkg: PackageRecord, now: number, t: Translate, locale: string): string {
  const event = latestEvent(pkg);
  const eventWords = event ? t('freshLastEvent', formatAgo(event.at, now, locale)) : undefined;
  if (pkg.lastCheckedAt !== undefined) {
    const checked = t('checkedAgo', formatAgo(pkg.lastCheckedAt, now, locale));
    // A fresh check of a parcel nothing has happened to for days: both are true and both matter.
    return eventWords && event && pkg.lastCheckedAt - event.at >= DAY_MS
      ? t('freshBoth', checked, eventWords)
      : checked;
  }
  if (eventWords) return eventWords;
  // A page or e-mail said something at a known time (its date), though no carrier event was read.
  if (pkg.statusAt !== undefined && pkg.sources.some((s) => s.kind !== 'manual' && s.kind !== 'import')) {
    return t('freshLastNews', formatAgo(pkg.statusAt, now, locale));
  }
  return t('neverChecked');
}
