import { describe, expect, it } from 'vitest';
import type { ReplyTo } from '../../../utils/messages';
import {
  CSV_COLUMNS,
  exportCsv,
  exportJson,
  IMPORT_CHUNK_RECORDS,
  MAX_IMPORT_FILE_RECORDS,
  readImportFile,
  sendImport,
} from '../../../utils/view/data-transfer';
import { must } from '../components/dom';
import { threePackages } from '../components/fixtures';
import { parseCsv } from '../csv';

const NOW = new Date(Date.UTC(2025, 10, 26, 12));

describe('export', () => {
  it('writes one CSV line per event, oldest first, with the package facts on each line', () => {
    const packages = threePackages(NOW);
    packages[0]?.itemTitles.push('Carrying case, "hard"');
    const csv = exportCsv(packages);
    // A UTF-8 byte order mark first, so Excel reads umlauts as umlauts; Papa Parse skips it like other readers.
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.indexOf('\uFEFF', 1)).toBe(-1);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const body = rows.slice(1);
    expect(body).toHaveLength(3 + 2 + 1);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const headphones = body.filter((r) => r[col('package_id')] === 'pkg-headphones');
    expect(headphones.map((r) => r[col('event_description')])).toEqual([
      'Shipper created a label',
      'Departed from facility',
      'Out for delivery',
    ]);
    expect(headphones[0]?.[col('items')]).toBe(
      'Sony WH-1000XM5 Wireless Noise Cancelling Headphones | Carrying case, "hard"',
    );
    expect(headphones[0]?.[col('event_time')]).toBe(new Date(must(packages[0]?.events[0]).at).toISOString());
    const kindle = body.find((r) => r[col('package_id')] === 'pkg-kindle');
    expect(kindle?.[col('order_id')]).toBe('113-5838173-8241820');
    expect(kindle?.[col('event_time')]).toBe('');
  });

  it('writes a JSON backup that reads back without loss', () => {
    const packages = threePackages(NOW);
    expect(readImportFile(exportJson(packages, NOW))).toEqual({ ok: true, items: packages });
  });
});

describe('import file', () => {
  it('refuses what is not JSON or not an export, and huge files', () => {
    expect(readImportFile('number,carrier\n1Z,ups')).toEqual({ ok: false, error: 'not-json' });
    expect(readImportFile('{"hello": 1}')).toEqual({ ok: false, error: 'not-an-export' });
    expect(readImportFile(JSON.stringify(new Array(MAX_IMPORT_FILE_RECORDS + 1).fill(0)))).toEqual({
      ok: false,
      error: 'too-many',
    });
    // 50,000 records, a seller's years of packages, are one file.
    const big = readImportFile(JSON.stringify(new Array(50_000).fill({})));
    expect(big.ok && big.items.length).toBe(50_000);
  });
});

/**
 * A background that answers like the real one for the parts sendImport relies on: each record with an id is
 * "created", others rejected with their index in the message; `failAt` makes the n-th message (from 0) fail;
 * `outOfOrder` answers every odd message before the even one sent just before it.
 */
function fakeBackground({ failAt, outOfOrder = false }: { failAt?: number; outOfOrder?: boolean } = {}) {
  const messages: unknown[][] = [];
  const send = async (records: unknown[]): Promise<ReplyTo<'import'>> => {
    const n = messages.push(records) - 1;
    // Answer out of order: a later chunk may come back before an earlier one.
    if (outOfOrder) await new Promise((resolve) => setTimeout(resolve, n % 2 === 0 ? 2 : 0));
    if (n === failAt) return { ok: false, code: 'unavailable', detail: 'worker stopped' };
    const reasons = records.flatMap((r, index) =>
      typeof r === 'object' && r !== null && 'id' in r
        ? []
        : [{ index, field: 'id', problem: 'missing' as const }],
    );
    return {
      ok: true,
      created: records.length - reasons.length,
      updated: 0,
      rejected: reasons.length,
      reasons,
    };
  };
  return { messages, send };
}

describe('sendImport', () => {
  const items = (n: number, bad: number[] = []) =>
    Array.from({ length: n }, (_, i) => (bad.includes(i) ? { junk: i } : { id: `p${i}` }));

  it('sends a big file in chunks, each record once and in file order, and sums the replies', async () => {
    const background = fakeBackground({ outOfOrder: true });
    const progress: number[] = [];
    const total = IMPORT_CHUNK_RECORDS * 2 + 17;
    const outcome = await sendImport(
      items(total, [3, IMPORT_CHUNK_RECORDS + 5, total - 1]),
      background.send,
      (done) => progress.push(done),
    );
    expect(background.messages.map((m) => m.length)).toEqual([
      IMPORT_CHUNK_RECORDS,
      IMPORT_CHUNK_RECORDS,
      17,
    ]);
    expect(background.messages.flat()).toEqual(items(total, [3, IMPORT_CHUNK_RECORDS + 5, total - 1]));
    expect(outcome).toMatchObject({
      created: total - 3,
      updated: 0,
      unchanged: 0,
      rejectedCount: 3,
      done: total,
      total,
    });
    expect(outcome.failure).toBeUndefined();
    // Rejections carry their position in the file, not in their chunk, in file order.
    expect(outcome.rejected.map((r) => r.index)).toEqual([3, IMPORT_CHUNK_RECORDS + 5, total - 1]);
    expect(progress.at(-1)).toBe(total);
    expect(progress).toHaveLength(3);
  });

  it('stops at a failed chunk and says how far it got: nothing after it is sent, nothing is claimed', async () => {
    const background = fakeBackground({ failAt: 1 });
    const total = IMPORT_CHUNK_RECORDS * 5;
    const outcome = await sendImport(items(total), background.send);
    expect(outcome.failure).toMatchObject({ ok: false, code: 'unavailable' });
    // Chunk 0 answered; chunk 1 failed; chunk 2 was already in flight (two at a time) and answered; no more sent.
    expect(background.messages).toHaveLength(3);
    expect(outcome.done).toBe(IMPORT_CHUNK_RECORDS * 2);
    expect(outcome.created).toBe(IMPORT_CHUNK_RECORDS * 2);
    expect(outcome.total).toBe(total);
  });

  it('sends nothing for an empty file', async () => {
    const background = fakeBackground();
    expect(await sendImport([], background.send)).toMatchObject({ done: 0, total: 0, created: 0 });
    expect(background.messages).toEqual([]);
  });
});
