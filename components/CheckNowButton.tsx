import { useState } from 'preact/hooks';
import { CHECK_FAILURES, type CheckFailure, offersCheckNow } from '@/utils/carrier-web/check-now';
import type { MessageKey, Translate } from '@/utils/i18n/translate';
import type { PackageRecord } from '@/utils/store/types';
import { carrierBrand } from '@/utils/view/carriers';
import { Icon } from './Icons';
import type { Notice } from './PackageDetails';
import { useServices } from './services';

/**
 * "Check on the carrier's page" for carriers that guard their tracking with a bot check (USPS, FedEx, DHL, Royal
 * Mail): one click asks the background to open the carrier's page in a background tab, read it like a visit and
 * close it (utils/carrier-web/check-now.ts). Only ever started by this click; one at a time.
 */
const FAILURE_KEYS = {
  busy: 'carrierWebCheckNowError_busy',
  gone: 'carrierWebCheckNowError_gone',
  no_page: 'carrierWebCheckNowError_no_page',
  not_shown: 'carrierWebCheckNowError_not_shown',
  open_failed: 'carrierWebCheckNowError_open_failed',
} as const satisfies Record<CheckFailure, MessageKey>;

/** The reason in the UI language; a reply Doorstep does not know (an older or broken worker) is never shown raw. */
export function checkFailureWords(error: unknown, t: Translate, carrier: string): string {
  const code = CHECK_FAILURES.find((known) => known === error);
  return code ? t(FAILURE_KEYS[code]) : t('refreshError_unknown', carrier);
}

export function CheckNowButton({ pkg, notify }: { pkg: PackageRecord; notify: (notice: Notice) => void }) {
  const { t, send } = useServices();
  const [busy, setBusy] = useState(false);
  if (!offersCheckNow(pkg)) return null;
  const carrier = carrierBrand(pkg.carrier)?.name ?? pkg.carrier ?? '';
  const check = async () => {
    setBusy(true);
    const reply = await send({ type: 'check-carrier-page', id: pkg.id });
    setBusy(false);
    notify(
      reply.ok
        ? { text: t('carrierWebCheckNowDone') }
        : {
            text: t('carrierWebCheckNowFailed', checkFailureWords(reply.checkFailure, t, carrier)),
            tone: 'error',
          },
    );
  };
  return (
    <button
      type="button"
      class="check-now"
      onClick={check}
      disabled={busy}
      aria-busy={busy}
      title={t('carrierWebCheckNowHelp', carrier)}
    >
      <Icon name="refresh" /> {busy ? t('carrierWebChecking') : t('carrierWebCheckNow')}
    </button>
  );
}
