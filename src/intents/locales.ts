import type { Problem } from '../files/problem.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { answersIn, ENGLISH, localeOf, pluralFormsOf, SENTENCES, type SentenceKey } from '../knowledge/languages.js';
import type { Intent } from './load.js';

const FIELD = /\{([^{}]*)\}/g;
/** A digit in any script: 7, ٧, ৭. Numbers come from data/contacts.yaml and figures from data/operations/. */
const DIGIT = /\p{Nd}/u;
/** A few numbers each plural form is used for, said in the message that names a missing one. */
const EXAMPLES = [0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 1.5, 1_000_000];

/** The /start buttons (the intents they open) and the commands a language's `menu:` translates: src/engine/commands.ts. */
export interface LocaleMenu {
  topics: readonly string[];
  commands: readonly string[];
}

const fieldsOf = (text: string) => new Set([...text.matchAll(FIELD)].map((m) => m[1]!));

/** The fields a text answer may name in any language: the week's dates and each contact's number, name and web address. */
export function topicFields(knowledge: Pick<Knowledge, 'contacts'>): Set<string> {
  return new Set(['dates', 'published', ...[...knowledge.contacts.keys()].flatMap((id) => [id, `${id}.name`, `${id}.web`])]);
}

/** The intents a language answers in words: those with a text answer (the figures are said from `figures:`). */
export function textTopics(intents: readonly Intent[]): string[] {
  return intents.filter((i) => i.answer.text !== undefined && !i.metric).map((i) => i.id);
}

/**
 * Checks each language that answers in its own words against English, for `npm run check` and live reload:
 * each sentence has English's fields and no typed number; each figure has every plural form its language has,
 * each with {count}; each text answer names only fields the bot fills. What a file lacks is a warning: that
 * sentence, figure or answer is said in English until it is translated.
 */
export function localeProblems(knowledge: Pick<Knowledge, 'languages' | 'metrics' | 'contacts'>, intents: readonly Intent[], menu: LocaleMenu = { topics: [], commands: [] }): Problem[] {
  const english = knowledge.languages.get(ENGLISH);
  if (!english) return [];
  const problems: Problem[] = [];
  const allowedInTopics = topicFields(knowledge);
  const topics = textTopics(intents);
  for (const lang of knowledge.languages.values()) {
    if (lang.code === ENGLISH || !answersIn(lang)) continue;
    const error = (field: string, message: string) => problems.push({ file: lang.file, field, message, severity: 'error' });
    const warn = (field: string, message: string) => problems.push({ file: lang.file, field, message, severity: 'warning' });
    const typed = (field: string, text: string) => DIGIT.test(text.replace(FIELD, '')) && error(field, 'has a number typed in it. Write the {field} the English has: numbers come from data/contacts.yaml, figures from data/operations/.');

    for (const key of Object.keys(SENTENCES) as SentenceKey[]) {
      const own = lang.sentences[key];
      const reference = english.sentences[key];
      if (own === undefined) {
        if (reference !== undefined) warn(`sentences.${key}`, `is missing, so the bot says it in English: "${reference}". Add it in ${lang.language}.`);
        continue;
      }
      typed(`sentences.${key}`, own);
      if (reference === undefined) continue;
      const want = fieldsOf(reference);
      const have = fieldsOf(own);
      const extra = [...have].filter((f) => !want.has(f));
      const lacking = [...want].filter((f) => !have.has(f));
      if (extra.length > 0) error(`sentences.${key}`, `names ${extra.map((f) => `{${f}}`).join(', ')}, which the English does not: the bot has no value for it here. The English is "${reference}".`);
      if (lacking.length > 0) error(`sentences.${key}`, `leaves out ${lacking.map((f) => `{${f}}`).join(', ')}, which the English has: "${reference}".`);
    }

    const forms = pluralFormsOf(localeOf(lang));
    const rules = new Intl.PluralRules(localeOf(lang));
    for (const metric of knowledge.metrics.keys()) {
      const entry = lang.figures[metric];
      if (!entry) {
        warn(`figures.${metric}`, `is missing, so this figure is said in English. Add its label and its plural forms (${forms.join(', ')}).`);
        continue;
      }
      for (const form of forms) {
        const phrase = entry[form];
        if (phrase === undefined) {
          const used = EXAMPLES.filter((n) => rules.select(n) === form);
          error(`figures.${metric}.${form}`, `is missing: ${lang.language} uses this form for ${used.length > 0 ? used.join(', ') : 'some numbers'}. Write the phrase with {count}.`);
          continue;
        }
        typed(`figures.${metric}.${form}`, phrase);
        const fields = [...fieldsOf(phrase)];
        if (!fields.includes('count') || fields.some((f) => f !== 'count')) error(`figures.${metric}.${form}`, 'must name {count}, the number, and no other field.');
      }
      typed(`figures.${metric}.label`, entry.label);
      if (fieldsOf(entry.label).size > 0) error(`figures.${metric}.label`, 'is what the figure is called, with no {field}.');
    }

    for (const [id, text] of Object.entries(lang.topics)) {
      if (!topics.includes(id)) {
        error(`topics.${id}`, `is not a topic with a text answer. Topics are the ids of intents/*.yaml that answer in words: ${topics.join(', ')}.`);
        continue;
      }
      typed(`topics.${id}`, text);
      const unknown = [...fieldsOf(text)].filter((f) => !allowedInTopics.has(f));
      if (unknown.length > 0) error(`topics.${id}`, `names ${unknown.map((f) => `{${f}}`).join(', ')}, which the bot cannot fill. A text answer may name {dates}, {published} and contacts such as {police}, {crimestoppers}, {safecall}, {childline}, {nspcc}, {fearless.web}.`);
    }
    for (const id of topics) if (lang.topics[id] === undefined) warn(`topics.${id}`, `is missing, so this answer is given in English. Translate intents/${id}.yaml's answer.`);
    for (const part of ['topics', 'commands'] as const) {
      for (const key of Object.keys(lang.menu[part])) if (!menu[part].includes(key)) error(`menu.${part}.${key}`, `is not one of the ${part === 'topics' ? '/start buttons' : 'commands'}: ${menu[part].join(', ')}.`);
      for (const key of menu[part]) if (lang.menu[part][key] === undefined) warn(`menu.${part}.${key}`, 'is missing, so it is shown in English.');
    }
  }
  return problems;
}

/** One line per language that answers in its own words: how much of it is translated, reviewed, and its reading ease. */
export function localeReport(knowledge: Pick<Knowledge, 'languages' | 'metrics'>, intents: readonly Intent[]): string[] {
  const topics = textTopics(intents);
  const sentences = Object.keys(SENTENCES) as SentenceKey[];
  return [...knowledge.languages.values()]
    .filter((l) => l.code !== ENGLISH && answersIn(l))
    .map((l) => {
      const n = (have: number, of: number) => `${have} of ${of}`;
      return (
        `${l.language} (${l.file}): ${n(sentences.filter((k) => l.sentences[k] !== undefined).length, sentences.length)} sentences, ` +
        `${n([...knowledge.metrics.keys()].filter((m) => l.figures[m]).length, knowledge.metrics.size)} figures, ${n(topics.filter((t) => l.topics[t] !== undefined).length, topics.length)} answers; ` +
        `${l.reviewed ? 'reviewed' : 'not yet reviewed'} (${l.translated_by}); reading ease not measured: no maintained package scores ${l.language}.`
      );
    });
}
