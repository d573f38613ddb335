import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorWords } from '@/utils/i18n/error-words';
import { distinctValidCount, previewPastedNumbers } from '@/utils/view/add-preview';
import { carrierBrand } from '@/utils/view/carriers';
import { CarrierMark } from './CarrierMark';
import type { Notice } from './PackageDetails';
import { useServices } from './services';

/**
 * "Add a number by hand": the carrier is identified as the user types, each pasted number gets its own line, and a
 * piece that is not a valid tracking number says so before anything is sent.
 */
export function AddNumbers({ onClose, notify }: { onClose: () => void; notify: (notice: Notice) => void }) {
  const { t, identify, send } = useServices();
  const [input, setInput] = useState('');
  const [sending, setSending] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

  const preview = useMemo(() => previewPastedNumbers(input, identify), [input, identify]);
  // "Track 5 packages" for five parcels, even when one is pasted twice in two spellings.
  const valid = distinctValidCount(preview);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (valid === 0 || sending) return;
    setSending(true);
    const reply = await send({ type: 'add-numbers', input });
    setSending(false);
    const added = reply.added?.filter((o) => o.id) ?? [];
    const rejected = reply.added?.filter((o) => o.error).map((o) => o.input) ?? [];
    if (added.length > 0 && rejected.length === 0) {
      notify({ text: t('addedNotice', added.length) });
      onClose();
      return;
    }
    // Keep what was refused in the box so nothing the user typed is lost.
    if (rejected.length > 0) setInput(rejected.join('\n'));
    setFailures(rejected);
    // Back in the box with what is left, ready to fix the refused ones.
    box.current?.focus();
    notify({
      text:
        added.length > 0
          ? t('addedSomeNotice', added.length, rejected.length)
          : t('actionFailed', errorWords(reply.ok ? undefined : reply, t)),
      tone: added.length > 0 ? 'info' : 'error',
    });
  };

  return (
    <form class="add" onSubmit={submit} aria-labelledby="add-title">
      <h2 id="add-title">{t('addTitle')}</h2>
      <label for="add-input" class="muted">
        {t('addHelp')}
      </label>
      <textarea
        id="add-input"
        ref={box}
        rows={3}
        maxLength={4000}
        spellcheck={false}
        autoComplete="off"
        value={input}
        placeholder="1Z999AA10123456784"
        aria-describedby="add-preview"
        onInput={(e) => {
          setInput(e.currentTarget.value);
          setFailures([]);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        }}
      />
      <ul id="add-preview" class="preview" aria-live="polite">
        {preview.map((item, i) =>
          item.identified ? (
            <li
              key={`${i}-${item.input}`}
              class={item.duplicate ? 'preview-duplicate muted' : 'preview-ok'}
              data-carrier={item.identified.carrier}
            >
              <CarrierMark carrier={item.identified.carrier} />
              <code>{item.identified.number}</code>
              <span class="muted">
                {item.duplicate ? t('duplicateNumber') : carrierBrand(item.identified.carrier)?.name}
              </span>
            </li>
          ) : (
            <li key={`${i}-${item.input}`} class="preview-bad">
              {t(
                failures.includes(item.input)
                  ? 'refusedNumber'
                  : item.checkDigitMismatch
                    ? 'checkDigitMismatch'
                    : 'invalidNumber',
                item.input,
              )}
            </li>
          ),
        )}
      </ul>
      <div class="actions">
        <button type="submit" class="primary" disabled={valid === 0 || sending}>
          {valid > 1 ? t('addMany', valid) : t('addOne')}
        </button>
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
