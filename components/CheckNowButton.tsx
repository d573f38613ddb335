import { useState } from 'preact/hooks';
import { offersCheckNow } from '@/utils/carrier-web/check-now';
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
        : { text: t('carrierWebCheckNowFailed', reply.error), tone: 'error' },
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
