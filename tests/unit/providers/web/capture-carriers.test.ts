import { describe, expect, it } from 'vitest';
import { askedNumbers, detectionsFromCapture } from '../../../../utils/carrier-web/capture';
import { endpointFor } from '../../../../utils/carrier-web/endpoints';
import { readDhlUtapi } from '../../../../utils/carriers/dhl/express-web';
import { readFedexShipments } from '../../../../utils/carriers/fedex/web';
import { identifyTrackingNumber } from '../../../../utils/tracking';
import { fixture } from '../contract-server';
import { NOW } from '../packages';

/**
 * Capture on visit for FedEx, DHL (dhl.com's utapi and dhl.de's search) and OnTrac: the numbers come from the
 * page's own request, each answer is read by its carrier's reader in the documented shape, and anything that is
 * not exactly about the number asked is dropped.
 */

const FEDEX = '449044304137821';
const FEDEX_URL = 'https://api.fedex.com/track/v2/shipments';
const fedexRequest = (numbers: string[], key = 'trackNumberInfo') =>
  JSON.stringify({
    appDeviceType: 'WTRK',
    appType: 'WTRK',
    supportCurrentLocation: true,
    uniqueKey: '',
    trackingInfo: numbers.map((n) => ({
      [key]: { trackingNumber: n, trackingQualifier: '', trackingCarrier: '' },
    })),
  });
const DHL_EXPRESS = '3318810025';
const UTAPI_URL = `https://www.dhl.com/utapi?trackingNumber=${DHL_EXPRESS}&language=en&requesterCountryCode=US&source=tt`;
const DHL_PAKET = '00340434161094022115';
const PAKET_URL = `https://www.dhl.de/int-verfolgen/data/search?piececode=${DHL_PAKET}&noRedirect=true&language=en`;
const ONTRAC = 'C10999911320231';
const ONTRAC_URL = `https://webtrack.ontrac.com/PackageServices/tracking/${ONTRAC}`;
const body = (value: unknown) => JSON.stringify(value);
const capture = (url: string, answer: unknown, requestBody?: string) => ({
  url,
  body: body(answer),
  ...(requestBody !== undefined && { requestBody }),
});

describe('capture endpoints of FedEx, DHL and OnTrac', () => {
  it('knows each endpoint on its own host only', () => {
    expect(endpointFor(FEDEX_URL)?.reader).toBe('fedex');
    expect(endpointFor(UTAPI_URL)?.reader).toBe('dhl_express');
    expect(endpointFor(PAKET_URL)?.reader).toBe('dhl_paket');
    expect(endpointFor(ONTRAC_URL)?.reader).toBe('ontrac');
    expect(endpointFor('https://www.fedex.com/track/v2/shipments')).toBeUndefined();
    expect(endpointFor('https://www.dhl.de/utapi?trackingNumber=1')).toBeUndefined();
    expect(endpointFor('https://webtrack.ontrac.com/PackageServices/tracking/')).toBeUndefined();
  });

  it('takes the numbers from the request: FedEx’s body (either spelling), the URL for DHL and OnTrac', () => {
    expect(
      askedNumbers({ url: FEDEX_URL, requestBody: fedexRequest([FEDEX, '122816215025810']), body: '' }),
    ).toEqual([FEDEX, '122816215025810']);
    expect(
      askedNumbers({ url: FEDEX_URL, requestBody: fedexRequest([FEDEX], 'trackingNumberInfo'), body: '' }),
    ).toEqual([FEDEX]);
    expect(askedNumbers({ url: FEDEX_URL, requestBody: 'nope', body: '' })).toEqual([]);
    expect(askedNumbers({ url: UTAPI_URL, body: '' })).toEqual([DHL_EXPRESS]);
    expect(
      askedNumbers({
        url: `${PAKET_URL.replace(DHL_PAKET, `${DHL_PAKET},JJD000390007881234567`)}`,
        body: '',
      }),
    ).toEqual([DHL_PAKET, 'JJD000390007881234567']);
    expect(askedNumbers({ url: ONTRAC_URL, body: '' })).toEqual([ONTRAC]);
  });
});

describe('FedEx track/v2/shipments reader', () => {
  it('reads status, forecast, exact times with their offsets and the whole history', () => {
    const [detection] = detectionsFromCapture(
      capture(FEDEX_URL, fixture('fedex-web/shipments-in-transit.json'), fedexRequest([FEDEX])),
      `https://www.fedex.com/fedextrack/?trknbr=${FEDEX}`,
      NOW,
      identifyTrackingNumber,
    );
    expect(detection).toMatchObject({
      number: FEDEX,
      carrier: 'fedex',
      status: 'in_transit',
      statusText: 'On the way',
      statusAt: Date.parse('2025-03-09T21:14:00-05:00'),
      eta: { start: '2025-03-12' },
      source: { kind: 'carrier', seenAt: NOW },
    });
    expect(detection?.events).toEqual([
      {
        at: Date.parse('2025-03-09T21:14:00-05:00'),
        status: 'in_transit',
        description: 'Departed FedEx hub',
        location: 'MEMPHIS, TN',
      },
      {
        at: Date.parse('2025-03-08T16:02:00-06:00'),
        status: 'in_transit',
        description: 'Picked up: Tendered at FedEx location',
        location: 'DALLAS, TX',
      },
    ]);
  });

  it('says not found on FedEx’s own code only; other errors and other numbers are unreadable', () => {
    expect(readFedexShipments(fixture('fedex-web/shipments-not-found.json'), FEDEX, NOW)).toEqual({
      kind: 'not_found',
      number: FEDEX,
    });
    const withError = JSON.parse(
      body(fixture('fedex-web/shipments-not-found.json')).replace(
        'TRACKING.TRACKINGNUMBER.NOTFOUND',
        'SYSTEM.UNAVAILABLE',
      ),
    );
    expect(readFedexShipments(withError, FEDEX, NOW).kind).toBe('unreadable');
    expect(
      readFedexShipments(fixture('fedex-web/shipments-in-transit.json'), '122816215025810', NOW),
    ).toMatchObject({
      kind: 'unreadable',
      reason: 'answer for another number',
    });
    // Two packages under the asked number (duplicated qualifiers) are refused rather than picked from.
    const twice = fixture('fedex-web/shipments-in-transit.json') as { output: { packages: unknown[] } };
    twice.output.packages.push(twice.output.packages[0]);
    expect(readFedexShipments(twice, FEDEX, NOW).kind).toBe('unreadable');
  });

  it('makes a package delivered only on FedEx’s DL code or delivered flag', () => {
    const said = JSON.parse(body(fixture('fedex-web/shipments-in-transit.json')).replace('"IT"', '"DL"'));
    const reading = readFedexShipments(said, FEDEX, NOW);
    expect(reading.kind === 'found' && reading.facts.status).toBe('delivered');
    expect(reading.kind === 'found' && reading.facts.eta).toBeUndefined();
  });
});

describe('DHL utapi reader (dhl.com)', () => {
  it('reads the unified shape into a DHL detection', () => {
    const [detection] = detectionsFromCapture(
      capture(UTAPI_URL, fixture('dhl-web/utapi-transit.json')),
      `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${DHL_EXPRESS}`,
      NOW,
      identifyTrackingNumber,
    );
    expect(detection).toMatchObject({
      number: DHL_EXPRESS,
      carrier: 'dhl',
      status: 'out_for_delivery',
      statusAt: Date.parse('2025-03-10T07:41:00Z'),
      eta: { start: '2025-03-10' },
    });
    expect(detection?.events).toHaveLength(2);
  });

  it('refuses an answer under another id (DHL may answer with a confirmation id instead of the number)', () => {
    const other = JSON.parse(
      body(fixture('dhl-web/utapi-transit.json')).replace(`"${DHL_EXPRESS}"`, '"7777777770"'),
    );
    expect(readDhlUtapi(other, DHL_EXPRESS, NOW)).toMatchObject({ kind: 'unreadable' });
    expect(readDhlUtapi({ shipments: 'x' }, DHL_EXPRESS, NOW).kind).toBe('unreadable');
  });
});

describe('DHL Paket search and OnTrac captures', () => {
  it('turns dhl.de’s own answer into a detection with its history', () => {
    const detections = detectionsFromCapture(
      capture(PAKET_URL, fixture('dhlpaket-web/search-in-transit.json')),
      `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${DHL_PAKET}`,
      NOW,
      identifyTrackingNumber,
    );
    expect(detections).toMatchObject([{ number: DHL_PAKET, carrier: 'dhl', status: 'out_for_delivery' }]);
    expect(detections[0]?.events).toHaveLength(3);
  });

  it('keeps the carrier the tracking engine gives: LaserShip numbers on OnTrac’s endpoint stay LaserShip', () => {
    const laser = '1LS717000041785';
    const answer = JSON.parse(
      body(fixture('ontrac-web/tracking-out-for-delivery.json')).replace(ONTRAC, laser),
    );
    const [detection] = detectionsFromCapture(
      capture(ONTRAC_URL.replace(ONTRAC, laser), answer),
      `https://www.ontrac.com/tracking/?number=${laser}`,
      NOW,
      identifyTrackingNumber,
    );
    expect(detection).toMatchObject({ number: laser, carrier: 'lasership', status: 'out_for_delivery' });
  });

  it('drops a number of another carrier asked on an endpoint, and an answer that is not JSON', () => {
    // A UPS number asked on OnTrac's endpoint is not OnTrac's to answer for.
    const ups = '1Z999AA10123456784';
    const answer = JSON.parse(
      body(fixture('ontrac-web/tracking-out-for-delivery.json')).replace(ONTRAC, ups),
    );
    expect(
      detectionsFromCapture(
        capture(ONTRAC_URL.replace(ONTRAC, ups), answer),
        'https://www.ontrac.com/',
        NOW,
        identifyTrackingNumber,
      ),
    ).toEqual([]);
    expect(
      detectionsFromCapture(
        { url: PAKET_URL, body: '<html>' },
        'https://www.dhl.de/',
        NOW,
        identifyTrackingNumber,
      ),
    ).toEqual([]);
    // "Not found" from the page is never stored as a detection.
    expect(
      detectionsFromCapture(
        capture(PAKET_URL, fixture('dhlpaket-web/search-not-found.json')),
        'https://www.dhl.de/',
        NOW,
        identifyTrackingNumber,
      ),
    ).toEqual([]);
  });
});
