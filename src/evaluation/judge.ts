import { latestOperation, type Knowledge, type Operation } from '../knowledge/knowledge.js';
import { formatDate, groupThousands, MONTH_NAMES } from '../knowledge/format.js';
import type { Figure } from '../knowledge/schema.js';
import { ENGLISH, localeOf, SENTENCES, sentenceIn, type SentenceKey } from '../knowledge/languages.js';
import { commonFields, dateIn, datesIn, fillIn } from '../reply/locale.js';
import { contactFields, currentFooter, DANGER_FIRST_LINE } from '../reply/compose.js';
import { evaluateArithmetic, namesIn } from './arithmetic.js';

/** What a right reply must hold, stated by data field rather than by today's figures. */
export interface Expectations {
  /** `essex.arrests`, `region.cash`: the reply contains that published figure. */
  fields: string[];
  /** Arithmetic on fields (`100 * essex.arrests / region.arrests`): the reply contains the result. */
  computed: string[];
  /** Each string: alternatives separated by " | "; one must appear (case-insensitive). */
  says: string[];
  /** Fact keys (`reporting`): the reply contains the fact's text or most of its key words. */
  facts: string[];
  /** The reply plainly says something was not published. */
  notPublished: boolean;
  /** The reply opens with the 999 line. */
  danger: boolean;
  /** The reply must not open with the 999 line: the message looks like danger but is not (a past story, a figure of speech). */
  noDanger: boolean;
  /** The message's language (a code of data/lang/): a reply to it holds a sentence in that language, where the file has one. */
  language?: string;
  /** Contact ids, with " | " alternatives: the reply gives that contact's number or name. */
  services: string[];
  /** The reply uses the young-person tone (measured only once replies say which tone they use). */
  youngTone: boolean;
}

/** Figures that must not be in the reply. */
export interface Forbidden {
  fields: string[];
}

/**
 * Plain ways a reply says a figure was not published. One list, so the evaluation and its tests agree.
 * Add a phrase here when replies gain a new plain way of saying it.
 */
export const NOT_PUBLISHED_PHRASES = [
  'not published',
  "wasn't published",
  "weren't published",
  'not been published',
  'not yet published',
  "doesn't give",
  'does not give',
  "didn't give",
  'did not give',
  'not given',
  "doesn't say",
  'does not say',
  "didn't say",
  'did not say',
  'no figures',
  'no figure',
  'not broken down',
  'not by town',
  "don't have figures",
  'do not have figures',
  "doesn't name",
  'does not name',
] as const;

/** A contact as the evaluation needs it: something the reply can name it by. */
export interface ContactRef {
  name: string;
  number?: string;
}

/**
 * Contacts the evaluation recognises until the data has its own contacts file.
 * Numbers here are only for recognising a reply; replies take theirs from the data.
 */
export const KNOWN_CONTACTS: Readonly<Record<string, ContactRef>> = {
  emergency: { name: 'emergency services', number: '999' },
  police: { name: 'police non-emergency', number: '101' },
  crimestoppers: { name: 'Crimestoppers', number: '0800 555 111' },
  safecall: { name: 'SafeCall', number: '116 000' },
  childline: { name: 'Childline', number: '0800 1111' },
  nspcc: { name: 'NSPCC', number: '0808 800 5000' },
  fearless: { name: 'Fearless' },
};
const CONTACT_ALIASES: Readonly<Record<string, string>> = { '999': 'emergency', '101': 'police' };

/** The contacts known to this knowledge: its own contacts file when it has one, else {@link KNOWN_CONTACTS}. */
export function contactsOf(knowledge: Knowledge): ReadonlyMap<string, ContactRef> {
  const own = (knowledge as { contacts?: ReadonlyMap<string, ContactRef> }).contacts;
  const merged = new Map(Object.entries(KNOWN_CONTACTS));
  if (own) for (const [id, c] of own) merged.set(id, { name: c.name, number: c.number ?? undefined });
  return merged;
}

/** The text of a fact, from the latest week (a week's own facts win) or facts shared across weeks. */
export function factText(knowledge: Knowledge, key: string): string | undefined {
  const op = latestOperation(knowledge);
  if (op.facts[key]) return op.facts[key];
  const k = knowledge as { sharedFacts?: Readonly<Record<string, string>> | ReadonlyMap<string, string>; shared?: { facts?: Readonly<Record<string, string>> } };
  const shared = k.sharedFacts ?? k.shared?.facts;
  if (shared instanceof Map) return shared.get(key);
  return (shared as Readonly<Record<string, string>> | undefined)?.[key];
}

/** A published figure by field name (`essex.arrests`, `region.cash`) in the latest week; undefined if not published. */
export function figureOf(knowledge: Knowledge, field: string, op: Operation = latestOperation(knowledge)): Figure | undefined {
  const [where, metric, extra] = field.split('.');
  if (!where || !metric || extra !== undefined) return undefined;
  return where === 'region' ? op.region[metric] : op.counties[where]?.[metric];
}

/** Every field of a week that has a published figure. */
export function publishedFields(op: Operation): string[] {
  return [
    ...Object.keys(op.region).map((m) => `region.${m}`),
    ...Object.entries(op.counties).flatMap(([place, figures]) => Object.keys(figures).map((m) => `${place}.${m}`)),
  ];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a number appears in the text as a whole number: 44 is found in "44 arrests" and "£44",
 * not in "144", "44,000", "4.44" or "0800 555 111".
 */
export function appearsAsNumber(text: string, value: number): boolean {
  const forms = new Set([groupThousands(value), String(value)]);
  return [...forms].some((form) => new RegExp(`(?<![\\d])(?<!\\d[.,])${escapeRegExp(form)}(?!\\d)(?![.,]\\d)`).test(text));
}

const MONTH = `(?:${MONTH_NAMES.join('|')})`;
/** `6 May`, `Friday 10 May 2030`, `March 2022`: dates are not figures. */
const DATE = new RegExp(`(?<!\\d)(?:\\d{1,2}(?:st|nd|rd|th)? ${MONTH}(?: \\d{4})?|${MONTH} \\d{4})(?!\\d)`, 'gi');

/** The reply without the contact footer, contact numbers and dates: those are not figures. */
export function withoutContacts(text: string, contacts: ReadonlyMap<string, ContactRef>): string {
  let body = text.replace(currentFooter().text, ' ').replace(DATE, ' ');
  for (const c of contacts.values()) {
    if (c.number) body = body.replace(new RegExp(`(?<![\\d])${escapeRegExp(c.number)}(?!\\d)`, 'g'), ' ');
  }
  return body;
}

/** Published figures of a week (the latest unless given) that appear in the reply. */
export function figuresIn(text: string, knowledge: Knowledge, op: Operation = latestOperation(knowledge)): string[] {
  const body = withoutContacts(text, contactsOf(knowledge));
  return publishedFields(op).filter((f) => appearsAsNumber(body, figureOf(knowledge, f, op)!.value));
}

const alternatives = (s: string) => s.split(' | ').map((a) => a.trim()).filter(Boolean);
const squash = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
const STOP_WORDS = new Set(['about', 'after', 'their', 'there', 'these', 'those', 'which', 'where', 'while', 'would', 'could', 'should', 'other', 'being', 'using']);

/** A fact is in the reply when its whole text is, or at least two thirds of its key words are. */
export function containsFact(reply: string, fact: string): boolean {
  const text = squash(reply);
  if (text.includes(squash(fact).trim())) return true;
  const words = [...new Set(squash(fact).match(/[a-z']{5,}/g) ?? [])].filter((w) => !STOP_WORDS.has(w));
  if (words.length === 0) return false;
  return words.filter((w) => text.includes(w)).length >= Math.ceil((words.length * 2) / 3);
}

/** Whether the reply contains the result of a computed value, rounded to a whole number or to one decimal place. */
export function containsComputed(reply: string, value: number): boolean {
  const candidates = new Set([Math.round(value), Number(value.toFixed(1))]);
  return [...candidates].some((v) => appearsAsNumber(reply, v));
}

/** Digits of any script as 0-9, and a number's groups joined (`150 000`, `১,৫০,০০০` → `150000`): how a figure is looked for in another language. */
export function asWrittenInEnglish(text: string): string {
  const ascii = text.replace(/\p{Nd}/gu, (d) => String(Number.parseInt(d, 10) || digitValue(d)));
  return ascii.replace(/(?<=\d)[\u00a0\u202f .,](?=\d{2,3}(?!\d))/g, '');
}

/** A digit's value in any script: each script's digits run 0 to 9 in one block of Unicode. */
function digitValue(d: string): number {
  const code = d.codePointAt(0)!;
  for (let zero = code; zero > code - 10; zero--) if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) return code - zero;
  return 0;
}

/** The reply without the week's dates as the language writes them: dates are not figures. */
function withoutLocaleDates(text: string, knowledge: Knowledge, code: string, week: Operation): string {
  const lang = knowledge.languages.get(code);
  if (!lang) return text;
  const locale = localeOf(lang);
  return [datesIn(locale, week.start, week.end), dateIn(locale, week.published)].reduce((t, d) => t.split(d).join(' '), text);
}

/** The fixed words of a sentence: its longest stretch between fields. */
const fixedPart = (sentence: string) => sentence.split(/\{[^{}]*\}/).map((p) => p.trim()).sort((a, b) => b.length - a.length)[0] ?? '';

/** Whether a reply in a language says something was not published, in one of that language's sentences for it. */
export function saysNotPublishedIn(reply: string, knowledge: Knowledge, code: string): boolean {
  const lang = knowledge.languages.get(code);
  const keys = ['not_published', 'not_published_region', 'not_published_short', 'ranking_none', 'outside_region', 'facet_not_given', 'facet_not_published', 'other_time', 'town_in_county'] as const;
  return keys.some((k) => {
    const part = lang?.sentences[k] && fixedPart(lang.sentences[k]);
    return part !== undefined && part.length >= 6 && reply.includes(part);
  });
}

/** Whether a reply in a language gives a topic's answer in that language, for a topic whose English gives the fact. */
export function saysTopicWithFact(reply: string, knowledge: Knowledge, code: string, fact: string, topicsOfFact: (fact: string) => readonly string[]): boolean {
  const lang = knowledge.languages.get(code);
  if (!lang) return false;
  const fields = commonFields({ language: lang, english: lang, knowledge }, latestOperation(knowledge));
  return topicsOfFact(fact).some((id) => {
    const text = lang.topics[id];
    return text !== undefined && reply.includes(fillIn(text, fields).split('\n')[0]!);
  });
}

/** Whether the reply plainly says something was not published. */
export function saysNotPublished(reply: string): boolean {
  const text = squash(reply);
  return NOT_PUBLISHED_PHRASES.some((p) => text.includes(p));
}

/**
 * A case's words with the week's dates filled in, so a new week changes no case: {start}, {end} and
 * {published} as "7 March", {month} as "March" (the start's), {year} as "2022".
 */
export function weekWords(text: string, week: Operation): string {
  const dayMonth = (iso: string) => formatDate(iso, false).replace(/ \d{4}$/, '');
  const fields: Record<string, string> = {
    start: dayMonth(week.start),
    end: dayMonth(week.end),
    published: dayMonth(week.published),
    month: formatDate(week.start, false).split(' ')[1]!,
    year: week.start.slice(0, 4),
  };
  return text.replace(/\{(start|end|published|month|year)\}/g, (_, k: string) => fields[k]!);
}

/** The field name in plain words for a failure note: "Essex arrests (44)". */
function describeField(knowledge: Knowledge, field: string, week?: Operation): string {
  const [where = '', metric = ''] = field.split('.');
  const place = where === 'region' ? 'region-wide' : (knowledge.places.get(where)?.name ?? where);
  const label = knowledge.metrics.get(metric)?.label ?? metric;
  const figure = figureOf(knowledge, field, week);
  return `${place} ${label}${figure ? ` (${groupThousands(figure.value)})` : ''}`;
}

/** Whether a reply holds one of a language's sentences, as the bot fills them (any one will do). */
export function inLanguage(reply: string, knowledge: Knowledge, code: string): boolean {
  const fields = contactFields(knowledge.contacts);
  // A language that answers in its own words: a part said in English after its note is not in the language.
  const lang = knowledge.languages.get(code);
  if (lang && Object.keys(lang.topics).length > 0) {
    const english = (['english_part', 'english_only'] as const).map((k) => lang.sentences[k] && fillIn(lang.sentences[k], fields));
    if (english.some((e) => e && reply.includes(e))) return false;
  }
  return (Object.keys(SENTENCES) as SentenceKey[]).some((key) => {
    const sentence = sentenceIn(knowledge.languages, code, key, fields);
    return sentence !== undefined && reply.includes(sentence);
  });
}

/** One reply checked against what the case expects; returns plain-words notes on what is wrong (none: right). */
export function judgeReply(
  reply: string,
  c: { scope: 'in' | 'out' | 'any'; expect: Expectations; forbid: Forbidden },
  knowledge: Knowledge,
  /** The week the reply answered from (the one the question named); the latest when not given. */
  week: Operation = latestOperation(knowledge),
  /** The topics (intent ids) whose English answer gives a fact: a reply in another language gives it in that topic's words. */
  topicsOfFact: (fact: string) => readonly string[] = () => [],
): string[] {
  const notes: string[] = [];
  const contacts = contactsOf(knowledge);
  const lang = c.expect.language && c.expect.language !== ENGLISH ? knowledge.languages.get(c.expect.language) : undefined;
  // Figures are looked for as any language writes them (150.000, ১৫০০০০), without the week's dates in the message's language.
  const body = asWrittenInEnglish(lang ? withoutLocaleDates(withoutContacts(reply, contacts), knowledge, lang.code, week) : withoutContacts(reply, contacts));
  const lower = squash(reply);
  const e = c.expect;
  const value = (field: string) => figureOf(knowledge, field, week)?.value;

  // A figure the week answered does not publish (a newer week that leaves a county out): the reply must say so plainly.
  const unpublished = (field: string) => {
    if (!saysNotPublished(reply) && !(lang && saysNotPublishedIn(reply, knowledge, lang.code))) notes.push(`does not say plainly that ${describeField(knowledge, field, week)} was not published for the week of ${formatDate(week.start, false)}`);
  };
  for (const field of e.fields) {
    const figure = value(field);
    if (figure === undefined) {
      if (!knowledge.operations.some((op) => figureOf(knowledge, field, op))) notes.push(`the case asks for ${field}, which the data does not publish`);
      else unpublished(field);
    } else if (!appearsAsNumber(body, figure)) notes.push(`lacks the ${describeField(knowledge, field, week)}`);
  }
  for (const expression of e.computed) {
    const missing = namesIn(expression).find((f) => value(f) === undefined && knowledge.operations.some((op) => figureOf(knowledge, f, op)));
    if (missing) {
      unpublished(missing);
      continue;
    }
    try {
      const result = evaluateArithmetic(expression, value);
      if (!containsComputed(body, result)) notes.push(`lacks ${expression} (${Number(result.toFixed(1))})`);
    } catch (error) {
      notes.push(`the case's computed value cannot be worked out: ${(error as Error).message}`);
    }
  }
  const ascii = squash(asWrittenInEnglish(reply));
  for (const say of e.says) {
    const wanted = weekWords(say, week);
    // Digits as any language writes them: "২০২২" says 2022.
    if (!alternatives(wanted).some((a) => lower.includes(squash(a)) || ascii.includes(squash(a)))) notes.push(`does not say "${wanted}"`);
  }
  for (const key of e.facts) {
    const fact = factText(knowledge, key);
    if (fact === undefined) notes.push(`the case asks for the fact "${key}", which the data does not have`);
    else if (!containsFact(reply, fact) && !(lang && saysTopicWithFact(reply, knowledge, lang.code, key, topicsOfFact))) notes.push(`lacks the fact "${key}"`);
  }
  if (e.notPublished && !saysNotPublished(reply) && !(lang && saysNotPublishedIn(reply, knowledge, lang.code))) notes.push('does not say plainly that the figure was not published');
  if (e.danger && !reply.trimStart().startsWith(DANGER_FIRST_LINE)) notes.push('does not open with the 999 line');
  if (e.noDanger && reply.trimStart().startsWith(DANGER_FIRST_LINE)) notes.push('opens with the 999 line, but no one is in danger now');
  if (e.language && e.language !== ENGLISH && !inLanguage(reply, knowledge, e.language)) notes.push(`has no sentence in the message's language (${e.language})`);
  for (const service of e.services) {
    const ids = alternatives(service).map((id) => CONTACT_ALIASES[id] ?? id);
    const found = ids.some((id) => {
      const contact = contacts.get(id);
      return contact && (lower.includes(squash(contact.name)) || (contact.number !== undefined && reply.includes(contact.number)));
    });
    if (!found) notes.push(`does not give ${service}`);
  }
  for (const field of c.forbid.fields) {
    const figure = value(field);
    if (figure !== undefined && appearsAsNumber(body, figure)) notes.push(`gives the ${describeField(knowledge, field, week)}, which it should not`);
  }
  if (c.scope === 'out') {
    const shown = figuresIn(reply, knowledge, week);
    if (shown.length > 0) notes.push(`gives figures to a question it should turn down: ${shown.map((f) => describeField(knowledge, f, week)).join(', ')}`);
  }
  return notes;
}
