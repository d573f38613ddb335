import type { Found, ScanContext } from '../page-scan';
import { collectVisibleText } from '../visible-text';
import { extractAmazonEmail, isAmazonMail } from './amazon-email';
import { extractShippingEmail, isShippingMail } from './shipping-email';
import type { MailMessage } from './webmail';

export interface MailScan {
  found: Found[];
  /** A shipping e-mail (automatic in "auto" mode); other mails with a number only get "Track" chips. */
  shipping: boolean;
  /** Characters read, for the scan statistics. */
  chars: number;
}

/**
 * Reads one opened e-mail: Amazon's own format when Amazon sent it, any shop's or carrier's otherwise. `collected`
 * is a slice of a mail too long to read in one task (webmail-sites.ts); by default the whole body.
 */
export function extractMailMessage(
  message: MailMessage,
  context: ScanContext,
  collected = collectVisibleText(message.body, { trackNodes: true }),
): MailScan {
  const amazon = isAmazonMail(message, collected.text);
  let found = amazon ? extractAmazonEmail(message, context, collected) : [];
  if (found.length === 0) found = extractShippingEmail(message, context, collected);
  return { found, shipping: amazon || isShippingMail(message, collected.text), chars: collected.text.length };
}
