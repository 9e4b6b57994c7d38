import type { Knowledge } from '../knowledge/knowledge.js';
import { createLexicon } from './lexicon.js';
import { normalise, words } from './normalise.js';
import { createPlaceFinder, PLACE_TOKEN } from './places.js';
import { createSpeller } from './spelling.js';
import { stem } from './natural.js';
import { trainClassifier, type Scored } from './classifier.js';

/** Words too common to tell intents apart. Question words (who, when, how, most) are kept on purpose. */
const STOPWORDS = new Set([
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'of', 'to', 'in', 'on', 'at', 'for', 'and', 'or',
  'it', 'its', 'this', 'that', 'there', 'i', 'im', 'me', 'my', 'you', 'your', 'we', 'our', 'just', 'so', 'please',
  'um', 'uh', 'hmm', 'like', 'really', 'actually', 'ok', 'okay', 'then', 'also', 'too', 'any', 'some', 'by', 'with',
]);

/** Words that add nothing to a follow-up such as "and what about kent then?". */
const FOLLOW_UP_FILLER = new Set([...STOPWORDS, 'what', 'about', 'how', 'whats', 'same', 'for', 'question', 'now', 'else', 'over', 'up', 'north', 'down']);

/** Words that ask for the whole region rather than a county. */
const REGION_WORDS = new Set(['total', 'overall', 'altogether', 'region', 'regional', 'whole', 'everywhere', 'combined', 'eastern']);

/** Phrases that ask about a time other than the week of action. */
const OTHER_PERIODS = ['last year', 'this year', 'next year', 'last week', 'this week', 'next week', 'last month', 'this month', 'next month', 'next time', 'every year', 'each year', 'per year', 'a year', 'yesterday', 'today', 'tonight', 'these days', 'nowadays', 'at the moment', 'currently'].map((p) => ` ${p} `);

/** Words that ask for the smallest figure in a comparison. */
const FEWEST_WORDS = new Set(['fewest', 'least', 'lowest', 'fewer', 'smallest', 'less', 'worst', 'bottom', 'minimum', 'min']);

/** What the matcher made of one message. */
export interface Understanding {
  /** The message as lower-case plain words. */
  normalised: string;
  /** Counties named, in order (keys of data/places.yaml). */
  places: string[];
  /** Figures named (keys of data/metrics.yaml), in order. */
  metrics: string[];
  /** The message asks for the whole region ("in total", "overall"). */
  regionWide: boolean;
  /** The message asks for the smallest figure ("fewest", "least"). */
  fewest: boolean;
  /** Asks about another time (a year other than the operation's, "last year", "today"). */
  otherPeriod: boolean;
  /** Nothing but counties and filler ("what about kent?"). */
  onlyPlaces: boolean;
  /** Features fed to the classifier. */
  features: string[];
  /** Share of the message's content words that in-scope examples use, unseen words counting half (1 when there are none). */
  coverage: number;
  /** Intents ranked best first. */
  ranked: Scored[];
  /** An intent whose trigger phrase appears in the message (emergency wording), if any. */
  triggered?: string;
}

/** How many recent messages' understandings are kept for reuse. */
const RECENT_MESSAGES = 2000;

/** The intent whose examples show what is out of scope. */
export const FALLBACK_INTENT = 'fallback';

/** Training material for the matcher. */
export interface IntentExamples {
  id: string;
  examples: readonly string[];
  triggers?: readonly string[];
}

/** Stems and bigrams: the classifier's view of a list of plain words. */
function toFeatures(tokens: readonly string[]): string[] {
  const stems = tokens.filter((t) => !STOPWORDS.has(t)).map((t) => (t === PLACE_TOKEN ? t : stem(t)));
  const bigrams = stems.slice(1).map((s, i) => `${stems[i]}_${s}`);
  return [...stems, ...bigrams];
}

/** Builds the matcher: trains the classifier from the intents' examples. */
export function createUnderstanding(knowledge: Knowledge, intents: readonly IntentExamples[], options: { smoothing?: number } = {}) {
  const findPlaces = createPlaceFinder(knowledge.places);
  const translate = createLexicon(knowledge.words);
  const metricPhrases = [...knowledge.metrics].flatMap(([key, m]) => m.words.map((w) => ({ key, words: words(normalise(w)) })));
  // Longest phrases first, so "deal lines" wins over "lines".
  metricPhrases.sort((a, b) => b.words.length - a.words.length);
  const triggers = intents.flatMap((i) => (i.triggers ?? []).map((t) => ({ id: i.id, phrase: ` ${normalise(t)} ` })));

  const knownYears = new Set(knowledge.operations.flatMap((op) => [op.start, op.end, op.published].map((d) => d.slice(0, 4))));
  const otherPeriod = (padded: string) =>
    OTHER_PERIODS.some((p) => padded.includes(p)) || (padded.match(/ (?:19|20)\d\d /g) ?? []).some((y) => !knownYears.has(y.trim()));

  const plainWords = (text: string) => translate(findPlaces.find(words(normalise(text))).tokens);

  const docs = intents.flatMap((intent) => intent.examples.map((e) => ({ intent: intent.id, tokens: plainWords(e) })));
  const vocabulary = new Set(docs.flatMap((d) => d.tokens));
  // Words the in-scope intents use: a message mostly made of other words is probably out of scope.
  const inScopeWords = new Set(docs.filter((d) => d.intent !== FALLBACK_INTENT).flatMap((d) => d.tokens));
  for (const p of metricPhrases) p.words.forEach((w) => vocabulary.add(w));
  // Slang is known too, so a misspelt "nickd" becomes "nicked" and is then read as "arrested".
  const correct = createSpeller([...vocabulary, ...[...knowledge.words.keys()].filter((w) => !w.includes(' '))]);
  const classifier = trainClassifier(docs.map((d) => ({ intent: d.intent, features: toFeatures(d.tokens) })), options);

  const findMetrics = (tokens: readonly string[]): string[] => {
    const found: string[] = [];
    const line = ` ${tokens.join(' ')} `;
    for (const p of metricPhrases) {
      if (!found.includes(p.key) && line.includes(` ${p.words.join(' ')} `)) found.push(p.key);
    }
    return found.sort((a, b) => firstIndex(line, a) - firstIndex(line, b));
    function firstIndex(l: string, key: string) {
      const ps = metricPhrases.filter((p) => p.key === key).map((p) => l.indexOf(` ${p.words.join(' ')} `)).filter((i) => i >= 0);
      return Math.min(...ps);
    }
  };

  // Many messages repeat word for word (suggested-question buttons, deep links, a question shared in
  // a group), so recent results are kept. Understanding depends only on the text, never on the chat.
  const recent = new Map<string, Understanding>();
  return function understand(text: string): Understanding {
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
  };

  function understandAfresh(text: string): Understanding {
    const normalised = normalise(text);
    const { places, tokens: placed } = findPlaces.find(words(normalised));
    const plain = translate(translate(placed).map(correct));
    const features = toFeatures(plain);
    const content = plain.filter((t) => !STOPWORDS.has(t) && t !== PLACE_TOKEN && !/^\d+$/.test(t));
    // Words only off-topic examples use count fully against; words never seen, half (they may be typos or names).
    const inScope = content.filter((t) => inScopeWords.has(t)).length;
    const unseen = content.filter((t) => !vocabulary.has(t)).length;
    const offTopic = content.length - inScope - unseen;
    const padded = ` ${plain.join(' ')} `;
    const rawPadded = ` ${normalised} `;
    const triggered = triggers.find((t) => padded.includes(t.phrase) || rawPadded.includes(t.phrase))?.id;
    return {
      normalised,
      places,
      metrics: findMetrics(plain),
      regionWide: plain.some((t) => REGION_WORDS.has(t)),
      fewest: plain.some((t) => FEWEST_WORDS.has(t)),
      otherPeriod: otherPeriod(rawPadded),
      onlyPlaces: places.length > 0 && plain.every((t) => t === PLACE_TOKEN || FOLLOW_UP_FILLER.has(t)),
      features,
      coverage: content.length === 0 ? 1 : inScope / (inScope + offTopic + unseen / 2),
      ranked: classifier.rank(features),
      ...(triggered ? { triggered } : {}),
    };
  }
}

export type Understand = ReturnType<typeof createUnderstanding>;
