import type { Knowledge } from '../knowledge/knowledge.js';
import { englishWords } from '../knowledge/languages.js';
import { createLexicon } from './lexicon.js';
import { splitClauses, questionClause } from './clauses.js';
import { MAX_MATCH_CHARS, normalise, words } from './normalise.js';
import { readNumberWords } from './number-words.js';
import { timeWords } from './time-words.js';
import { stripPleasantries } from './pleasantries.js';
import { collapseRepeats, readLookAlikes } from './repeats.js';
import { createPlaceFinder, PLACE_PREPOSITIONS, PLACE_TOKEN, type PlaceMention } from './places.js';
import { createSpeller, editsWithin, splitJoined } from './spelling.js';
import { stem } from './natural.js';
import { createPhraseIndex, phrasesIn, wordSetOf, workingWordsOf, type PhraseIndex } from './phrases.js';
import type { Words } from '../knowledge/language-words.js';
import { KIN_MIN, trainClassifier, type Scored } from './classifier.js';

/** Words too common to tell intents apart. Question words (who, when, how, most) are kept on purpose. */
/** A road's number as people type it: m11, a14, a1m, a120. */
const ROAD = /^[am]\d{1,4}m?$/;

/**
 * The figures a message names only as someone's own ("my cash", "my son was arrested", not "the cash seized"),
 * or all it names when it asks what one person may do. `find` reads the figures named in some words.
 */
export function ownedMetrics(tokens: readonly string[], find: (tokens: readonly string[]) => string[], words: Pick<Words, 'owners' | 'personal' | 'relatives' | 'asker' | 'asker_between'>, named = find(tokens)): string[] {
  if (named.length === 0) return [];
  if (phrasesIn(words.personal).has(tokens)) return named;
  const owners = wordSetOf(words.owners);
  const asker = wordSetOf(words.asker);
  if (!tokens.some((t) => owners.has(t) || asker.has(t))) return [];
  const between = wordSetOf(words.asker_between);
  const relatives = wordSetOf(words.relatives);
  // What follows "my" is theirs ("my cash"); so is what follows "my son" a few words on ("my son was arrested"),
  // and what the asker does ("who can i speak to").
  const relativeAt = (j: number) => relatives.has(tokens[j] ?? '') && owners.has(tokens[j - 1] ?? '');
  const owned = (i: number) => owners.has(tokens[i - 1] ?? '') || [1, 2, 3].some((k) => relativeAt(i - k)) || askerDoes(tokens, i, asker, between);
  const others = new Set(find(tokens.filter((_, i) => !owned(i))));
  return named.filter((m) => !others.has(m));
}

/** How many words may stand between the asker and what they do: "i could have been". */
const ASKER_REACH = 3;

/** Whether the word at `i` is something the asker does or did: "i", "we" just before it, or with "can", "was"... between ("can i be arrested"). */
export function askerDoes(tokens: readonly string[], i: number, asker: ReadonlySet<string>, between: ReadonlySet<string>): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 1 - ASKER_REACH); j--) {
    if (asker.has(tokens[j]!)) return true;
    if (!between.has(tokens[j]!)) return false;
  }
  return false;
}

/**
 * Slang for arresting also means taking things ("how many blades were lifted", "knives nicked"): an arrest
 * word right after a thing seized, with no people named, is about that thing, not arrests.
 * `things` are the words of the figures of things seized.
 */
export function arrestWordTakesThing(tokens: readonly string[], things: ReadonlySet<string>, words: Pick<Words, 'people' | 'arrest_verbs' | 'joins'>): boolean {
  const people = wordSetOf(words.people);
  const verbs = wordSetOf(words.arrest_verbs);
  const joins = wordSetOf(words.joins);
  if (tokens.some((t) => people.has(t))) return false;
  if (tokens.includes('arrests')) return false;
  const at = tokens.flatMap((t, i) => (verbs.has(t) ? [i] : []));
  // The thing comes just before the verb, with no "and" between: "blades were lifted", "knives did they lift".
  const takes = (i: number) => {
    const before = tokens.slice(Math.max(0, i - 4), i);
    let thing = before.length - 1;
    while (thing >= 0 && !things.has(before[thing]!)) thing--;
    return thing >= 0 && !before.slice(thing + 1).some((t) => joins.has(t));
  };
  return at.length > 0 && at.every(takes);
}

/** What the matcher made of one message. */
export interface Understanding {
  /** The whole message as lower-case plain words (the emergency rule reads all of it). */
  whole: string;
  /**
   * The question read from the message, as lower-case plain words: greetings and pleasantries
   * skipped, the question clause picked from chatter around it, stretched letters collapsed
   * (knivesss → knives) and numbers in words written in digits (twenty five → 25).
   */
  normalised: string;
  /** Counties named, in order (keys of data/places.yaml); a town counts as its county when no county is named. */
  places: string[];
  /** Every place named, as typed: counties, forces and towns. */
  mentions: PlaceMention[];
  /** The message's words after slang and spelling were read, places as {@link PLACE_TOKEN}. */
  tokens: string[];
  /** Figures named (keys of data/metrics.yaml), in order. */
  metrics: string[];
  /**
   * Figures named only as someone's own things ("can i get my cash back") or in a question about what
   * one person may do ("am i allowed to keep cash at home"): about their own case, not the week's figures.
   */
  ownMetrics: string[];
  /** Figures whose words the message has but means otherwise ("blades were lifted" names no arrests). */
  notMeant: string[];
  /** The message asks for the whole region ("in total", "overall"). */
  regionWide: boolean;
  /** The message asks for the smallest figure ("fewest", "least"). */
  fewest: boolean;
  /** Two or more counties set against each other ("essex vs kent", "was beds worse than norfolk"). */
  comparing: boolean;
  /** Nothing but counties and filler ("what about kent?"). */
  onlyPlaces: boolean;
  /** Words the bot has never seen in any example (nor as a figure, place or slang word). */
  unknown: string[];
  /** Features fed to the classifier. */
  features: string[];
  /** How much of the message is about what the bot covers, 0 to 1 (see `coverage`). */
  coverage: number;
  /** Intents ranked best first. */
  ranked: Scored[];
  /** The intent whose training example this message is, word for word, if any. */
  exact?: string;
  /** An intent whose trigger phrase appears in the message (emergency wording), if any. */
  triggered?: string;
}

/** A word used by more than this share of the in-scope intents is too common to show a message is in scope. */
const GENERIC_SHARE = 0.3;

/** This many on-topic words make a message in scope however much else it says. */
const STRONG_EVIDENCE = 3;

/** A letter next to a digit: a word may have digits typed for letters (kniv3s). */
const LOOK_ALIKE_DIGIT = /\p{L}[0-9@$]|[0-9@$]\p{L}/u;

/** Three of the same letter in a row: a word may be stretched for emphasis (knivesss). */
const STRETCHED = /(\p{L})\1\1/u;

/** A number in words, or digits to join ("11 000", "150k"): only then are number words read. */
const NUMBER_HINT =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozen|grand|k|m)\b|\d \d{3}\b|\d[km]\b|-/;

/** Line breaks, tabs and other control characters. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** How many recent messages' understandings are kept for reuse. */
const RECENT_MESSAGES = 2000;

/** Training material for the matcher. */
/** A word, not a sign. */
const LETTER = /\p{L}/u;

export interface IntentExamples {
  id: string;
  examples: readonly string[];
  triggers?: readonly string[];
  /** The questions the bot suggests after this topic's answer: words the speller knows. */
  follow_up?: readonly string[];
}

/** The word sets reading a message needs, from the language file's lists. */
interface Reading {
  stopwords: ReadonlySet<string>;
  /** Stopwords and the words that add nothing to a place on its own. */
  filler: ReadonlySet<string>;
  /** Words that ask for the whole region ("in total", "overall"). */
  region: ReadonlySet<string>;
  comparing: ReadonlySet<string>;
  timeFeatures: ReadonlySet<string>;
  /** Phrases for the person's own area ("round here", "my area"). */
  nearMe: PhraseIndex<string>;
}

function readingWords(words: Words): Reading {
  const stopwords = wordSetOf(words.stopwords);
  return {
    stopwords,
    filler: new Set([...stopwords, ...wordSetOf(words.follow_up_filler)]),
    region: wordSetOf(words.region_itself, words.region_total),
    comparing: wordSetOf(words.comparing),
    timeFeatures: wordSetOf(words.time_features),
    nearMe: phrasesIn(words.near_me),
  };
}

/**
 * The person's own area ("round here", "in my area") is a place, as a county named is: the matcher reads it as one,
 * so "any numbers for round here" asks for a place's figures, not how to report dealing "round here".
 */
export function nearMeAsPlace(tokens: readonly string[], nearMe: PhraseIndex<string>): readonly string[] {
  const hits = nearMe.all(tokens);
  if (hits.length === 0) return tokens;
  const out: string[] = [];
  let i = 0;
  for (const h of hits) {
    if (h.at < i) continue;
    out.push(...tokens.slice(i, h.at), PLACE_TOKEN);
    i = h.at + h.length;
  }
  return [...out, ...tokens.slice(i)];
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Two words typed apart that make one word of the bot's subject ("safe guarded", "dea llines" is not), when neither
 * is one on its own: read as one. Where one of them is no word at all, they may make a misspelt one ("safe
 * gaurded"): `misspelt` gives the word a misspelling was meant for.
 */
export function joinSplit(tokens: readonly string[], isTopic: (w: string) => boolean, misspelt?: { isKnown: (w: string) => boolean; meant: (w: string) => string }): string[] {
  const out: string[] = [];
  const makesTopic = (a: string, b: string) => isTopic(a + b) || (misspelt !== undefined && !(misspelt.isKnown(a) && misspelt.isKnown(b)) && isTopic(misspelt.meant(a + b)));
  for (let i = 0; i < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]];
    if (b !== undefined && !isTopic(a) && !isTopic(b) && makesTopic(a, b)) {
      out.push(a + b);
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * The words of one breakdown (data/facets.yaml) are kin, by stem: "jailed" is near a topic whose examples say
 * "prison". Single words only: "who" of "who was arrested" is no breakdown's word.
 */
export function breakdownKin(facets: ReadonlyMap<string, { words: readonly string[] }>, stopwords: ReadonlySet<string>): Map<string, string> {
  const single = [...facets].flatMap(([key, f]) => f.words.map((w) => ({ key, ws: words(normalise(w)) })).filter(({ ws }) => ws.length === 1 && !stopwords.has(ws[0]!)));
  return new Map(single.map(({ key, ws }) => [stem(ws[0]!), key] as const));
}

/** The groups a topic stands for: those at least {@link KIN_MIN} of its examples name. */
export function groupsOfTopics(examples: readonly { intent: string; groups: readonly string[] }[]): Map<string, Set<string>> {
  const named = new Map<string, Map<string, number>>();
  for (const e of examples) {
    const perGroup = named.get(e.intent) ?? new Map<string, number>();
    for (const g of e.groups) perGroup.set(g, (perGroup.get(g) ?? 0) + 1);
    named.set(e.intent, perGroup);
  }
  return new Map([...named].map(([intent, perGroup]) => [intent, new Set([...perGroup].filter(([, n]) => n >= KIN_MIN).map(([g]) => g))]));
}

/** Stems and bigrams: the classifier's view of a list of plain words. Other time words are the frame's to read. */
function toFeatures(tokens: readonly string[], time: ReadonlySet<string>, read: Reading): string[] {
  const stems = tokens.filter((t) => !read.stopwords.has(t) && !(time.has(t) && !read.timeFeatures.has(t))).map((t) => (t === PLACE_TOKEN ? t : stem(t)));
  const bigrams = stems.slice(1).map((s, i) => `${stems[i]}_${s}`);
  return [...stems, ...bigrams];
}

/**
 * Words the examples use in a sense other than a place: words of in-scope examples not right after
 * "in", "at", "near"... ("deal" in "deal lines"), and the figures' own words. Off-topic examples
 * ("is norwich a city") and "arrests in luton" name towns as places, so those towns stay towns.
 */
export function wordsInOtherSenses(examples: readonly { intent: string; text: string }[], knowledge: Pick<Knowledge, 'metrics'>, outOfScope: string): Set<string> {
  const common = new Set<string>();
  for (const e of examples) {
    if (e.intent === outOfScope) continue;
    const ws = words(e.text);
    ws.forEach((w, i) => {
      if (!PLACE_PREPOSITIONS.has(ws[i - 1] ?? '')) common.add(w);
    });
  }
  for (const m of knowledge.metrics.values()) {
    for (const w of m.words) {
      const ws = words(normalise(w));
      ws.forEach((x) => common.add(x));
      // "deal lines": the pair is the figure's phrase, so "deal" before "lines" is no town.
      if (ws.length > 1) common.add(ws.join(' '));
    }
  }
  return common;
}

/** Words right before a place that make it a landmark, not the place asked about: "next to norfolk", "near kent". */
const LANDMARK_BEFORE = [['next', 'to'], ['close', 'to'], ['near'], ['beside'], ['borders'], ['bordering'], ['neighbouring'], ['neighbours']];

/**
 * Places named only as landmarks ("lincolnshire is next to norfolk, did they arrest anyone there")
 * are dropped when another place is named: the question is about the other one.
 */
export function withoutLandmarks(mentions: readonly PlaceMention[], tokens: readonly string[]): PlaceMention[] {
  if (mentions.length < 2) return [...mentions];
  const at = tokens.flatMap((t, i) => (t === PLACE_TOKEN ? [i] : []));
  if (at.length !== mentions.length) return [...mentions];
  const landmark = (i: number) => LANDMARK_BEFORE.some((ws) => ws.every((w, k) => tokens[i - ws.length + k] === w));
  const kept = mentions.filter((_, j) => !landmark(at[j]!));
  return kept.length > 0 ? kept : [...mentions];
}

/**
 * Builds the matcher: trains the classifier from the intents' examples. `outOfScope` is the id of the topic
 * whose examples are about other things (the fallback): its words never count as the bot's subject.
 */
export function createUnderstanding(knowledge: Knowledge, intents: readonly IntentExamples[], options: { outOfScope: string }) {
  const english = englishWords(knowledge.languages);
  const time = timeWords(english);
  const lists = readingWords(english);
  // A town that is also a word the examples use ("deal" in "deal lines") needs "in", "at"... before it.
  const normalisedExamples = intents.flatMap((intent) => intent.examples.map((e) => ({ intent: intent.id, text: normalise(e) })));
  const exampleWords = new Set(normalisedExamples.flatMap((e) => words(e.text)));
  // The figures' own words: known words, and a place cue for a short town beside one ("ely arrests").
  const figureWords = new Set([...knowledge.metrics.values()].flatMap((m) => m.words.flatMap((w) => words(normalise(w)))));
  for (const w of figureWords) exampleWords.add(w);
  const plainWords = new Set(knowledge.pleasantries.map((p) => normalise(p)).filter((p) => p !== '' && !p.includes(' ')));
  const findPlaces = createPlaceFinder(knowledge.places, { commonWords: wordsInOtherSenses(normalisedExamples, knowledge, options.outOfScope), plainWords, months: english.months, figureWords, livesIn: { phrases: english.lives_in, asker: english.asker } });
  const translate = createLexicon(knowledge.words);
  // Each figure's words as listed and as the slang reading turns them ("drug lines" is read "drugs lines").
  const metricPhrases = [...knowledge.metrics].flatMap(([key, m]) =>
    m.words.flatMap((w) => {
      const listed = words(normalise(w));
      const read = translate(listed);
      return [listed, ...(read.join(' ') === listed.join(' ') ? [] : [read])].map((ws) => ({ key, words: ws, padded: ` ${ws.join(' ')} ` }));
    }),
  );
  // The words of figures of things seized (knives, phones, cash...), as opposed to arrests or people helped.
  const thingWords = new Set([...knowledge.metrics].filter(([, m]) => /\bseized\b/.test(m.label)).flatMap(([, m]) => m.words.flatMap((w) => words(normalise(w)))));
  // Longest phrases first, so "deal lines" wins over "lines".
  metricPhrases.sort((a, b) => b.words.length - a.words.length);
  const triggers = intents.flatMap((i) => (i.triggers ?? []).map((t) => ({ id: i.id, phrase: t })));
  const triggerIndex = createPhraseIndex(triggers.map((t, i) => [t.phrase, i] as const));


  const docs = normalisedExamples.map((e) => ({ intent: e.intent, tokens: translate(findPlaces.find(words(e.text)).tokens) }));
  const exactly = new Map(normalisedExamples.map((e) => [e.text, e.intent] as const));
  const vocabulary = new Set(docs.flatMap((d) => d.tokens));
  // How many in-scope intents use each word. Words most intents use ("what", "got", "think") say
  // nothing about whether a message is in scope; the rest do.
  const spread = new Map<string, Set<string>>();
  // ...and each stem, for a word the examples use in another form ("anonymously", where they say "anonymous").
  const stemSpread = new Map<string, Set<string>>();
  for (const d of docs) {
    if (d.intent === options.outOfScope) continue;
    for (const t of d.tokens) {
      spread.set(t, (spread.get(t) ?? new Set()).add(d.intent));
      const s = stem(t);
      stemSpread.set(s, (stemSpread.get(s) ?? new Set()).add(d.intent));
    }
  }
  const inScopeIntents = new Set(intents.map((i) => i.id)).size - 1;
  const genericAbove = Math.max(3, Math.round(inScopeIntents * GENERIC_SHARE));
  for (const p of metricPhrases) p.words.forEach((w) => vocabulary.add(w));
  // Slang is known too, so a misspelt "nickd" becomes "nicked" and is then read as "arrested".
  // Words the bot knows in any form, so "knivesss" is read as "knives" and "bedsss" as "beds".
  const placeWords = new Set([...knowledge.places.values()].flatMap((p) => [p.name, ...p.aliases, ...(p.towns ?? [])].flatMap((n) => words(normalise(n)))));
  // Words of the bot's subject, for reading words run together: single-word place names and figure words, not
  // the words of longer names ("market" of Market Deeping), which are everyday words too.
  const placeNames = [...knowledge.places.values()].flatMap((p) => [p.name, ...p.aliases, ...(p.towns ?? [])].map((n) => normalise(n)));
  // The words that ask for figures ("how meny" → how many) are the subject's too.
  const askingWords = [...english.asks_figures, ...english.asks_count].flatMap((w) => words(normalise(w)));
  const topicWords = new Set([...placeNames.filter((n) => !n.includes(' ')), ...[...metricPhrases.flatMap((p) => p.words), ...askingWords].filter((w) => !lists.stopwords.has(w))]);
  const isTopicWord = (w: string) => topicWords.has(w);
  const isKnown = (w: string) => vocabulary.has(w) || knowledge.words.has(w) || placeWords.has(w) || exampleWords.has(w);
  /** How much a clause is about what the bot covers: words few intents share, figures and places. */
  const aboutUs = (clause: string) =>
    words(normalise(clause)).filter((w) => {
      const t = collapseRepeats(w, isKnown);
      const plainWord = knowledge.words.get(t) ?? t;
      const n = spread.get(plainWord)?.size ?? 0;
      return placeWords.has(t) || (n > 0 && n <= genericAbove && !lists.stopwords.has(plainWord));
    }).length;
  /**
   * Reads a message: stretched letters collapsed and number words written in digits.
   */
  /** The word meant by a word as typed: its spelling corrected, then read past slang ("safegaurded", "nicked"). */
  const plainWord = (w: string): string => {
    const c = correct(w);
    return knowledge.words.get(c) ?? c;
  };
  const readMessage = (whole: string): string => {
    const tokens = words(whole);
    const stretched = STRETCHED.test(whole) ? tokens.map((w) => collapseRepeats(w, isKnown)) : tokens;
    // Words run together ("arrestsinessex", "deallines") are read apart, when they split into known words.
    // Digits typed for letters ("kniv3s", "e55ex") are read as the letters, when that makes a known word.
    const lettered = LOOK_ALIKE_DIGIT.test(whole) ? stretched.map((w) => readLookAlikes(w, isKnown)) : stretched;
    const collapsed = joinSplit(lettered.flatMap((w) => (isKnown(w) ? [w] : (splitJoined(w, isKnown, isTopicWord) ?? [w]))), isTopicWord, { isKnown, meant: plainWord });
    return NUMBER_HINT.test(whole) ? readNumberWords(collapsed).join(' ') : collapsed.join(' ');
  };
  /**
   * Whether a clause asks for figures, question word or not, outside a story of the person's own: it names a figure
   * not their own ("number of people arrested", not "my son was arrested") or asks for figures ("and the overall figure too").
   */
  const namesFiguresAsked = (clause: string): boolean => {
    const tokens = translate(words(normalise(clause)));
    if (tokens.some((t) => ownStory.has(t))) return false;
    const named = findMetrics(tokens);
    return (named.length > 0 && ownedMetrics(tokens, findMetrics, english, named).length < named.length) || asksFigures.has(tokens);
  };
  const asksFigures = phrasesIn(english.asks_figures);
  const ownStory = wordSetOf(english.own_story);
  /** The question on its own, when greetings, pleasantries, chatter or a story surround it; undefined otherwise. */
  const questionOf = (message: string): string | undefined => {
    const text = message.replace(CONTROL, ' '); // line breaks are spaces: they never split a question
    const stripped = knowledge.pleasantries.length > 0 ? stripPleasantries(text, knowledge.pleasantries).text : text;
    const clauses = splitClauses(stripped, english);
    const picked = clauses.length > 1 ? questionClause(clauses, aboutUs, english, namesFiguresAsked).trim() : stripped;
    return picked && normalise(picked) !== normalise(text) ? picked : undefined;
  };

  // The words that say what to do with the figures, ask for them or name the region are known too: "diffrence", "combind", "figur", "overal".
  const frameWords = [...workingWordsOf(english), ...[english.asks_figures, english.asks_count, english.region_itself, english.region_total].flat().flatMap((w) => words(normalise(w)))];
  // The questions the bot itself suggests are in people's words too: "anonymusly" is the "anonymously" of "Can I report anonymously?".
  const suggestedWords = intents.flatMap((i) => i.follow_up ?? []).flatMap((q) => words(normalise(q)));
  const correct = createSpeller([...vocabulary, ...[...knowledge.words.keys()].filter((w) => !w.includes(' ')), ...frameWords, ...suggestedWords], isTopicWord);
  // The breakdowns (data/facets.yaml) each example about the week names; the fallback's name them about other things ("will i go to prison for...").
  const breakdowns = createPhraseIndex([...knowledge.facets].flatMap(([key, f]) => f.words.map((w) => [words(normalise(w)).join(' '), key] as const)));
  const exampleFeatures = docs.map((d) => ({
    intent: d.intent,
    features: toFeatures(d.tokens, time, lists),
    groups: d.intent === options.outOfScope ? [] : [...new Set(breakdowns.all(d.tokens).map((h) => h.value))],
  }));
  const kin = breakdownKin(knowledge.facets, lists.stopwords);
  const classifier = trainClassifier(exampleFeatures, {}, kin);
  const kinOf = groupsOfTopics(exampleFeatures);

  /** The figures a message names, in the order it names them. */
  const findMetrics = (tokens: readonly string[]): string[] => {
    // "county lines" is the topic, not the figure "lines".
    let line = ` ${tokens.join(' ')} `.replace(/ county lines? /g, ' ');
    const firstAt = new Map<string, number>();
    // Longest phrases first; the words a phrase matched are used up, so "drug lines" is not also "drugs".
    for (const p of metricPhrases) {
      for (let at = line.indexOf(p.padded); at >= 0; at = line.indexOf(p.padded, at + 1)) {
        if (at < (firstAt.get(p.key) ?? Infinity)) firstAt.set(p.key, at);
        line = `${line.slice(0, at + 1)}${'_'.repeat(p.padded.length - 2)}${line.slice(at + p.padded.length - 1)}`;
      }
    }
    return [...firstAt].sort((a, b) => a[1] - b[1]).map(([key]) => key);
  };

  /**
   * How much of the message is about things the bot covers: in-scope words that few intents share
   * count for; words only off-topic examples use count fully against, words never seen half against.
   * Common words, very short words (n, u, ok) and words with digits are neutral; so are misspellings
   * the speller corrected, unless one slip from a word of the subject, which counts as that word.
   */
  function coverage(read: readonly string[], corrected: readonly string[], namesFigure: boolean, topKin: ReadonlySet<string>): number {
    let inScope = 0;
    let against = 0;
    read.forEach((word, i) => {
      // A road (m11, a14, a1m) with no figure named is not what the week was about: "is the m11 closed".
      if (!namesFigure && ROAD.test(word)) {
        against += 1;
        return;
      }
      // Times are the frame's to read: "arrests in october" is as much on topic as "arrests".
      if (word.length <= 2 || lists.stopwords.has(word) || word === PLACE_TOKEN || /\d/.test(word) || time.has(word)) return;
      // A misspelling the speller corrected counts for the word it meant when one slip away and a word of the subject
      // (awarness, awareness); corrections further off are as often an everyday word misread (catch, coach).
      const meant = corrected[i]!;
      if (meant !== word && editsWithin(word, meant, 1) > 1) return;
      const intentsUsing = (spread.get(meant) ?? stemSpread.get(stem(meant)))?.size ?? 0;
      if (meant !== word && intentsUsing === 0) return;
      if (intentsUsing > genericAbove) return;
      // A word of a breakdown the best guess's examples name in other words ("jailed", where they say "prison") is on its subject.
      if (intentsUsing > 0 || topKin.has(kin.get(stem(word)) ?? '')) inScope += 1;
      else against += vocabulary.has(word) ? 1 : 0.5;
    });
    if (inScope >= STRONG_EVIDENCE) return 1; // a long message with plenty on topic, whatever else it says
    return inScope + against === 0 ? 1 : inScope / (inScope + against);
  }

  // Many messages repeat word for word (suggested-question buttons, deep links, a question shared in
  // a group), so recent results are kept. Understanding depends only on the text, never on the chat.
  const recent = new Map<string, Understanding>();
  // The question on its own is worked out only when the engine asks: most messages are just the question.
  return Object.assign(understand, { questionOf });
  function understand(text: string): Understanding {
    const hit = recent.get(text);
    if (hit) {
      recent.delete(text);
      recent.set(text, hit);
      return hit;
    }
    const result = understandAfresh(text);
    recent.set(text, result);
    if (recent.size > RECENT_MESSAGES) recent.delete(recent.keys().next().value!);
    return result;
  }

  function understandAfresh(text: string): Understanding {
    const whole = normalise(text);
    const reading = whole === '' ? '' : readMessage(whole);
    const normalised = reading === '' ? whole : reading;
    const found = findPlaces.find(words(normalised), text.slice(0, MAX_MATCH_CHARS));
    const { tokens: placed } = found;
    const mentions = withoutLandmarks(found.mentions, placed);
    const named = found.places.filter((k) => mentions.some((m) => m.key === k));
    // "I live in Stevenage: how many arrests in Herts?" is about the county named; towns stand in only when none is.
    const direct = [...new Set(mentions.filter((m) => !m.town).map((m) => m.key))];
    const places = direct.length > 0 ? direct : named;
    const read = translate(placed);
    const corrected = read.map(correct);
    const plain = translate(corrected);
    const figuresNamed = findMetrics(plain);
    const metrics = figuresNamed.includes('arrests') && figuresNamed.length > 1 && arrestWordTakesThing(plain, thingWords, english) ? figuresNamed.filter((m) => m !== 'arrests') : figuresNamed;
    // The person's own area is read as a place in a message, not in the examples: theirs ("dealing in my area") say where it happens.
    const features = toFeatures(nearMeAsPlace(plain, lists.nearMe), time, lists);
    const ranked = classifier.rank(features);
    // The first trigger in the intents' order found in the words read, as typed or in the whole message.
    const hits = [plain, words(normalised), words(whole)].flatMap((w) => triggerIndex.all(w));
    const triggered = hits.length > 0 ? triggers[Math.min(...hits.map((h) => h.value))]!.id : undefined;
    const exact = exactly.get(normalised) ?? exactly.get(whole);
    return {
      whole,
      normalised,
      places,
      mentions,
      tokens: plain,
      metrics,
      ownMetrics: ownedMetrics(plain, findMetrics, english, metrics),
      notMeant: figuresNamed.filter((m) => !metrics.includes(m)),
      regionWide: plain.some((t) => lists.region.has(t)),
      fewest: plain.some((t) => english.fewest.includes(t)),
      comparing: places.length >= 2 && plain.some((t) => lists.comparing.has(t)),
      onlyPlaces: places.length > 0 && plain.every((t) => t === PLACE_TOKEN || lists.filler.has(t)),
      features,
      // Signs ("&", "+") and numbers are no unknown words.
      unknown: plain.filter((t) => t !== PLACE_TOKEN && !lists.stopwords.has(t) && LETTER.test(t) && !/\d/.test(t) && !vocabulary.has(t)),
      coverage: coverage(read, corrected, metrics.length > 0, kinOf.get(ranked[0]?.intent ?? '') ?? NONE),
      ranked,
      ...(triggered ? { triggered } : {}),
      ...(exact ? { exact } : {}),
    };
  }
}
