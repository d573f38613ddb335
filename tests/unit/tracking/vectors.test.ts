import { describe, expect, it } from 'vitest';
import { matchFormats } from '../../../utils/tracking/format-table';
import { COURIERS, identifyTrackingNumber } from '../../../utils/tracking/index';
import { loadVectors } from './helpers';

/**
 * Documented exceptions: numbers that are valid for two couriers, where the pasted number alone
 * cannot say which; identify() names the other courier first and lists this one as an alternative.
 */
const AMBIGUOUS_VALID = new Map([
  ['287809468872', 'valid FedEx Express (12) and Purolator (12): both check digits pass'],
  ['320610804900', 'valid FedEx Express (12) and Purolator (12): both check digits pass'],
  ['JFV247545960', 'fits DHL Express Piece ID (J + 2 letters + 9 digits) and Purolator alpha'],
]);

/** Invalid for the listed format but valid for another format of the same courier. */
const INVALID_BUT_OTHER_FORMAT = new Map([
  ['331426749957', 'listed invalid for purolator_alpha; it is a valid purolator_numeric test number'],
]);

const compact = (n: string) => n.replace(/[\s-]/g, '').toUpperCase();

describe('tracking_number_data vectors', () => {
  const vectors = loadVectors();

  it('covers all 39 formats of 18 couriers', () => {
    expect(new Set(vectors.map((v) => `${v.courier_code}/${v.format_id}`)).size).toBe(39);
    expect(new Set(vectors.map((v) => v.courier_code)).size).toBe(18);
    const ours = new Set(COURIERS.flatMap((c) => c.formats.map((f) => `${c.code}/${f.id}`)));
    for (const v of vectors) expect(ours.has(`${v.courier_code}/${v.format_id}`)).toBe(true);
  });

  for (const v of vectors.filter((x) => x.valid)) {
    it(`identifies ${v.courier_code} ${v.format_id} ${JSON.stringify(v.number)}`, () => {
      const hits = matchFormats(compact(v.number));
      expect(hits.map((h) => h.format.id)).toContain(v.format_id);
      const id = identifyTrackingNumber(v.number);
      expect(id).not.toBeNull();
      if (AMBIGUOUS_VALID.has(compact(v.number))) {
        expect(id?.alternatives.map((a) => a.carrier)).toContain(v.courier_code);
      } else {
        expect(id?.carrier).toBe(v.courier_code);
      }
    });
  }

  for (const v of vectors.filter((x) => !x.valid)) {
    it(`rejects ${v.courier_code} ${v.format_id} ${JSON.stringify(v.number)}`, () => {
      const hits = matchFormats(compact(v.number)).map((h) => h.format.id);
      if (INVALID_BUT_OTHER_FORMAT.has(compact(v.number))) expect(hits).not.toContain(v.format_id);
      else expect(hits.filter((id) => id === v.format_id)).toEqual([]);
    });
  }
});
