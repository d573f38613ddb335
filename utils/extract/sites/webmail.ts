import type { ScanContext } from '../page-scan';

/** One opened e-mail in a webmail client, with the context that dates and attributes what it says. */
export interface MailMessage {
  /** The message's container: its identity while the client re-renders around it. */
  container: Element;
  /** The rendered body (what is scanned). */
  body: Element;
  senderName?: string;
  senderAddress?: string;
  subject?: string;
  /** When the message was sent (epoch ms), as the client shows it. */
  date?: number;
}

/** How a webmail client's DOM is read. Selectors churn: each client lists stable hooks first, then fallbacks. */
export interface WebmailClient {
  id: 'gmail' | 'outlook' | 'yahoo';
  hosts: readonly string[];
  /** Matches the container of one opened message. */
  containerSelector: string;
  /** Every opened message under `root`, in document order. */
  findMessages(root: ParentNode, timeZone: string): MailMessage[];
}

export type MailContext = Omit<ScanContext, 'writtenAt'>;

export { textOf } from '../visible-text';

/** "Name <address@host>" or a bare address, as clients print senders. */
export function splitSender(text: string | undefined): { name?: string; address?: string } {
  if (!text) return {};
  const address = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(text)?.[0]?.toLowerCase();
  const name = text
    .replace(/<[^>]*>/g, '')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/, '')
    .replace(/["“”]/g, '')
    .trim();
  return { ...(name && { name: name.slice(0, 120) }), ...(address && { address }) };
}

/** The elements matching a selector under root, including root itself. */
export function selfAndDescendants(root: ParentNode, selector: string): Element[] {
  const found: Element[] = [];
  if ('matches' in root && (root as Element).matches(selector)) found.push(root as Element);
  found.push(...root.querySelectorAll(selector));
  return found;
}
