import { useState } from 'preact/hooks';
import { localDate } from '@/utils/badge';
import { errorWords } from '@/utils/i18n/error-words';
import { rejectionWords } from '@/utils/i18n/rejection-words';
import { sendStagedImport } from '@/utils/store/import-staging';
import { countAllPackages, listAllPackages } from '@/utils/store/repository';
import {
  exportCsv,
  exportJson,
  type RejectedRecord,
  readImportFile,
  sendImport,
} from '@/utils/view/data-transfer';
import { useLiveQuery } from './hooks';
import { useOptionsServices } from './options-services';

interface ImportReport {
  created?: number;
  updated?: number;
  /** Records already stored exactly as in the file (re-importing an export): said, so "0 new" is not a puzzle. */
  unchanged?: number;
  rejected: RejectedRecord[];
  /** Every rejected record (the list holds the first of them). */
  rejectedCount?: number;
  error?: string;
}

const SHOWN_REJECTIONS = 10;

/** Export (JSON backup, CSV with every event), import with a report, and deleting everything. */
/** `synced`: whether the user turned sync on, so the privacy line says where the copy goes. */
export function DataSettings({ synced = false }: { synced?: boolean }) {
  const services = useOptionsServices();
  const { t, db } = services;
  const count = useLiveQuery(() => countAllPackages(db), [db]);
  const [confirming, setConfirming] = useState(false);
  const [report, setReport] = useState<ImportReport | undefined>(undefined);
  const [progress, setProgress] = useState('');
  const [importing, setImporting] = useState(false);
  // Each message next to what it is about: "Exported 17 packages." under Export, not under Delete all data.
  const [exportStatus, setExportStatus] = useState('');
  const [status, setStatus] = useState('');

  // The user's own date: a file exported just after midnight is named for the day it was made.
  const stamp = () => localDate(services.now());

  const exportAs = async (kind: 'json' | 'csv') => {
    const packages = await listAllPackages(db);
    if (kind === 'json') {
      services.download(`doorstep-${stamp()}.json`, exportJson(packages, services.now()), 'application/json');
    } else {
      services.download(`doorstep-${stamp()}.csv`, exportCsv(packages), 'text/csv;charset=utf-8');
    }
    setExportStatus(t('exported', packages.length));
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setReport(undefined);
    const read = readImportFile(await file.text());
    if (!read.ok) {
      const key =
        read.error === 'not-json'
          ? 'importNotJson'
          : read.error === 'too-many'
            ? 'importTooMany'
            : read.error === 'unsupported-version'
              ? 'importNewerVersion'
              : 'importNotExport';
      setReport({ rejected: [], error: t(key) });
      return;
    }
    const number = (n: number) => n.toLocaleString(services.locale);
    setImporting(true);
    const outcome = await sendImport(
      read.items,
      // Staged in the database, the worker told only the chunk's id: far cheaper than the records in a message.
      (records) => sendStagedImport(db, records, services.now().getTime(), services.send),
      // A long file (tens of thousands of records) takes seconds: say how far it is.
      (done, total) => setProgress(done < total ? t('importProgress', number(done), number(total)) : ''),
    ).finally(() => setImporting(false));
    setProgress('');
    const stored = outcome.created + outcome.updated + outcome.unchanged;
    const error = outcome.failure
      ? outcome.done === 0
        ? t('importFailed', errorWords(outcome.failure, t))
        : t('importStopped', number(outcome.done), number(outcome.total), errorWords(outcome.failure, t))
      : stored === 0
        ? t('importNothingValid')
        : undefined;
    setReport({
      ...(outcome.done > 0 &&
        stored > 0 && { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged }),
      rejected: outcome.rejected,
      rejectedCount: outcome.rejectedCount,
      error,
    });
  };

  const deleteAll = async () => {
    // Through the background, so the badge and notifications learn about it at once.
    const reply = await services.send({ type: 'delete-all' });
    if (!reply.ok) {
      setStatus(t('actionFailed', errorWords(reply, t)));
      return;
    }
    await services.clearSynced().catch(() => undefined);
    setConfirming(false);
    setStatus(t('deletedAll'));
  };

  const total = count.status === 'ready' ? count.value : undefined;
  return (
    <section class="card" aria-labelledby="data-title">
      <h2 id="data-title">{t('dataTitle')}</h2>
      <p>
        {t('dataStored')} <strong data-testid="count">{total ?? '…'}</strong>
      </p>
      <p class="muted">{t(synced ? 'dataPrivacySynced' : 'dataPrivacy')}</p>

      <h3>{t('exportTitle')}</h3>
      <p class="muted">{t('exportHelp')}</p>
      <div class="inline">
        <button type="button" onClick={() => exportAs('json')}>
          {t('exportJson')}
        </button>
        <button type="button" onClick={() => exportAs('csv')}>
          {t('exportCsv')}
        </button>
      </div>
      <p class="muted" role="status" aria-live="polite" data-testid="export-status">
        {exportStatus}
      </p>

      <h3>{t('importTitle')}</h3>
      <p class="muted">{t('importHelp')}</p>
      <input
        type="file"
        accept="application/json,.json"
        aria-label={t('importChoose')}
        disabled={importing}
        onChange={(e) => {
          const input = e.currentTarget;
          void importFile(input.files?.[0]).finally(() => {
            input.value = '';
          });
        }}
      />
      <p class="muted" role="status" aria-live="polite" data-testid="import-progress">
        {progress}
      </p>
      {report && (
        <div class="import-report" role="status" data-testid="import-report">
          {report.error && <p class="field-error">{report.error}</p>}
          {report.created !== undefined && (
            <p>
              {t(
                'importResult',
                report.created,
                report.updated ?? 0,
                report.unchanged ?? 0,
                report.rejectedCount ?? report.rejected.length,
              )}
            </p>
          )}
          {report.rejected.length > 0 && (
            <ul>
              {report.rejected.slice(0, SHOWN_REJECTIONS).map((r) => (
                <li key={r.index}>{rejectionWords(r, t)}</li>
              ))}
              {report.rejected.length > SHOWN_REJECTIONS && (
                <li>{t('importMoreRejected', report.rejected.length - SHOWN_REJECTIONS)}</li>
              )}
            </ul>
          )}
        </div>
      )}

      <h3>{t('deleteTitle')}</h3>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">{t('deleteConfirm', total ?? 0)}</p>
          <div class="inline">
            <button type="button" class="danger" onClick={deleteAll}>
              {t('deleteAllConfirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('deleteAll')}
        </button>
      )}
      <p class="muted" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
