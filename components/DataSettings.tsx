import { useState } from 'preact/hooks';
import { localDate } from '@/utils/badge';
import { errorWords } from '@/utils/i18n/error-words';
import { rejectionWords } from '@/utils/i18n/rejection-words';
import { countAllPackages, listAllPackages } from '@/utils/store/repository';
import { exportCsv, exportJson, parseImportFile, type RejectedRecord } from '@/utils/view/data-transfer';
import { useLiveQuery } from './hooks';
import { useOptionsServices } from './options-services';

interface ImportReport {
  created?: number;
  updated?: number;
  /** Records already stored exactly as in the file (re-importing an export): said, so "0 new" is not a puzzle. */
  unchanged?: number;
  rejected: RejectedRecord[];
  /** Records the store refused while merging (said in one line). */
  rejectedByStore?: number;
  /** Every rejected record: those refused here plus those the store refused (listed as one line). */
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
    const parsed = parseImportFile(await file.text());
    if (!parsed.ok) {
      const key =
        parsed.error === 'not-json'
          ? 'importNotJson'
          : parsed.error === 'too-many'
            ? 'importTooMany'
            : parsed.error === 'unsupported-version'
              ? 'importNewerVersion'
              : 'importNotExport';
      setReport({ rejected: [], error: t(key) });
      return;
    }
    if (parsed.records.length === 0) {
      setReport({ rejected: parsed.rejected, error: t('importNothingValid') });
      return;
    }
    const reply = await services.send({ type: 'import', records: parsed.records });
    const replyRejected = (reply as { rejected?: unknown }).rejected;
    const rejectedByStore = typeof replyRejected === 'number' ? replyRejected : 0;
    setReport({
      created: reply.ok ? reply.created : undefined,
      updated: reply.ok ? reply.updated : undefined,
      unchanged: reply.ok ? reply.unchanged : undefined,
      rejected: parsed.rejected,
      rejectedByStore,
      rejectedCount: parsed.rejected.length + rejectedByStore,
      error: reply.ok ? undefined : t('importFailed', errorWords(reply, t)),
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
        onChange={(e) => {
          const input = e.currentTarget;
          void importFile(input.files?.[0]).finally(() => {
            input.value = '';
          });
        }}
      />
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
          {(report.rejected.length > 0 || (report.rejectedByStore ?? 0) > 0) && (
            <ul>
              {report.rejected.slice(0, SHOWN_REJECTIONS).map((r) => (
                <li key={r.index}>{rejectionWords(r, t)}</li>
              ))}
              {report.rejected.length > SHOWN_REJECTIONS && (
                <li>{t('importMoreRejected', report.rejected.length - SHOWN_REJECTIONS)}</li>
              )}
              {(report.rejectedByStore ?? 0) > 0 && (
                <li>{t('importRejectedByStore', report.rejectedByStore ?? 0)}</li>
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
