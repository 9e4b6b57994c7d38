import { composeReply, currentFooter, FOOTER_SEPARATOR, type ReplyText } from '../reply/compose.js';

/** Telegram's limit on one message's text. */
export const MAX_MESSAGE_LENGTH = 4096;

/** Escapes text for Telegram's HTML parse mode. Everything from users or files goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Splits a reply that is too long for one message into several, each within the limit and each
 * ending with the contact footer. Breaks at paragraphs, then lines, then spaces.
 */
export function splitReply(text: ReplyText, limit = MAX_MESSAGE_LENGTH): ReplyText[] {
  if (text.length <= limit) return [text];
  const FOOTER = currentFooter().text;
  const body = text.endsWith(FOOTER) ? text.slice(0, -FOOTER.length).trimEnd() : text;
  const room = limit - FOOTER.length - FOOTER_SEPARATOR.length;
  const chunks: string[] = [];
  let rest = body;
  while (rest.length > room) {
    const window = rest.slice(0, room);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > room / 2 ? cut : room;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks.map((c) => composeReply(c));
}
