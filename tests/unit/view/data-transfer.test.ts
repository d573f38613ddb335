import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, exportCsv, exportJson, parseImportFile } from '../../../utils/view/data-transfer';
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

  it('writes a JSON backup that imports back without loss', () => {
    const packages = threePackages(NOW);
    const parsed = parseImportFile(exportJson(packages, NOW));
    expect(parsed).toEqual({ ok: true, records: packages, rejected: [] });
  });
});

describe('import', () => {
  it('refuses what is not JSON or not an export, and huge files', () => {
    expect(parseImportFile('number,carrier\n1Z,ups')).toEqual({ ok: false, error: 'not-json' });
    expect(parseImportFile('{"hello": 1}')).toEqual({ ok: false, error: 'not-an-export' });
    expect(parseImportFile(JSON.stringify(new Array(20_001).fill({})))).toEqual({
      ok: false,
      error: 'too-many',
    });
  });

  it('keeps valid records and names each rejected one with its reason', () => {
    const [good] = threePackages(NOW);
    const text = JSON.stringify([
      good,
      { ...good, id: 'x', status: 'teleported' },
      { ...good, id: 'y', trackUrl: 'javascript:alert(1)' },
      'junk',
    ]);
    const parsed = parseImportFile(text);
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.records.map((r) => r.id)).toEqual(['pkg-headphones']);
    expect(parsed.rejected.map((r) => r.index)).toEqual([1, 2, 3]);
    // Coded, so the options page can word them in any language (the validator's messages are English).
    expect(parsed.rejected).toEqual([
      { index: 1, field: 'status', problem: 'not-allowed' },
      { index: 2, field: 'trackUrl', problem: 'invalid' },
      { index: 3, field: '', problem: 'wrong-type' },
    ]);
  });
});
