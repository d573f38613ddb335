import { describe, expect, it } from 'vitest';
import {
  askedNumbers,
  detectionsFromCapture,
  parseCapturedMessage,
} from '../../../../utils/carrier-web/capture';
import { CAPTURE_MESSAGE_TAG, endpointFor } from '../../../../utils/carrier-web/endpoints';
import { readUpsStatus } from '../../../../utils/carriers/ups/web';
import { identifyTrackingNumber } from '../../../../utils/tracking';
import { fixture } from '../contract-server';
import { NOW } from '../packages';

/** Capture on visit: what the page-world hook hands over, read into detections, and everything it must refuse. */

const UPS_NUMBER = '1Z999AA10123456784';
const CP_NUMBER = '7035114477138472';
const UPS_URL = 'https://webapis.ups.com/track/api/Track/GetStatus?loc=en_US';
const CP_URL = `https://www.canadapost-postescanada.ca/track-reperage/rs/track/json/package/${CP_NUMBER}/detail`;
const UPS_PAGE = `https://www.ups.com/track?loc=en_US&tracknum=${UPS_NUMBER}`;
const upsCapture = (body: unknown, numbers: unknown = [UPS_NUMBER]) => ({
  url: UPS_URL,
  requestBody: JSON.stringify({ Locale: 'en_US', TrackingNumber: numbers }),
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('capture endpoints', () => {
  it('knows only the carriers’ own tracking endpoints, over https', () => {
    expect(endpointFor(UPS_URL)?.reader).toBe('ups');
    expect(endpointFor(CP_URL)?.reader).toBe('canada_post');
    expect(endpointFor(UPS_URL.replace('https:', 'http:'))).toBeUndefined();
    expect(endpointFor('https://evil.example/track/api/Track/GetStatus')).toBeUndefined();
    expect(endpointFor('https://webapis.ups.com/track/api/Track/GetStatusX')).toBeUndefined();
    expect(endpointFor('not a url')).toBeUndefined();
  });

  it('accepts a posted message only with the tag, the right types and the bounds', () => {
    const good = { tag: CAPTURE_MESSAGE_TAG, url: CP_URL, body: '{}' };
    expect(parseCapturedMessage(good, CAPTURE_MESSAGE_TAG)).toEqual({ url: CP_URL, body: '{}' });
    expect(parseCapturedMessage({ ...good, tag: 'other' }, CAPTURE_MESSAGE_TAG)).toBeUndefined();
    expect(parseCapturedMessage({ ...good, body: 42 }, CAPTURE_MESSAGE_TAG)).toBeUndefined();
    expect(
      parseCapturedMessage({ ...good, body: 'x'.repeat(1_000_001) }, CAPTURE_MESSAGE_TAG),
    ).toBeUndefined();
    expect(parseCapturedMessage({ ...good, requestBody: {} }, CAPTURE_MESSAGE_TAG)).toBeUndefined();
    expect(parseCapturedMessage('string', CAPTURE_MESSAGE_TAG)).toBeUndefined();
    expect(parseCapturedMessage(null, CAPTURE_MESSAGE_TAG)).toBeUndefined();
  });

  it('takes the numbers asked from the request itself: the URL for Canada Post, the body for UPS', () => {
    expect(askedNumbers({ url: CP_URL, body: '' })).toEqual([CP_NUMBER]);
    expect(askedNumbers(upsCapture({}, [UPS_NUMBER, ' 1z999aa10123456784 ']))).toEqual([
      UPS_NUMBER,
      UPS_NUMBER,
    ]);
    expect(askedNumbers({ url: UPS_URL, requestBody: 'not json', body: '' })).toEqual([]);
  });
});

describe('UPS GetStatus reader', () => {
  it('reads status, exact UTC times and the whole history', () => {
    const reading = readUpsStatus(fixture('ups-web/getstatus-success.json'), UPS_NUMBER, NOW);
    expect(reading.kind).toBe('found');
    if (reading.kind !== 'found') return;
    expect(reading.facts).toMatchObject({
      status: 'out_for_delivery',
      statusText: 'Out For Delivery Today',
      statusAt: Date.UTC(2025, 2, 10, 11, 12, 0),
    });
    expect(reading.facts.events?.map((e) => [e.status, e.at, e.location])).toEqual([
      ['out_for_delivery', Date.UTC(2025, 2, 10, 11, 12), 'Louisville, KY, United States'],
      ['in_transit', Date.UTC(2025, 2, 10, 3, 12), 'Louisville, KY, United States'],
      ['info_received', Date.UTC(2025, 2, 8, 14, 0), 'United States'],
    ]);
  });

  it('says not found on UPS’s own "no record" code only, and refuses another number', () => {
    expect(readUpsStatus(fixture('ups-web/getstatus-not-found.json'), UPS_NUMBER, NOW)).toEqual({
      kind: 'not_found',
      number: UPS_NUMBER,
    });
    expect(readUpsStatus(fixture('ups-web/getstatus-success.json'), '1Z12345E6605272234', NOW).kind).toBe(
      'unreadable',
    );
    const other = JSON.parse(JSON.stringify(fixture('ups-web/getstatus-success.json')));
    other.trackDetails[0].trackingNumber = '1Z12345E6605272234';
    expect(readUpsStatus(other, UPS_NUMBER, NOW)).toEqual({
      kind: 'unreadable',
      reason: 'answer for another number',
    });
    expect(readUpsStatus({ statusCode: '402' }, UPS_NUMBER, NOW).kind).toBe('unreadable');
  });
});

describe('captured answers into detections', () => {
  it('turns the page’s own UPS answer into a carrier-page detection with its history', () => {
    const [detection, ...rest] = detectionsFromCapture(
      upsCapture(fixture('ups-web/getstatus-success.json')),
      UPS_PAGE,
      NOW,
      identifyTrackingNumber,
    );
    expect(rest).toEqual([]);
    expect(detection).toMatchObject({
      number: UPS_NUMBER,
      carrier: 'ups',
      status: 'out_for_delivery',
      source: { kind: 'carrier', url: UPS_PAGE, seenAt: NOW },
    });
    expect(detection?.events).toHaveLength(3);
  });

  it('turns a Canada Post detail answer into a detection', () => {
    const detections = detectionsFromCapture(
      { url: CP_URL, body: JSON.stringify(fixture('canadapost-web/detail-in-transit.json')) },
      `https://www.canadapost-postescanada.ca/track-reperage/en#/details/${CP_NUMBER}`,
      NOW,
      identifyTrackingNumber,
    );
    expect(detections).toMatchObject([{ number: CP_NUMBER, carrier: 'canada_post', status: 'in_transit' }]);
    expect(detections[0]?.events).toHaveLength(2);
  });

  it('drops what it cannot vouch for: another number, a number of another carrier, bad JSON, "not found"', () => {
    const page = UPS_PAGE;
    const success = fixture('ups-web/getstatus-success.json');
    // The answer is about a number the request did not ask for.
    expect(
      detectionsFromCapture(upsCapture(success, ['1Z12345E6605272234']), page, NOW, identifyTrackingNumber),
    ).toEqual([]);
    // A number with a wrong check digit is never sent, whatever the answer says.
    expect(
      detectionsFromCapture(upsCapture(success, ['1Z999AA10123456785']), page, NOW, identifyTrackingNumber),
    ).toEqual([]);
    // A Canada Post number asked at the UPS endpoint is not UPS's to answer.
    expect(
      detectionsFromCapture(upsCapture(success, [CP_NUMBER]), page, NOW, identifyTrackingNumber),
    ).toEqual([]);
    expect(
      detectionsFromCapture(upsCapture('{"trackDetails": ['), page, NOW, identifyTrackingNumber),
    ).toEqual([]);
    expect(
      detectionsFromCapture(
        upsCapture(fixture('ups-web/getstatus-not-found.json')),
        page,
        NOW,
        identifyTrackingNumber,
      ),
    ).toEqual([]);
    expect(
      detectionsFromCapture(
        { ...upsCapture(success), url: 'https://evil.example/x' },
        page,
        NOW,
        identifyTrackingNumber,
      ),
    ).toEqual([]);
  });

  it('leaves out a page address that is not https', () => {
    const [detection] = detectionsFromCapture(
      upsCapture(fixture('ups-web/getstatus-success.json')),
      'javascript:alert(1)',
      NOW,
      identifyTrackingNumber,
    );
    expect(detection?.source).toEqual({ kind: 'carrier', seenAt: NOW });
  });
});

describe('keyless hosts', () => {
  it('requires only hosts the content script already runs on (the install prompt stays the same)', async () => {
    const { CARRIER_WEB_REQUIRED_ORIGINS } = await import('../../../../utils/carrier-web/origins');
    const { CARRIER_MATCHES } = await import('../../../../utils/hosts');
    for (const origin of CARRIER_WEB_REQUIRED_ORIGINS) expect(CARRIER_MATCHES).toContain(origin);
  });
});
