import { REQUIRED_CONTACTS, type RequiredContact } from '../knowledge/knowledge.js';
import type { Contact } from '../knowledge/schema.js';

/** The contact lines every reply ends with, built from data/contacts.yaml. */
export interface Footer {
  /** One line each: 999, then 101, then Crimestoppers. */
  readonly lines: readonly string[];
  /** The lines as they are appended to every reply. */
  readonly text: string;
  /** The numbers on one line, for places too small for the footer (button pop-ups, the bot's profile). */
  readonly line: string;
  /** The numbers a reply must carry. */
  readonly numbers: readonly string[];
}

type FooterContacts = ReadonlyMap<string, Pick<Contact, 'name' | 'number'>>;

/**
 * Used only until data/contacts.yaml has loaded once (an error at start-up): the same entries as
 * that file, so that even then every reply carries 999, 101 and Crimestoppers. A test keeps them in step.
 */
export const BUILT_IN_CONTACTS: FooterContacts = new Map([
  ['emergency', { name: 'Emergency services', number: REQUIRED_CONTACTS.emergency }],
  ['police', { name: 'Police non-emergency number', number: REQUIRED_CONTACTS.police }],
  ['crimestoppers', { name: 'Crimestoppers', number: '0800 555 111' }],
]);

/** Builds the footer from the three required contacts; any that lacks a number comes from the built-in set. */
export function footerFrom(contacts: FooterContacts): Footer {
  const get = (id: RequiredContact) => {
    const c = contacts.get(id);
    return c?.number ? { name: c.name, number: c.number } : { ...BUILT_IN_CONTACTS.get(id)!, number: BUILT_IN_CONTACTS.get(id)!.number! };
  };
  const emergency = get('emergency');
  const police = get('police');
  const crimestoppers = get('crimestoppers');
  const lines = [
    `If anyone is in immediate danger, call ${emergency.number}.`,
    `Non-emergency: call ${police.number}.`,
    `${crimestoppers.name}, anonymously: ${crimestoppers.number}.`,
  ];
  return {
    lines,
    text: lines.join('\n'),
    line: `Emergency ${emergency.number} · Police ${police.number} · ${crimestoppers.name} (anonymous) ${crimestoppers.number}`,
    numbers: [emergency.number, police.number, crimestoppers.number],
  };
}

let inService: Footer = footerFrom(BUILT_IN_CONTACTS);

/**
 * Puts a newly loaded contacts file into service. Called only once the whole set of files has
 * loaded without errors, so a broken edit leaves the last good footer in place.
 */
export function putContactsInService(contacts: FooterContacts): void {
  inService = footerFrom(contacts);
}

/** The footer in service now: from the last contacts file that loaded, or the built-in one before any did. */
export function currentFooter(): Footer {
  return inService;
}

/** A short notice for a button pop-up, which Telegram limits to 200 characters: the text and the contact line. */
export function composeNotice(text: string): string {
  return `${text.trim()} ${inService.line}`;
}

/** The contact numbers a sentence may name: {emergency}, {police}, {crimestoppers}, from the footer in service. */
export function contactFields(contacts?: ReadonlyMap<string, Pick<Contact, 'number'>>): Record<string, string> {
  const [emergency, police, crimestoppers] = inService.numbers;
  const number = (id: string, fallback: string) => contacts?.get(id)?.number ?? fallback;
  return { emergency: number('emergency', emergency!), police: number('police', police!), crimestoppers: number('crimestoppers', crimestoppers!) };
}

/** The text the footer opens with when rendered, so layers above can find it. */
export const FOOTER_SEPARATOR = '\n\n';

/** First line of every reply to someone in danger: 999 comes before anything else. */
export const DANGER_FIRST_LINE = `Call ${REQUIRED_CONTACTS.emergency} now if you or anyone else is in danger.`;

declare const composed: unique symbol;
/** A reply's text with the footer on it. Only {@link composeReply} can make one. */
export type ReplyText = string & { readonly [composed]: true };

/** How a reply in another language is composed: its own 999 lines and footer (src/reply/locale.ts). */
export interface ComposeOptions {
  danger?: boolean;
  /** The lines a reply to someone in danger opens with, the first naming 999; English's when left out. */
  dangerLines?: readonly string[];
  /** The footer in the reply's language; used only when it carries every number of the footer in service. */
  footer?: string;
}

/**
 * Builds the text of every reply the bot sends: the body, then the contact footer.
 * In danger, 999 comes first. An empty body still gets the footer.
 */
export function composeReply(body: string, options: ComposeOptions = {}): ReplyText {
  const parts: string[] = [];
  const trimmed = body.trim();
  const first = options.dangerLines ?? [DANGER_FIRST_LINE];
  if (options.danger && !trimmed.startsWith(first[0]!)) parts.push(first.join('\n'));
  if (trimmed) parts.push(trimmed);
  // A footer in another language must carry every number the footer in service does; else the one in service is used.
  parts.push(options.footer && inService.numbers.every((n) => options.footer!.includes(n)) ? options.footer : inService.text);
  return parts.join(FOOTER_SEPARATOR) as ReplyText;
}

/** Whether a text carries the contact numbers every reply must have. */
export function hasFooter(text: string): boolean {
  return inService.numbers.every((n) => text.includes(n));
}
