import type { Knowledge } from '../knowledge/knowledge.js';
import { REQUIRED_CONTACTS } from '../knowledge/knowledge.js';
import type { Contact } from '../knowledge/schema.js';
import { say } from './plan.js';

/** The words a message may name a service by: its id, its name run together, and its name's first word ("nspcc"). */
export function serviceWords(id: string, contact: Pick<Contact, 'name'>): string[] {
  const name = contact.name.toLowerCase();
  return [...new Set([id.toLowerCase(), name.replace(/[^a-z0-9]/g, ''), name.split(/\s+/)[0]!.replace(/[^a-z0-9]/g, '')])].filter((w) => w.length >= 4);
}

/** The services a reply may add, with the words each is named by; worked out once per set of contacts. */
const namingWords = new WeakMap<ReadonlyMap<string, Contact>, { id: string; contact: Contact; words: string[] }[]>();
function servicesOf(contacts: ReadonlyMap<string, Contact>) {
  let list = namingWords.get(contacts);
  if (!list) {
    list = [...contacts].filter(([id]) => !Object.hasOwn(REQUIRED_CONTACTS, id)).map(([id, contact]) => ({ id, contact, words: serviceWords(id, contact) }));
    namingWords.set(contacts, list);
  }
  return list;
}

/**
 * A service the message names ("is fearless legit?") that the reply leaves out gets a line of its own, so
 * someone who asks about SafeCall, Childline, the NSPCC or Fearless always learns how to reach it. The
 * footer's services (999, 101, Crimestoppers) are in every reply already.
 */
export function namedServiceLines(tokens: readonly string[], body: string, knowledge: Pick<Knowledge, 'contacts' | 'languages'>): string[] {
  const services = servicesOf(knowledge.contacts);
  // Single words, and two words run together, so "safe call" names SafeCall.
  const said = new Set(tokens);
  for (let i = 1; i < tokens.length; i++) said.add(`${tokens[i - 1]}${tokens[i]}`);
  const named = services.filter((s) => s.words.some((w) => said.has(w)));
  if (named.length === 0) return [];
  const lowerBody = body.toLowerCase();
  const lines: string[] = [];
  for (const { contact } of named) {
    if (lowerBody.includes(contact.name.toLowerCase()) || (contact.number && body.includes(contact.number))) continue;
    const call = contact.number && (contact.text === contact.number ? `call or text ${contact.number}` : `call ${contact.number}`);
    const text = contact.text && contact.text !== contact.number ? `text ${contact.text}` : undefined;
    // A web address only when there is no number to ring: long links are hard to read on a phone.
    const how = [call, text, !call && contact.web].filter(Boolean).join(', ');
    lines.push(say(knowledge, contact.about ? 'service_named' : 'service_named_plain', { name: contact.name, how, about: contact.about ?? '' }));
  }
  return lines;
}
