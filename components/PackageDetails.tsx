import { useEffect, useRef, useState } from 'preact/hooks';
import { errorWords } from '@/utils/i18n/error-words';
import type { PackageRecord } from '@/utils/store/types';
import { formatDateTime, formatEta } from '@/utils/view/format';
import { freshnessWords } from '@/utils/view/freshness';
import { safeHttpUrl, sourceHost, trackingPageFor } from '@/utils/view/links';
import {
  packageSubtitle,
  packageTitle,
  problemWords,
  statusWords,
  timeline,
} from '@/utils/view/package-text';
import { refreshErrorWords } from '@/utils/view/refresh-error';
import { problemOf, type ViewClock } from '@/utils/view/sections';
import { CarrierMark } from './CarrierMark';
import { CheckNowButton } from './CheckNowButton';
import { Icon } from './Icons';
import { useServices } from './services';

export interface Notice {
  text: string;
  tone?: 'error' | 'info';
  undo?: () => void;
}

const SOURCE_KEYS = {
  webmail: 'source_webmail',
  amazon: 'source_amazon',
  carrier: 'source_carrier',
  shop: 'source_shop',
  page: 'source_page',
  manual: 'source_manual',
  context_menu: 'source_context_menu',
  import: 'source_import',
  sync: 'source_sync',
  refresh: 'source_refresh',
} as const;

/**
 * Everything about one package and what can be done with it. Changes go to the background as messages; the live
 * query brings the changed record back, so what is shown is always what is stored.
 */
export function PackageDetails({
  pkg,
  clock,
  onBack,
  notify,
}: {
  pkg: PackageRecord;
  clock: ViewClock;
  onBack: () => void;
  notify: (notice: Notice) => void;
}) {
  const services = useServices();
  const { t, locale, send } = services;
  const [label, setLabel] = useState(pkg.label ?? '');
  const [note, setNote] = useState(pkg.note ?? '');
  const [busy, setBusy] = useState<'refresh' | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const title = packageTitle(pkg, t);
  const problem = problemOf(pkg, clock);
  const trackingPage = trackingPageFor(pkg, services.carrierUrl);
  const events = timeline(pkg);

  const save = async (field: 'label' | 'note', value: string) => {
    const reply = await send({ type: 'update-package', id: pkg.id, [field]: value });
    notify(
      reply.ok ? { text: t('saved') } : { text: t('actionFailed', errorWords(reply, t)), tone: 'error' },
    );
  };

  const refresh = async () => {
    setBusy('refresh');
    const reply = await send({ type: 'refresh', ids: [pkg.id] });
    setBusy(undefined);
    notify(
      reply.ok
        ? { text: t('refreshDone') }
        : { text: t('refreshFailed', errorWords(reply, t)), tone: 'error' },
    );
  };

  const archive = async () => {
    const archived = pkg.archivedAt === undefined;
    const reply = await send({ type: 'archive', id: pkg.id, archived });
    if (!reply.ok) return notify({ text: t('actionFailed', errorWords(reply, t)), tone: 'error' });
    onBack();
    notify({
      text: archived ? t('archivedNotice', title) : t('unarchivedNotice', title),
      undo: () => void send({ type: 'archive', id: pkg.id, archived: !archived }),
    });
  };

  const remove = async () => {
    const reply = await send({ type: 'delete', id: pkg.id });
    if (!reply.ok || !reply.record)
      return notify({ text: t('actionFailed', errorWords(reply.ok ? undefined : reply, t)), tone: 'error' });
    const record = reply.record;
    onBack();
    notify({
      text: t('deletedNotice', title),
      undo: async () => {
        const restored = await send({ type: 'restore', record });
        if (!restored.ok) notify({ text: t('actionFailed', errorWords(restored, t)), tone: 'error' });
      },
    });
  };

  const copy = async () => {
    if (!pkg.number) return;
    try {
      await services.copyText(pkg.number);
      notify({ text: t('copied') });
    } catch {
      notify({ text: t('copyFailed'), tone: 'error' });
    }
  };

  return (
    <section class="details" aria-labelledby="details-title" data-id={pkg.id}>
      <div class="details-bar">
        <button type="button" class="icon-button" onClick={onBack} aria-label={t('back')} title={t('back')}>
          <Icon name="back" />
        </button>
        <h2 id="details-title" tabIndex={-1} ref={heading}>
          {title}
        </h2>
      </div>

      <div class="details-summary">
        <CarrierMark carrier={pkg.carrier} merchant={pkg.merchant} />
        <div>
          <p
            class={`details-status tone-${problem ? 'problem' : pkg.status === 'delivered' ? 'done' : 'moving'}`}
          >
            {/* The same words as the row and the badge's tooltip. */}
            {problem ? problemWords(problem, t, pkg, clock) : statusWords(pkg.status, t)}
          </p>
          {pkg.eta && pkg.status !== 'delivered' && (
            <p>
              {t('expected')}{' '}
              <strong>
                {formatEta(pkg.eta, clock.today, locale, (day, time) => t('etaByTime', day, time))}
              </strong>
            </p>
          )}
          {pkg.deliveredAt !== undefined && (
            <p>
              {t('deliveredAt')} <strong>{formatDateTime(pkg.deliveredAt, locale)}</strong>
            </p>
          )}
          <p class="muted">
            {packageSubtitle(pkg)}
            {pkg.orderId && ` · ${t('orderNumber', pkg.orderId)}`}
          </p>
        </div>
      </div>

      {pkg.number && (
        <div class="number-line">
          <span class="visually-hidden">{t('trackingNumber')}</span>
          <code class="number">{pkg.number}</code>
          <button
            type="button"
            class="icon-button"
            onClick={copy}
            aria-label={t('copyNumber')}
            title={t('copyNumber')}
          >
            <Icon name="copy" />
          </button>
        </div>
      )}

      <p
        class={`freshness${pkg.lastError ? ' tone-problem' : ''}`}
        role={pkg.lastError ? 'alert' : undefined}
      >
        {freshnessWords(pkg, clock.now, t, locale)}
        {pkg.lastError && ` · ${t('lastRefreshError', refreshErrorWords(pkg.lastError, t))}`}
      </p>

      <div class="actions">
        {trackingPage && (
          <button type="button" class="primary" onClick={() => services.openUrl(trackingPage)}>
            <Icon name="external" />{' '}
            {pkg.carrier || !pkg.orderId ? t('openTrackingPage') : t('openAmazonOrder')}
            {/* Where the click goes, before it goes there. */}
            <span class="muted link-host"> · {sourceHost(trackingPage)}</span>
          </button>
        )}
        <button type="button" onClick={refresh} disabled={busy === 'refresh'} aria-busy={busy === 'refresh'}>
          <Icon name="refresh" /> {busy === 'refresh' ? t('refreshing') : t('refreshNow')}
        </button>
        <CheckNowButton pkg={pkg} notify={notify} />
        <button type="button" onClick={archive}>
          <Icon name="archive" /> {pkg.archivedAt === undefined ? t('archive') : t('unarchive')}
        </button>
        <button type="button" class="danger" onClick={remove}>
          <Icon name="trash" /> {t('delete')}
        </button>
      </div>

      <form
        class="edit"
        onSubmit={(e) => {
          e.preventDefault();
          void save('label', label);
        }}
      >
        <label for="label-input">{t('rename')}</label>
        <div class="inline">
          <input
            id="label-input"
            type="text"
            maxLength={120}
            value={label}
            placeholder={pkg.itemTitles[0] ?? pkg.number ?? ''}
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
          <button type="submit">{t('save')}</button>
        </div>
      </form>
      <form
        class="edit"
        onSubmit={(e) => {
          e.preventDefault();
          void save('note', note);
        }}
      >
        <label for="note-input">{t('note')}</label>
        <textarea
          id="note-input"
          maxLength={2000}
          rows={2}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <button type="submit">{t('saveNote')}</button>
      </form>

      <h3>{t('timeline')}</h3>
      {events.length === 0 ? (
        <p class="muted">{t('noEvents')}</p>
      ) : (
        <ol class="timeline">
          {events.map((event) => (
            <li key={`${event.at}-${event.description}`} class={`event status-${event.status}`}>
              <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at, locale)}</time>
              <span class="event-text">{event.description}</span>
              {event.location && <span class="muted">{event.location}</span>}
            </li>
          ))}
        </ol>
      )}

      <h3>{t('foundOn')}</h3>
      <ul class="sources">
        {pkg.sources.map((source) => {
          const host = sourceHost(source.url);
          const url = safeHttpUrl(source.url);
          return (
            <li key={`${source.kind}-${source.seenAt}`}>
              {t(SOURCE_KEYS[source.kind])}
              {host && url && (
                <>
                  {' · '}
                  <a
                    href={url}
                    target="_blank"
                    rel="noopener noreferrer"
                    onClick={(e) => {
                      e.preventDefault();
                      services.openUrl(url);
                    }}
                  >
                    {host}
                  </a>
                </>
              )}
              <span class="muted"> · {formatDateTime(source.seenAt, locale)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
