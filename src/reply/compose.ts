/** The contact lines every reply ends with. The only place these numbers are written for replies. */
export const FOOTER_LINES = [
  'If anyone is in immediate danger, call 999.',
  'Non-emergency: call 101.',
  'Crimestoppers, anonymously: 0800 555 111.',
] as const;

/** The contact numbers on one line, for places too small for the footer (button pop-ups, the bot's profile). */
export const CONTACT_LINE = 'Emergency 999 · Police 101 · Crimestoppers (anonymous) 0800 555 111';

/** A short notice for a button pop-up, which Telegram limits to 200 characters: the text and the contact line. */
export function composeNotice(text: string): string {
  return `${text.trim()} ${CONTACT_LINE}`;
}

/** The footer exactly as it is appended to every reply. */
export const FOOTER = FOOTER_LINES.join('\n');

/** The text the footer opens with when rendered, so layers above can find it. */
export const FOOTER_SEPARATOR = '\n\n';

/** First line of every reply to someone in danger: 999 comes before anything else. */
export const DANGER_FIRST_LINE = 'Call 999 now if you or anyone else is in danger.';

declare const composed: unique symbol;
/** A reply's text with the footer on it. Only {@link composeReply} can make one. */
export type ReplyText = string & { readonly [composed]: true };

/**
 * Builds the text of every reply the bot sends: the body, then the contact footer.
 * In danger, 999 comes first. An empty body still gets the footer.
 */
export function composeReply(body: string, options: { danger?: boolean } = {}): ReplyText {
  const parts: string[] = [];
  const trimmed = body.trim();
  if (options.danger && !trimmed.startsWith(DANGER_FIRST_LINE)) parts.push(DANGER_FIRST_LINE);
  if (trimmed) parts.push(trimmed);
  parts.push(FOOTER);
  return parts.join(FOOTER_SEPARATOR) as ReplyText;
}

/** Whether a text carries the contact numbers every reply must have. */
export function hasFooter(text: string): boolean {
  return text.includes('101') && text.includes('0800 555 111') && text.includes('999');
}
