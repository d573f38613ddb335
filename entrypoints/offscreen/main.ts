import { browser } from 'wxt/browser';
import { answerTrackPageRequest } from '@/utils/offscreen/track-page-server';
import { documentTrackPageParser } from '@/utils/providers/amazon-page';

// Wiring only: Chrome's offscreen document, opened by the service worker (utils/offscreen/track-page-client.ts) to
// parse fetched Amazon track pages with the DOMParser the worker lacks. DOMParser documents are inert: the page's
// scripts do not run and nothing it references is loaded.
const parseTrackPage = documentTrackPageParser((html) => new DOMParser().parseFromString(html, 'text/html'));

browser.runtime.onMessage.addListener((message, sender) =>
  sender.id === browser.runtime.id ? answerTrackPageRequest(message, parseTrackPage) : undefined,
);
