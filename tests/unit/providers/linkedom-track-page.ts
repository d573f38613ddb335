import { parseHTML } from 'linkedom';
import { documentTrackPageParser } from '../../../utils/providers/amazon-page';

/** The Amazon track-page parser on a linkedom DOM: Node has no DOMParser (the extension uses the browser's). */
export const parseTrackPageWithLinkedom = documentTrackPageParser((html) => parseHTML(html).document);
