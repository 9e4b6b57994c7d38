import { ENGLISH, sentenceIn, type Language } from '../knowledge/languages.js';
import type { Contact } from '../knowledge/schema.js';
import { contactFields, DANGER_FIRST_LINE } from './compose.js';

/** What {@link localise} needs to know of a reply. */
export interface LocaliseOptions {
  /** 999 comes first. */
  danger: boolean;
  /** The bot answered something (not the "I can't help with that" reply). */
  answered: boolean;
  /** The message's language. */
  language: string;
  languages: ReadonlyMap<string, Language>;
  contacts?: ReadonlyMap<string, Pick<Contact, 'number'>>;
}

/**
 * A reply's body for a message in another language. In danger, the 999 line is said in English and then
 * in the message's language, so 999 stays in the first sentence whichever the reader reads. Otherwise a
 * short note in the message's language says the bot answers in English; the answer follows when there
 * is one. A sentence the language's file lacks is left out: the English stays. English is unchanged.
 */
export function localise(body: string, o: LocaliseOptions): string {
  if (o.language === ENGLISH) return body;
  const fields = contactFields(o.contacts);
  const say = (key: Parameters<typeof sentenceIn>[2]) => sentenceIn(o.languages, o.language, key, fields);
  if (o.danger) {
    const translated = [say('danger_first'), say('danger_next')].filter(Boolean).join(' ');
    if (!translated) return body;
    const rest = body.trimStart().startsWith(DANGER_FIRST_LINE) ? body.trimStart().slice(DANGER_FIRST_LINE.length).trim() : body.trim();
    return [`${DANGER_FIRST_LINE}\n${translated}`, rest].filter(Boolean).join('\n\n');
  }
  const note = say('english_only');
  if (!note) return body;
  return o.answered ? `${note}\n\n${body}` : note;
}
