import { join } from 'node:path';
import { z } from 'zod';
import { stem, yamlFilesIn } from '../files/folder.js';
import type { Problem } from '../files/problem.js';
import { readYaml, validate } from '../files/yaml-file.js';
import { describe, strictObject, text, textList } from '../files/zod-helpers.js';
import { someWordsSchema, wordsSchema, type Words } from './language-words.js';
import { someWordingSchema, wordingSchema, type Wording } from './language-wording.js';

/** The folder inside data/ that holds one file per language, named by its code: `en.yaml`, `pl.yaml`. */
export const LANGUAGES_FOLDER = 'lang';

/** English is the language every other is checked against, and the one the bot answers in. */
export const ENGLISH = 'en';

/**
 * The parts of a danger reading, each a list of words or phrases in the file's language.
 * See data/lang/en.yaml for what each part means; src/frame/danger.ts puts them together.
 */
export const DANGER_PARTS = [
  'plea', 'polite', 'fear', 'harm', 'threat', 'weapon', 'held', 'taken', 'ambulance', 'home_taken', 'missing',
  'now', 'recent', 'progressive', 'here', 'child', 'at_risk', 'age', 'risk', 'past', 'hypothetical', 'question', 'idiom',
  'hyperbole_subjects', 'joke', 'safe', 'found', 'confront', 'contrast', 'conditional', 'negation', 'long_ago',
] as const;
export type DangerPart = (typeof DANGER_PARTS)[number];

/**
 * The sentences a language file may give, with what each is for. en.yaml gives every one: the reference the
 * others are checked against, and what a language whose file lacks one says instead.
 */
export const SENTENCES = {
  danger_first: 'the first line to someone in danger; must hold {emergency}',
  danger_next: 'what to say when calling, and that this chat cannot send help',
  english_only: 'a short note that the bot answers in English, for a language with no answers of its own',
  english_part: 'before a part of an answer that follows in English',
  footer_emergency: 'the footer\'s line for 999',
  footer_police: 'the footer\'s line for 101',
  footer_crimestoppers: 'the footer\'s line for Crimestoppers',
  figure_county: 'one county\'s figure',
  figure_region: 'the whole region\'s figure',
  figures_intro: 'the line before a list of figures',
  figures_row: 'one place\'s line in a list of figures',
  region_row: 'the whole region, as a line of a list',
  not_published: 'a figure not published for a county',
  not_published_region: 'a figure not published for the whole region',
  not_published_short: 'a figure not published, in a list',
  more_than: 'a figure given as "more than"',
  estimated: 'a figure given as an estimate',
  outside_region: 'a place outside the region',
  town_in_county: 'towns asked about: figures are by county',
  ranking_most: 'the county with the most',
  ranking_fewest: 'the county with the fewest',
  ranking_row: 'one county in a ranking',
  ranking_none: 'counties with no figure, under a ranking',
  from_last_question: 'places taken from the last question',
  other_time: 'a time asked about that no week held matches',
  facet_not_published: 'a breakdown the release does not give',
  facet_not_given: 'before the figures, a breakdown the release does not give',
  year_holds_week: 'before the figures, a year asked that holds the week',
  next_missing_child: 'what to do next for a missing child',
  next_confront: 'someone thinking of confronting the people themselves',
  contact: 'how to reach the police or Crimestoppers',
  empty_message: 'a message with no question in it',
  language_chosen: 'the reply to choosing this language with /language',
} as const;
export type SentenceKey = keyof typeof SENTENCES;

const words = (part: string) => textList(`words or phrases for ${part}`, 0).default([]);

const dangerSchema = strictObject(Object.fromEntries(DANGER_PARTS.map((p) => [p, words(p)])) as Record<DangerPart, ReturnType<typeof words>>);

const sentencesSchema = strictObject(
  Object.fromEntries(Object.entries(SENTENCES).map(([k, what]) => [k, text(what).optional()])) as Record<SentenceKey, z.ZodOptional<ReturnType<typeof text>>>,
).default({});

/** One file of `data/lang/`. */
export const languageFileSchema = strictObject({
  language: text('the language\'s name in English, for example Polish'),
  native: text('the language\'s name in the language itself, for example Polski'),
  translated_by: text('who wrote or translated this file'),
  reviewed: z.boolean({ error: (i) => `should be true once staff (or a native speaker for them) have checked this file, else false; it is ${describe(i.input)}` }),
  /** Everyday words of this language that few others use ("nuń", "vich" in Punjabi): they help tell it from its neighbours. */
  markers: textList('everyday words of this language that few other languages use', 0).default([]),
  /**
   * The language whose files hold the words this one shares with it (Punjabi's with Urdu's): once this language's
   * own markers or danger words are found, whatever points to that language points to this one too.
   */
  shares_words_with: z.string().regex(/^[a-z]{2,3}$/, 'is the code of another language file, for example ur').optional(),
  /**
   * The English the bot reads this language's words as, to understand a question in it: English words → the forms
   * people type ("how many: [ile, ilu]"). Longest phrase first; only for messages found to be in this language.
   */
  lexicon: z
    .record(
      z.string().regex(/^[a-z0-9 ]+$/, 'the English to read a word as is lower-case letters, digits and spaces'),
      textList('ways of writing it in this language'),
    )
    .default({}),
  /**
   * The language's inflection endings (cases, plurals, verb forms): a word in a form the lexicon does not list is read
   * as a listed form with the same stem once one is cut ("zatrzymanych" as "zatrzymani").
   */
  endings: textList('inflection endings of this language, cut from a word to find its stem', 0).default([]),
  /** Words of this language that say nothing the bot reads (particles, auxiliaries): dropped from a question. */
  skip: textList('words to drop when reading a question in this language', 0).default([]),
  /** The language's BCP 47 tag, for dates, numbers and plural forms (`pl-PL`); the file's code when left out. */
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'is a language tag such as pl-PL or ur-PK').optional(),
  sentences: sentencesSchema,
  /**
   * Each figure of data/metrics.yaml as a phrase with its number, in every plural form the language has
   * (CLDR's: one, few, many, other...): `arrests: {label: aresztowania, one: "{count} osoba zatrzymana", ...}`.
   */
  figures: z.record(z.string(), strictObject({
    label: text('what the figure is called, as in "a figure for {label} was not published"'),
    zero: text('the phrase for zero').optional(),
    one: text('the phrase for one').optional(),
    two: text('the phrase for two').optional(),
    few: text('the phrase for a few').optional(),
    many: text('the phrase for many').optional(),
    other: text('the phrase for any other number, with {count}'),
  })).default({}),
  /** The /start buttons (by the intent each opens) and the command menu (by command), in the language. */
  menu: strictObject({
    topics: z.record(z.string(), text('a /start button\'s label in this language')).default({}),
    commands: z.record(z.string(), text('a command\'s description in this language')).default({}),
  }).default({ topics: {}, commands: {} }),
  /** Each text answer (an intent's id) in the language, with the same {fields} as its English. */
  topics: z.record(z.string(), text('the answer in this language')).default({}),
  danger: dangerSchema.default(Object.fromEntries(DANGER_PARTS.map((p) => [p, []])) as unknown as Record<DangerPart, string[]>),
  /** The words that show what a question asks (see language-words.ts). English gives every list; the others may give some. */
  words: someWordsSchema.optional(),
  /** The sentences the planner writes (see language-wording.ts). English gives every one. */
  wording: someWordingSchema.optional(),
});

/** English's file: the same, but `words:` with every list, since the readers of questions take their words from it. */
const englishFileSchema = languageFileSchema.extend({
  words: z
    .unknown()
    .refine((v) => v !== undefined, { message: 'is missing: the bot reads questions with these words (which time, which sum, who is asking). Restore the section from git.', abort: true })
    .pipe(wordsSchema),
  wording: z
    .unknown()
    .refine((v) => v !== undefined, { message: 'is missing: the bot writes its sentences around the figures from it. Restore the section from git.', abort: true })
    .pipe(wordingSchema),
});

export type LanguageFile = z.infer<typeof languageFileSchema>;

/** A language the bot can read danger in, and may answer some sentences in. */
export interface Language extends LanguageFile {
  /** The file's name without `.yaml`: an ISO 639-1 code such as `pl`. */
  code: string;
  file: string;
  /** `lexicon:` and `skip:` by typed form (lower case): the English each is read as, "" for a word dropped. */
  readAs: ReadonlyMap<string, string>;
}

/** `lexicon:` and `skip:` as one map from each typed form to its English; a form listed twice is an error naming both places. */
export function readAsOf(file: Pick<LanguageFile, 'lexicon' | 'skip'>, shownAs: string, lineOf: (path: readonly PropertyKey[]) => number | undefined): { readAs: Map<string, string>; problems: Problem[] } {
  const readAs = new Map<string, string>();
  const problems: Problem[] = [];
  const add = (typed: string, english: string, path: () => PropertyKey[]) => {
    const key = typed.trim().toLowerCase();
    const before = readAs.get(key);
    if (before === undefined) readAs.set(key, english);
    else if (before !== english) {
      const here = path();
      problems.push({ file: shownAs, line: lineOf(here), field: here.join('.'), message: `"${typed}" is also listed at ${firstPlaceOf(file, key)!.join('.')}. Keep each word in one place, or the bot can't tell which English it means.`, severity: 'error' });
    }
  };
  for (const [english, forms] of Object.entries(file.lexicon)) for (let i = 0; i < forms.length; i++) add(forms[i]!, english, () => ['lexicon', english, i]);
  for (let i = 0; i < file.skip.length; i++) add(file.skip[i]!, '', () => ['skip', i]);
  return { readAs, problems };
}

/** Where a form (trimmed, lower case) is first listed in `lexicon:` or `skip:`: looked for only when a problem names it, so a load keeps no place per form. */
function firstPlaceOf(file: Pick<LanguageFile, 'lexicon' | 'skip'>, key: string): PropertyKey[] | undefined {
  for (const [english, forms] of Object.entries(file.lexicon)) {
    const i = forms.findIndex((f) => f.trim().toLowerCase() === key);
    if (i >= 0) return ['lexicon', english, i];
  }
  const i = file.skip.findIndex((f) => f.trim().toLowerCase() === key);
  return i >= 0 ? ['skip', i] : undefined;
}

const CODE = /^[a-z]{2,3}$/;
const PLACEHOLDER = /\{([a-z_.]+)\}/g;
/** Any run of digits: a sentence takes its numbers from data/contacts.yaml, through {emergency} and the like. */
const TYPED_NUMBER = /\d/;

/** Checks one language's sentences against the fields English gives them, and for typed numbers. */
function checkSentences(lang: Language, lineOf: (path: readonly PropertyKey[]) => number | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const [key, sentence] of Object.entries(lang.wording ?? {}) as [string, string | undefined][]) {
    if (sentence && TYPED_NUMBER.test(sentence.replace(PLACEHOLDER, ''))) {
      problems.push({ file: lang.file, line: lineOf(['wording', key]), field: `wording.${key}`, message: 'has a number typed in it. Write a {field} instead: figures come from data/operations/, numbers from data/contacts.yaml.', severity: 'error' });
    }
  }
  for (const [key, sentence] of Object.entries(lang.sentences) as [SentenceKey, string | undefined][]) {
    if (!sentence) continue;
    const at = (message: string) => problems.push({ file: lang.file, line: lineOf(['sentences', key]), field: `sentences.${key}`, message, severity: 'error' });
    if (TYPED_NUMBER.test(sentence.replace(PLACEHOLDER, ''))) at('has a number typed in it. Write {emergency}, {police} or {crimestoppers} instead: numbers come from data/contacts.yaml.');
    if (key === 'danger_first' && !sentence.includes('{emergency}')) at('must say {emergency}, so that 999 comes in the first sentence.');
  }
  return problems;
}

/**
 * Reads every file of `data/lang/`. English must be there: it holds the words that tell danger.
 * Backup and lock files are not language files; any other name that is not a language code is an error.
 */
export async function loadLanguages(dataDir: string, shownAs: string): Promise<{ languages?: Map<string, Language>; problems: Problem[] }> {
  const folder = join(dataDir, LANGUAGES_FOLDER);
  const shownFolder = `${shownAs}/${LANGUAGES_FOLDER}`;
  const listed = await yamlFilesIn(folder, shownFolder);
  const problems: Problem[] = [...(listed?.problems ?? [])];
  const languages = new Map<string, Language>();
  for (const name of listed?.names ?? []) {
    const code = stem(name).toLowerCase();
    const file = `${shownFolder}/${name}`;
    if (!CODE.test(code)) {
      problems.push({ file, field: '', message: `a language file is named by its two-letter code (pl.yaml for Polish, ro.yaml for Romanian), not "${name}"`, severity: 'error' });
      continue;
    }
    const { doc, problems: parse } = await readYaml(join(folder, name), file);
    problems.push(...parse);
    if (!doc) continue;
    const { value, problems: invalid } = validate<LanguageFile>(doc, code === ENGLISH ? englishFileSchema : languageFileSchema);
    problems.push(...invalid);
    if (!value) continue;
    const read = readAsOf(value, file, doc.lineOf);
    problems.push(...read.problems);
    const lang: Language = { ...value, code, file, readAs: read.readAs };
    problems.push(...checkSentences(lang, doc.lineOf));
    languages.set(code, lang);
  }
  for (const lang of languages.values()) {
    const lender = lang.shares_words_with;
    if (lender !== undefined && (lender === lang.code || !languages.has(lender))) {
      problems.push({ file: lang.file, field: 'shares_words_with', message: `names "${lender}", which is not another file in ${shownFolder}/. Give the code of the language whose words this one shares, or remove the line.`, severity: 'error' });
    }
  }
  if (!languages.has(ENGLISH) && !problems.some((p) => p.file.startsWith(`${shownFolder}/${ENGLISH}.`))) {
    problems.push({ file: `${shownFolder}/${ENGLISH}.yaml`, field: '', message: 'is missing. It holds the words that tell someone is in danger: restore it from git.', severity: 'error' });
  }
  return problems.some((p) => p.severity === 'error') ? { problems } : { languages, problems };
}

/**
 * English's `words:`, which every reader of questions takes its words from. The loader refuses an en.yaml
 * without every list, so this only throws for languages not read by {@link loadLanguages}.
 */
export function englishWords(languages: ReadonlyMap<string, Language>): Words {
  const words = languages.get(ENGLISH)?.words;
  if (!words) throw new Error(`${LANGUAGES_FOLDER}/${ENGLISH}.yaml has no words: section. Load the languages with loadLanguages, which says what is missing.`);
  return words as Words;
}

/** A sentence in a language, with its fields filled; English's (or undefined) when the language lacks it. */
export function sentenceIn(languages: ReadonlyMap<string, Language>, code: string, key: SentenceKey, fields: Readonly<Record<string, string>>): string | undefined {
  const sentence = languages.get(code)?.sentences[key];
  return sentence?.replace(PLACEHOLDER, (whole, name: string) => fields[name] ?? whole);
}

/**
 * English's `wording:`, the sentences the planner writes around the figures. The loader refuses an en.yaml
 * without every sentence, so this only throws for languages not read by {@link loadLanguages}.
 */
export function englishWording(languages: ReadonlyMap<string, Language>): Wording {
  const wording = languages.get(ENGLISH)?.wording;
  if (!wording) throw new Error(`${LANGUAGES_FOLDER}/${ENGLISH}.yaml has no wording: section. Load the languages with loadLanguages, which says what is missing.`);
  return wording as Wording;
}

/** The language's tag for `Intl` (`pl-PL`), its code when its file gives none. */
export function localeOf(language: Pick<Language, 'locale' | 'code'>): string {
  return language.locale ?? language.code;
}

/** The plural forms the language has, by CLDR: `one, few, many, other` in Polish. */
export function pluralFormsOf(locale: string): Intl.LDMLPluralRule[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

/** Whether a language answers in its own words: its file gives text answers (topics:). English always does. */
export function answersIn(language: Language | undefined): boolean {
  return language !== undefined && (language.code === ENGLISH || Object.keys(language.topics).length > 0);
}
