import { digitAt, s10Span } from '../../tracking/checksums';
import type { Courier } from '../../tracking/types';

/** Two-letter country codes of the UPU member posts (tracking_number_data's S10 courier lookup). */
const S10_COUNTRIES = new Set(
  (
    'AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF ' +
    'CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FR GA GB GD ' +
    'GE GH GM GN GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM ' +
    'KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MK ML MM MN MR MT MU MV MW ' +
    'MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PY QA RO RS RU RW SA SB SC SD ' +
    'SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY ' +
    'UZ VA VC VE VN VU WS YE ZA ZM ZW'
  ).split(' '),
);

/** UPU S10 service indicators (tracking_number_data's service type lookup). */
const S10_SERVICE = /^(?:[EHLMRUVC][A-Z]|Q[A-M]|[BDNPZ][A-Z]|A[V-Z]|G[AD])/;

export const s10: Courier = {
  code: 's10',
  aliases: [
    'royal mail',
    'parcelforce',
    'la poste',
    'colissimo',
    'correos',
    'swiss post',
    'die post',
    'postnl',
    'deutsche post',
    'österreichische post',
    'austrian post',
    'poste italiane',
    'bpost',
    'postnord',
    'posten',
    'australia post',
    'japan post',
    'china post',
    'ems',
    'canada post',
    'usps',
    'an post',
    'ctt',
    'correios',
    'poczta polska',
    'international post',
    'registered mail',
  ],
  hosts: [
    'royalmail.',
    'parcelforce.',
    // Not laposte.net, a webmail.
    'laposte.fr',
    'correos.',
    'post.ch',
    'postnl.',
    'post.at',
    'posteitaliane.',
    'bpost.',
    'postnord.',
    'auspost.',
    'japanpost.',
    'ems.com.cn',
    'deutschepost.',
  ],
  trackingUrl: (n) => {
    const country = n.slice(-2);
    if (country === 'GB') return `https://www.royalmail.com/track-your-item#/tracking-results/${n}`;
    if (country === 'US') return `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`;
    if (country === 'CA')
      return `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${n}`;
    if (country === 'FR') return `https://www.laposte.fr/outils/suivre-vos-envois?code=${n}`;
    if (country === 'DE')
      return `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${n}`;
    return `https://t.17track.net/en#nums=${n}`;
  },
  formats: [
    {
      id: 's10',
      carrier: 's10',
      // S10
      lengths: [13],
      pattern: /^[A-Z]{2}[0-9]{9}[A-Z]{2}$/,
      validate: (n) => S10_SERVICE.test(n) && S10_COUNTRIES.has(n.slice(11)) && s10Span(n, 2, digitAt(n, 10)),
      strength: 'strong',
      checksum: true,
    },
  ],
};
