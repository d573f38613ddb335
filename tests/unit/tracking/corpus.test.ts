import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTrackingNumbers } from '../../../utils/tracking/index';
import { HAS_SHARED, SHARED } from './helpers';

/** The scorer's matching key: upper case, whitespace and "-" removed (see ../shared/tools/score.mjs). */
const key = (s: string) => s.replace(/[\s\u00a0-]+/g, '').toUpperCase();

interface Doc {
  id: string;
  text: string;
  truth: { number: string; courier_code: string }[];
}

/** Precision / recall / F1 over the labelled documents, number-level and correct-courier, as the scorer counts. */
function score(docs: Doc[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tpc = 0;
  let fpc = 0;
  let fnc = 0;
  for (const doc of docs) {
    const found = findTrackingNumbers(doc.text);
    const predicted = new Set(found.map((m) => key(m.number)));
    const pairs = new Set(found.map((m) => `${key(m.number)}|${m.carrier}`));
    const truth = new Map(doc.truth.map((t) => [key(t.number), t.courier_code]));
    for (const [n, courier] of truth) {
      if (predicted.has(n)) tp++;
      else fn++;
      if (pairs.has(`${n}|${courier}`)) tpc++;
      else fnc++;
    }
    for (const n of predicted) if (!truth.has(n)) fp++;
    for (const pair of pairs) {
      const [n, c] = pair.split('|');
      if (truth.get(n ?? '') !== c) fpc++;
    }
  }
  const prf = (t: number, p: number, n: number) => {
    const precision = t / (t + p || 1);
    const recall = t / (t + n || 1);
    return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
  };
  return { number: prf(tp, fp, fn), courier: prf(tpc, fpc, fnc) };
}

describe.skipIf(!HAS_SHARED)('labelled corpus (../shared/corpus/docs.jsonl)', () => {
  it('meets the precision, recall and correct-courier targets', () => {
    const docs = readFileSync(resolve(SHARED, 'corpus/docs.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Doc);
    const { number, courier } = score(docs);
    expect(number.precision).toBeGreaterThanOrEqual(0.99);
    expect(number.recall).toBeGreaterThanOrEqual(0.98);
    expect(courier.f1).toBeGreaterThanOrEqual(0.97);
  });

  it('finds every distinct number of the 2 MB page and nothing else', () => {
    const text = readFileSync(resolve(SHARED, 'corpus/bigpage.txt'), 'utf8');
    const { numbers } = JSON.parse(readFileSync(resolve(SHARED, 'corpus/bigpage.truth.json'), 'utf8')) as {
      numbers: { number: string }[];
    };
    const truth = new Set(numbers.map((t) => key(t.number)));
    const predicted = new Set(findTrackingNumbers(text).map((m) => key(m.number)));
    const hits = [...predicted].filter((n) => truth.has(n)).length;
    expect(hits / predicted.size).toBeGreaterThanOrEqual(0.99);
    expect(hits / truth.size).toBeGreaterThanOrEqual(0.98);
  });
});
