import { actOfIntent } from './act.js';
import type { FrameParts } from '../frame/build.js';
import { answerCounties, countyKind } from '../frame/places.js';
import { latestOperation } from '../knowledge/knowledge.js';
import { operationStep } from '../frame/operation.js';
import type { FramePlace, OperationKind } from '../frame/types.js';
import { FALLBACK_INTENT, type Intent } from '../intents/load.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { isQuestion, splitClauses } from '../nlu/clauses.js';
import { PLACE_TOKEN, type PlaceMention } from '../nlu/places.js';
import { normalise, words } from '../nlu/normalise.js';
import { alternativesOf, phrasesIn, wordSetOf } from '../nlu/phrases.js';
import { englishWords } from '../knowledge/languages.js';
import type { Words } from '../knowledge/language-words.js';
import type { Understanding } from '../nlu/understand.js';
import { answersWithFigures, asksForFigures, type Choice, type Classified, type EngineDeps } from './choose.js';
import { intentForMetric } from './answers.js';

/**
 * A message, part by part. Each part is a clause with its own frame and the classifier's choice; the frame
 * decides what the part asks for ({@link decide}); a part that asks for figures takes from the part before it,
 * or from the conversation, what it lacks ({@link followUp}); figure parts next to each other are answered
 * as one list.
 */

/** One part of a message as read: its words, its frame and what the classifier made of it. */
export interface PartReading {
  text: string;
  u: Understanding;
  frame: FrameParts;
  classified: Classified;
}

/** What one part asks for, decided from its frame. */
export type Asked =
  /** Figures: those named (possibly none, when the places or a follow-up say enough); `via` is a figure topic the classifier chose. */
  | { kind: 'figures'; metrics: string[]; via?: Intent; rule: string }
  /** A topic answered in words: what county lines is, how to report, signs... */
  | { kind: 'text'; choice: Choice; rule: string }
  /** How to contact the police or Crimestoppers. */
  | { kind: 'contact'; rule: string }
  /** Nothing to answer in this part; `out` when the classifier is sure it is about something else. */
  | { kind: 'none'; out: boolean; rule: string };

/** What a conversation (or an earlier part of the message) answered last: figure and county keys only, never text. */
export interface Recall {
  metrics: string[];
  /** Keys of the places answered: counties (a town as its county) and places outside the region. */
  places: string[];
  /** The whole region was answered. */
  region: boolean;
  /** The counties answered before those, for "which one had more?" and "add them together". */
  earlier: string[];
  /** The figures answered before those, for the same places, for "and kent for both?" (left out when none). */
  earlierMetrics?: string[];
}

/** Operations that work figures out or rank them, rather than give them. */
const WORKING: ReadonlySet<OperationKind> = new Set(['sum', 'share', 'per_day', 'confirm', 'difference', 'ratio', 'except', 'most', 'fewest', 'versus']);
/** Operations that work out a new figure from published ones: asking for one is asking for figures, whatever the topic. */
const CALCULATING: ReadonlySet<OperationKind> = new Set(['sum', 'share', 'difference', 'ratio', 'except']);
/** Operations that rank places. */
export const RANKING: ReadonlySet<OperationKind> = new Set(['most', 'fewest', 'versus']);

/** Operations that set two or more places against each other or add them up. */
const combines = (kind: OperationKind) => RANKING.has(kind) || kind === 'sum' || kind === 'difference';

/** Acts that are only social: dropped when another part of the message is answered. */
const SOCIAL = new Set(['greeting', 'help']);

/** Where each place mention sits among the words, when the places finder put one marker per mention. */
function mentionsAt(u: Understanding): { mention: PlaceMention; at: number }[] {
  const at = u.tokens.flatMap((t, i) => (t === PLACE_TOKEN ? [i] : []));
  return at.length === u.mentions.length ? u.mentions.map((mention, i) => ({ mention, at: at[i]! })) : [];
}

/** Whether one of the phrases ends right before word `i`. */
const endsBefore = (tokens: readonly string[], i: number, phrases: ReadonlySet<string>) => {
  for (let n = 1; n <= 3 && n <= i; n++) if (phrases.has(tokens.slice(i - n, i).join(' '))) return true;
  return false;
};

/** The county a message says the person lives in ("i live in luton", "im from colchester"): the key only. */
export function livesIn(u: Understanding, words: Pick<Words, 'lives_in'>): string | undefined {
  const before = wordSetOf(words.lives_in);
  return mentionsAt(u).find(({ at }) => endsBefore(u.tokens, at, before))?.mention.key;
}

/**
 * The county a message says is the person's own: where they live ("i live in luton", "im from colchester"), or
 * the one place of a story about themselves that asks nothing and names no figure ("I drive a cab in Stevenage",
 * "my son goes to college in Colchester"). The key only.
 */
export function homeOf(u: Understanding, words: Pick<Words, 'lives_in' | 'own_story' | 'question_starts' | 'joiners'>): string | undefined {
  const said = livesIn(u, words);
  if (said) return said;
  const keys = new Set(u.mentions.map((m) => m.key));
  return keys.size === 1 && u.metrics.length === 0 && tellsOwnStory(u, words) && !isQuestion(u.whole, words) ? [...keys][0] : undefined;
}

/** Places a message takes back ("I said Herts, not Beds"): keys of the counties or towns' counties. */
export function placesTakenBack(u: Understanding, words: Pick<Words, 'taken_back'>): Set<string> {
  const takenBack = wordSetOf(words.taken_back);
  return new Set(mentionsAt(u).filter(({ at }) => endsBefore(u.tokens, at, takenBack)).map(({ mention }) => mention.key));
}

/** Whether the part asks about the person's own area ("how many arrests round here"). */
export function asksNearMe(u: Understanding, words: Pick<Words, 'near_me'>): boolean {
  return phrasesIn(words.near_me).has(u.tokens);
}

/** Whether the part points back to what was just answered ("how many of those in essex", "and kent?", "which one had more"). */
export function pointsBack(u: Understanding, words: Pick<Words, 'points_back' | 'follow_up_openers'>): boolean {
  return phrasesIn(words.points_back).has(u.tokens) || wordSetOf(words.follow_up_openers).has(u.tokens[0] ?? '') || u.tokens.length <= 3;
}

/**
 * Splits a message (or the question within it) into the clauses each asked as a part: sentences and clauses
 * (src/nlu/clauses.ts), and a second question joined on with "and" and no comma ("what is county lines and how
 * many were arrested in essex"). Only a question word after the "and" starts a new part, so "knives and arrests" stays one.
 */
export function splitParts(text: string, words: Words): string[] {
  return splitClauses(text, words).flatMap((c) => c.split(secondQuestion(words))).map((c) => c.trim()).filter((c) => /[\p{L}\p{N}]/u.test(c));
}

const secondQuestions = new WeakMap<readonly string[], RegExp>();
/** "and" (or another word of `second_question`) followed by a word of `second_question_starts`: where a second question starts. */
function secondQuestion(words: Pick<Words, 'second_question' | 'second_question_starts'>): RegExp {
  let re = secondQuestions.get(words.second_question);
  if (!re) {
    // Signs ("&", "+") are joiners as typed: they are no words, so they are matched as they are.
    const signs = words.second_question.filter((w) => !/[\p{L}\p{N}]/u.test(w)).map((w) => w.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const joiners = [alternativesOf(words.second_question), ...signs].join('|');
    re = new RegExp(`\\s+(?:${joiners})\\s+(?=(?:${alternativesOf(words.second_question_starts)})\\b)`, 'gi');
    secondQuestions.set(words.second_question, re);
  }
  return re;
}

/** What is known besides the part itself: whether figures were answered before it, and whether the person said where they live. */
export interface Before {
  /** Figures or places were answered earlier in the message or the conversation. */
  answered: boolean;
  /** The person's county is known ("i live in luton"). */
  home: boolean;
  /** The topic answered in words just before (in the message or the conversation), for "who said that?". */
  topic?: Intent;
}

/**
 * Whether a part follows up what was just answered: it points back ("those", "there", "which one"), corrects
 * ("no, norfolk", "i meant herts", "sorry typo, kent"), or asks "near me" when the person's county is known,
 * and names a place, a figure, the region or a working-out, or nothing but that.
 */
export function followsUp(part: PartReading, before: Before, words: Words): boolean {
  const { u, frame } = part;
  if (!before.answered && !(before.home && asksNearMe(u, words))) return false;
  // Names something, or asks to compare or add up what was answered ("whats the difference between them", "add those up").
  const typed = u.normalised === '' ? [] : u.normalised.split(' ');
  const combining = combines(operationStep(typed, 2, frame.weeks.length, { metrics: frame.metrics.length }, words).value.kind);
  // The person's own area names a place when they have said where they are ("anything for my area?").
  const names = frame.places.length > 0 || frame.metrics.length > 0 || WORKING.has(frame.operation.kind) || asksForFigures(u.tokens, words) || combining || (before.home && asksNearMe(u, words));
  return (pointsBack(u, words) || asksNearMe(u, words) || asksSameCount(part, words) || combinesAnswered(part, words)) && (names || u.tokens.length <= 3);
}

/**
 * Whether a short part adds up or compares with nothing named, so works on what was answered ("add all three up",
 * "what's the difference"); a longer one names what it compares ("the difference between cuckooing and county lines").
 */
export function combinesAnswered(part: PartReading, words: Words): boolean {
  const { u, frame } = part;
  if (frame.places.length > 0 || frame.metrics.length > 0 || u.tokens.length > SHORT_WORKING) return false;
  const typed = u.normalised === '' ? [] : u.normalised.split(' ');
  return combines(operationStep(typed, 2, frame.weeks.length, { metrics: 0 }, words).value.kind);
}

/**
 * Whether a part asks for nothing but the figures or a count of the places it names, with no word for what
 * is counted ("how many in kent", "what were the numbers for herts please"): every word is a place, a word
 * that asks for figures or one that adds nothing (`stopwords`, `follow_up_filler`).
 */
export function asksPlaceFigures(tokens: readonly string[], words: Pick<Words, 'asks_figures' | 'asks_count' | 'stopwords' | 'follow_up_filler' | 'region_itself' | 'region_total'>): boolean {
  const asks = phrasesIn(words.asks_figures, words.asks_count).all(tokens);
  // The region is a place too: "and how many across the whole region?"
  const region = wordSetOf(words.region_itself, words.region_total);
  const isPlace = (t: string) => t === PLACE_TOKEN || region.has(t);
  const asked = new Set(asks.flatMap((h) => Array.from({ length: h.length }, (_, k) => h.at + k)));
  if (asks.length === 0 || !tokens.some(isPlace)) return false;
  const filler = wordSetOf(words.stopwords, words.follow_up_filler);
  return tokens.every((t, i) => asked.has(i) || isPlace(t) || filler.has(t));
}

/**
 * Whether a part says nothing but that it points back: "and them?", "what about those". It follows up what was
 * answered, whatever topic the classifier guesses from so few words.
 */
export function onlyPointsBack(u: Understanding, words: Pick<Words, 'points_back' | 'follow_up_openers' | 'joiners' | 'stopwords' | 'follow_up_filler'>): boolean {
  const pointers = phrasesIn(words.points_back).all(u.tokens);
  if (pointers.length === 0) return false;
  const pointed = new Set(pointers.flatMap((h) => Array.from({ length: h.length }, (_, k) => h.at + k)));
  const adds = wordSetOf(words.follow_up_openers, words.joiners, words.stopwords, words.follow_up_filler);
  return u.tokens.every((t, i) => pointed.has(i) || adds.has(t));
}

/** The most words of a question that follows up a topic answered in words without naming one. */
const SHORT_FOLLOW = 6;

/**
 * Whether a part the classifier cannot place is a question about the topic just answered in words: short, a
 * question or pointing back, naming no figure or place, and not something the classifier is sure is off the
 * subject ("who said that?" after the police statement, "who else" after the partners, "and who is she").
 */
export function followsTopic(part: PartReading, words: Pick<Words, 'points_back' | 'question_starts' | 'joiners'>): boolean {
  const { u, frame, classified } = part;
  if (classified === 'out' || frame.metrics.length > 0 || frame.places.length > 0 || u.tokens.length === 0 || u.tokens.length > SHORT_FOLLOW) return false;
  return phrasesIn(words.points_back).has(u.tokens) || isQuestion(part.text, words);
}

/**
 * Whether a part asks for a count of something it leaves unsaid, in a place it names ("how many in kent?",
 * "how many did they get in norfolk"): after figures, the same figure again.
 */
export function asksSameCount(part: PartReading, words: Pick<Words, 'asks_figures' | 'asks_count' | 'stopwords' | 'follow_up_filler' | 'region_itself' | 'region_total'>): boolean {
  const { frame, u } = part;
  return frame.metrics.length === 0 && frame.facet === null && phrasesIn(words.asks_count).has(u.tokens) && asksPlaceFigures(u.tokens, words);
}

/**
 * What a part asks for. The frame decides figures; the classifier chooses among the topics answered in words.
 * - A contact question gets the numbers, unless the topic chosen is how to report.
 * - A follow-up ("and kent?", "no, i meant norfolk", "add them together") asks for figures, whatever the
 *   classifier guesses from so few words.
 * - A topic answered in words wins, unless the part asks for figures it names ("how many arrests for my
 *   school project", "hemel hempstead arrests").
 * - Figures named, a working-out asked for (a sum, a share, a ranking, a check), or a figure topic chosen:
 *   figures. A figure named in someone's own story ("can i get my cash back") is not asking for it.
 * - Places on their own, a breakdown, another time: figures too, for what was published (or that it was not).
 * - A place with words the bot has never seen and nothing of the week asked, the classifier not sure: a question
 *   about something else there ({@link aboutSomethingElseIn}), turned down.
 * Anything else, or a part the classifier is sure is about something else, asks nothing the bot answers.
 */
export function decide(part: PartReading, deps: EngineDeps, before: Before): Asked {
  const { u, frame, classified } = part;
  const words = englishWords(deps.knowledge.languages);
  const chosen = classified === 'out' ? undefined : classified;
  const text = chosen && !answersWithFigures(chosen.intent) ? chosen : undefined;
  const metrics = frame.metrics.filter((m) => !u.ownMetrics.includes(m));
  const kind = frame.operation.kind;
  // A rate needs a figure named ("a night or two" in a story is no rate), a check a figure or one place; a ranking or a sum needs places or an answer before.
  const working =
    WORKING.has(kind) &&
    (metrics.length > 0 || (kind === 'confirm' && frame.counties.length === 1) || ((RANKING.has(kind) || kind === 'sum' || kind === 'difference') && (frame.counties.length >= 2 || before.answered)));
  const asking = asksForFigures(u.tokens, words) || working;
  // Only a place said to be where the person lives makes a part about it: "lost my wallet in cambridge" is not.
  const home = livesIn(u, words) !== undefined;
  // A breakdown named after figures ("names?") asks it of them, whatever topic its words lean to.
  const breakdown = frame.facet !== null && !tellsOwnStory(u, words);
  const following = followsUp(part, before, words) && !(text && !tellsOwnStory(u, words) && frame.places.length === 0 && frame.metrics.length === 0 && !breakdown && !pointsBack(u, words));
  // In scope: a follow-up, nothing but places ("any figures for ely?"), a home, or the classifier not sure it is
  // about something else and most words on the bot's subject. A question for figures counts when the
  // classifier's best guess does not lean elsewhere; another week asked about counts however few words are known.
  const leansOut = u.ranked[0]?.intent === FALLBACK_INTENT;
  const otherTime = frame.time.kind !== 'none' && frame.weeks.length === 0;
  const inScope =
    following ||
    u.onlyPlaces ||
    home ||
    (classified !== 'out' && (u.coverage >= deps.match.minCoverage || (asking && !leansOut && topAgrees(u, metrics, deps)) || (working && metrics.length > 0) || otherTime || understood(part, metrics, deps, tellsOwnStory(u, words))));
  if (frame.contact.value && !(text && actOfIntent(text.intent) === 'report')) return { kind: 'contact', rule: frame.contact.rule };
  // Adding up or comparing what was answered, unless the classifier is sure of a topic answered in words ("what's the difference between cuckooing and county lines").
  const onAnswered = combinesAnswered(part, words) && !(text && text.confidence >= SURE);
  if (following && (metrics.length > 0 || frame.places.length > 0 || working || onAnswered || breakdown || !text || onlyPointsBack(u, words))) return { kind: 'figures', metrics, rule: 'follow-up' };
  if (text) {
    // The part asks for figures it names: a figure question ("how many arrests for my project"), a working-out,
    // a figure for a place with no story around it ("hemel hempstead county lines arrests"), or a breakdown
    // of the week's figures put as a question rather than something to report ("the names of those arrested in essex").
    const act = actOfIntent(text.intent);
    const figuresToo =
      !text.intent.danger &&
      act !== 'greeting' &&
      (metrics.length > 0 || frame.counties.length > 0) &&
      (asksFiguresBeside(text, u.tokens, words) || (CALCULATING.has(kind) && metrics.length > 0) || (metrics.length > 0 && !tellsOwnStory(u, words) && namesOnlyFigures(u.tokens, metrics, deps.knowledge, words)) || (!tellsOwnStory(u, words) && metrics.length > 0 && (frame.counties.length > 0 || (frame.facet !== null && act === 'report'))));
    return figuresToo ? { kind: 'figures', metrics, rule: 'figures-asked' } : { kind: 'text', choice: text, rule: text.rule };
  }
  // Figures named only as someone's own ("can i get my cash back") are no question about the week's.
  const ownOnly = frame.metrics.length > 0 && metrics.length === 0;
  if (!asking && !(chosen && chosen.confidence >= SURE) && aboutSomethingElseIn(part, metrics, working, home)) return { kind: 'none', out: false, rule: 'something-else-there' };
  if (chosen && !ownOnly) return { kind: 'figures', metrics: figuresOfTopic(metrics, chosen, part, deps), via: chosen.intent, rule: chosen.rule };
  if (before.topic && !ownOnly && followsTopic(part, words)) return { kind: 'text', choice: { intent: before.topic, confidence: 0, rule: 'follows-topic' }, rule: 'follows-topic' };
  if (!inScope || ownOnly) return { kind: 'none', out: classified === 'out', rule: ownOnly ? 'own-things' : classified === 'out' ? 'out-of-scope' : 'not-about-the-week' };
  // A figure named in a sentence of the person's own story that asks nothing ("my son has been arrested in kent for
  // carrying drugs.") is part of the story, not a question about the week's figures.
  if (metrics.length > 0 && tellsOwnStory(u, words) && !asking && !isQuestion(part.text, words)) return { kind: 'none', out: false, rule: 'own-story' };
  // A figure named with words the bot has never seen and no place ("how much is a knife block at argos") is about something else.
  if (metrics.length > 0 && (frame.leftovers.length === 0 || frame.places.length > 0)) return { kind: 'figures', metrics, rule: 'figures-named' };
  if (working) return { kind: 'figures', metrics, rule: 'working-asked' };
  // Places alone ("kent?", "i live in luton", "any figures for ely") or a count of nothing unknown ("how many in kent") get what
  // was published there; a question about something else in a place does not.
  if (frame.places.length > 0 && (u.onlyPlaces || home || asksPlaceFigures(u.tokens, words) || (!asksForFigures(u.tokens, words) && !leansOut))) return { kind: 'figures', metrics: [], rule: 'places-named' };
  // A breakdown named in someone's own story, with no figure asked for ("kid in the back of my cab"), asks none.
  const storyBreakdown = frame.facet !== null && tellsOwnStory(u, words) && !asking && metrics.length === 0;
  if ((frame.facet && !storyBreakdown) || otherTime) return { kind: 'figures', metrics: [], rule: 'breakdown-or-time' };
  const leaning = leansToTopic(part, deps, words);
  if (leaning) return { kind: 'text', choice: leaning, rule: 'question-leans' };
  return { kind: 'none', out: classified === 'out', rule: classified === 'out' ? 'out-of-scope' : 'nothing-understood' };
}

/** The fewest words the bot has never seen that make a question naming a place one about something else there. */
export const SOMETHING_ELSE_WORDS = 2;

/**
 * Whether a part names a place but asks about something else there: at least {@link SOMETHING_ELSE_WORDS} words
 * the bot has never seen, and no figure, breakdown, other time or working-out ("when do they collect the rubbish
 * on my street in luton"), and not where the person lives. It is turned down, not given the county's figures,
 * unless the classifier is sure of a topic ("for our parish newsletter in hitchin, sum up what herts got").
 */
export function aboutSomethingElseIn(part: PartReading, metrics: readonly string[], working: boolean, home: boolean): boolean {
  const { frame } = part;
  return frame.places.length > 0 && frame.leftovers.length >= SOMETHING_ELSE_WORDS && metrics.length === 0 && frame.metrics.length === 0 && frame.facet === null && !working && !home && frame.time.kind === 'none';
}

/** The fewest words of a question answered with the topic it leans to: "who else" says too little. */
const LEANING_WORDS = 4;

/**
 * The topic a question on the bot's subject leans to when the classifier is not sure enough to choose: every
 * word known, a question, nothing named for figures, and its best guess a topic answered in words that scores
 * the minimum, though close to the runner-up ("and how would i report one"). Answered rather than dropped;
 * a question of fewer than four words says too little to lean.
 */
export function leansToTopic(part: PartReading, deps: EngineDeps, words: Pick<Words, 'question_starts' | 'joiners'>): Choice | undefined {
  const { u, frame, classified } = part;
  const top = u.ranked[0];
  const intent = top && deps.byId.get(top.intent);
  if (classified !== undefined || !intent || intent.danger || top.intent === FALLBACK_INTENT || answersWithFigures(intent)) return undefined;
  if (frame.metrics.length > 0 || frame.places.length > 0 || u.coverage < 1 || top.score < deps.match.minScore || u.tokens.length < LEANING_WORDS || !isQuestion(part.text, words)) return undefined;
  return { intent, confidence: top.score, rule: 'question-leans' };
}

/**
 * The figures a part asks for when the classifier chose a figure topic: those the frame names, with the
 * topic's own figure when the classifier is sure of it and the frame names others its topic does not answer
 * ("did they help any of the kids or just arrest people": safeguarded, and arrests). The topic's figure alone
 * when the frame names none, except for a check of a number, which finds its own figure.
 */
export function figuresOfTopic(metrics: readonly string[], chosen: Choice, part: PartReading, deps: EngineDeps): string[] {
  const own = chosen.intent.metric;
  if (!own) return [...metrics];
  if (metrics.length === 0) return part.frame.operation.kind === 'confirm' && part.frame.operation.number !== undefined ? [] : [own];
  const answeredByTopic = metrics.some((m) => m === own || intentForMetric(m, deps) === chosen.intent);
  return answeredByTopic || chosen.confidence < SURE || part.u.notMeant.includes(own) ? [...metrics] : [own, ...metrics];
}

/**
 * Whether a part for which a topic answered in words was chosen asks for figures too. When the classifier is sure
 * of the topic and no place is named, a word that asks for figures but that the topic's own examples use ("seized"
 * in "what happens to money seized from dealers") is the topic's, not a question for figures.
 */
export function asksFiguresBeside(text: Choice, tokens: readonly string[], words: Pick<Words, 'asks_figures' | 'asks_count'>): boolean {
  const asks = phrasesIn(words.asks_figures, words.asks_count).all(tokens);
  if (text.confidence < SURE || tokens.includes(PLACE_TOKEN)) return asks.length > 0;
  const own = wordsOfExamples(text.intent);
  return asks.some((h) => !tokens.slice(h.at, h.at + h.length).every((w) => own.has(w)));
}

/**
 * Whether a part is a list of figures and nothing more, with the words that ask for them, join them or add nothing:
 * "weapons, phones and cash?", "drugs £ and cash £ and phones". It asks for those figures, whatever topic its words
 * lean to. One figure is no list: "whats a deal line" asks what it is; nor is "what are county lines arrests about".
 */
export function namesOnlyFigures(
  tokens: readonly string[],
  metrics: readonly string[],
  knowledge: Pick<Knowledge, 'metrics'>,
  words: Pick<Words, 'asks_figures' | 'asks_count' | 'stopwords' | 'follow_up_filler' | 'joiners' | 'region_itself' | 'region_total'>,
): boolean {
  // The figures as the frame read them: "county lines" is the subject, not the figure "lines".
  if (metrics.length < 2) return false;
  const named = phrasesIn(...[...knowledge.metrics.values()].map((m) => m.words)).all(tokens);
  const read = new Set([...named, ...phrasesIn(words.asks_figures, words.asks_count).all(tokens)].flatMap((h) => Array.from({ length: h.length }, (_, k) => h.at + k)));
  const adds = wordSetOf(words.stopwords, words.follow_up_filler, words.joiners, words.region_itself, words.region_total);
  return tokens.every((t, i) => read.has(i) || adds.has(t) || t === PLACE_TOKEN || !LETTER.test(t));
}

/** A word, not a sign. */
const LETTER = /\p{L}/u;

/** The words of a topic's examples, read once per topic. */
function wordsOfExamples(intent: Intent): ReadonlySet<string> {
  let known = exampleWords.get(intent);
  if (!known) exampleWords.set(intent, (known = new Set(intent.examples.flatMap((e) => words(normalise(e))))));
  return known;
}
const exampleWords = new WeakMap<Intent, ReadonlySet<string>>();

/** The most words of a part that adds up or compares what was answered without naming it. */
const SHORT_WORKING = 4;

/** The classifier's score above which its figure topic counts even when the frame names another figure. */
const SURE = 0.9;

/**
 * Whether the frame understood the part: a figure and a place, and fewer words the bot has never seen than
 * figures and places it read ("Essex, Kent, Cambs - arrests for each"; "essex n kent arsts who had mor"; "cate deal
 * lines in kent"); words the frame read as a time or a breakdown count as understood. What was understood is
 * answered, not refused. A part telling the person's own story may leave one word fewer unknown: "did suffolk
 * police ever catch whoever nicked my bike" is about their bike.
 */
export function understood(part: PartReading, metrics: readonly string[], deps: EngineDeps, ownStory = false): boolean {
  const read = metrics.length + part.frame.places.length;
  return metrics.length > 0 && part.frame.places.length > 0 && part.frame.leftovers.length < read - (ownStory ? 1 : 0) && part.u.ranked[0]?.intent !== FALLBACK_INTENT && topAgrees(part.u, metrics, deps);
}

/** Whether a part tells the person's own story rather than asking about the week: with one of `own_story`, a figure named is part of the story ("my son was arrested in luton"). */
export function tellsOwnStory(u: Understanding, words: Pick<Words, 'own_story'>): boolean {
  const own = wordSetOf(words.own_story);
  return u.tokens.some((t) => own.has(t));
}

/**
 * Whether the classifier's best guess, sure or not, is a topic of a figure the part names ("how mny nifes in
 * essex": weapons, for knives). A figure question whose best guess is some other figure ("how many drug deaths
 * in essex": deal lines) is about something the bot has no figure for.
 */
export function topAgrees(u: Understanding, metrics: readonly string[], deps: EngineDeps): boolean {
  const top = u.ranked[0] && deps.byId.get(u.ranked[0].intent);
  if (!top || !answersWithFigures(top)) return true;
  return metrics.length === 0 || !top.metric || metrics.some((m) => m === top.metric || intentForMetric(m, deps) === top);
}

/**
 * Whether the parts of a message are sentences of one story rather than several questions: none is a question
 * (a question word first or a question mark last), and none names a place or a figure other than the person's
 * own ("hes got a cut on his hand he wont explain... i feel like im losing him"). A story is read whole.
 */
export function tellsOneStory(parts: readonly PartReading[], words: Pick<Words, 'question_starts' | 'joiners'>): boolean {
  return parts.every((p) => !isQuestion(p.text, words) && p.frame.places.length === 0 && p.frame.metrics.every((m) => p.u.ownMetrics.includes(m)));
}

/** Whether an answered part is only social ("hi", "thanks") and can go when another part is answered. */
export function onlySocial(asked: Asked): boolean {
  return asked.kind === 'text' && SOCIAL.has(actOfIntent(asked.choice.intent));
}

/** A figure part's frame after following up: its counties, figures and operation, and what it took from before. */
export interface Followed {
  frame: FrameParts;
  metrics: string[];
  /** The counties came from before (the last answer), not from this part. */
  fromContext: boolean;
  rule: string;
}

/**
 * The follow-up rule: a figure part takes from what was answered last whatever it lacks, and keeps what it
 * names. No figure named: the last figures ("and kent?", "no, I meant Norfolk", "the whole region?"). No
 * place named: the last places ("and weapons there?"), or the person's own county for "near me". A ranking
 * or a sum with fewer than two places: the places answered last and before ("which one had more?").
 * Places taken back ("Herts, not Beds") are dropped. The operation is read again with the places it now has.
 */
export function followUp(part: PartReading, asked: Asked & { kind: 'figures' }, recall: Recall | undefined, home: string | undefined, knowledge: Knowledge): Followed {
  const { u, frame } = part;
  const words = englishWords(knowledge.languages);
  const takenBack = placesTakenBack(u, words);
  // "I said Herts, not Beds": a place taken back goes, unless nothing else is named.
  const kept = (key: string | undefined) => !(key && takenBack.has(key) && frame.places.some((q) => q.key && !takenBack.has(q.key)));
  let places: FramePlace[] = frame.places.filter((p) => kept(p.county ?? p.key));
  let counties = frame.counties.filter(kept);
  let metrics = asked.metrics;
  const rules: string[] = [];
  // "and how many in the rest of the region": the region without the county answered before, not the region itself.
  const restOfRegion = counties.length <= 1 && phrasesIn(words.rest_of_region).has(u.tokens);
  if (totalsAnswered(u, counties, recall, words)) places = places.filter((p) => p.kind !== 'region');
  // The region named as the whole of a share ("what percentage of the regional total is that") is no place asked: the part is.
  const regionNamed = places.some((p) => p.kind === 'region') && !restOfRegion && frame.operation.kind !== 'share';
  const outside = places.some((p) => p.kind === 'outside_region');
  let fromContext = false;
  // "round here", or "there" when nothing was answered since the person said where they are.
  if (counties.length === 0 && !regionNamed && !outside && home && (asksNearMe(u, words) || (pointsBack(u, words) && !recall?.places.length))) {
    counties = [home];
    places = [...places, { kind: knowledge.places.get(home)?.in_region ? 'county_with_figures' : 'outside_region', key: home, said: home }];
    rules.push('near-me');
  }
  const typed = u.normalised === '' ? [] : u.normalised.split(' ');
  if (recall) {
    if (metrics.length === 0 && (!asked.via || u.onlyPlaces || pointsBack(u, words)) && recall.metrics.length > 0 && !(frame.facet && !pointsBack(u, words))) {
      metrics = figuresAnsweredFor(u, recall, words);
      rules.push(metrics.length > recall.metrics.length ? 'figures-before' : 'same-figures');
    }
    if (counties.length === 0 && !regionNamed && !outside && !(combines(frame.operation.kind) && !pointsBack(u, words))) {
      // "which one had more?", "add them together": the places answered last and before, when that makes a comparison or a sum.
      const both = [...new Set([...recall.earlier, ...recall.places])];
      // "and deal lines for both": the word stands for the places answered last and before.
      const forAll = both.length >= 2 && phrasesIn(words.answered_places).has(u.tokens);
      const together = both.length >= 2 && (forAll || ((pointsBack(u, words) || (frame.places.length === 0 && frame.metrics.length === 0)) && combines(operationStep(typed, both.length, frame.weeks.length, { metrics: metrics.length }, words).value.kind)));
      const taken = together ? both : recall.places;
      if (taken.length > 0 && !(asked.via && !asked.via.answer.county && !asked.via.answer.most)) {
        const op = frame.weeks[0] ?? latestOperation(knowledge);
        places = [...places, ...taken.map((key): FramePlace => ({ kind: countyKind(knowledge, op, key), key, said: key }))];
        counties = answerCounties(places);
        fromContext = true;
        rules.push(together ? 'places-before' : 'same-places');
      }
    }
  }
  const other = workedWithAnswered(part, counties, metrics.length, recall, words);
  if (other) {
    const op = frame.weeks[0] ?? latestOperation(knowledge);
    places = [...places.filter((p) => p.kind !== 'region'), { kind: countyKind(knowledge, op, other), key: other, said: other }];
    counties = [...counties, other];
    fromContext = true;
    rules.push('with-answered');
  }
  const operation = counties.length === frame.counties.length ? frame.operation : operationStep(typed, counties.length, frame.weeks.length, { metrics: metrics.length, except: restOfRegion }, words).value;
  return { frame: { ...frame, places, counties, metrics, operation }, metrics, fromContext, rule: rules.join('+') || 'as-asked' };
}

/**
 * Whether a part asks for the total of the places just answered ("total of those three?", "add them up"), not the
 * region's: no county named, two or more answered, a word that stands for them, and the region not named itself.
 */
export function totalsAnswered(u: Understanding, counties: readonly string[], recall: Recall | undefined, words: Pick<Words, 'answered_places' | 'region_itself'>): boolean {
  const answered = (recall?.places.length ?? 0) + (recall?.earlier.length ?? 0);
  return counties.length === 0 && answered >= 2 && phrasesIn(words.answered_places).has(u.tokens) && !phrasesIn(words.region_itself).has(u.tokens);
}

/**
 * The county answered last that a working-out sets beside the one county a part names: "how many more in essex"
 * (after Essex and Kent: Kent), "whats that as a total with kent" (after Herts), "is that more than kent" (after
 * Essex). A sum or a comparison needs a word pointing back, since "and kent in total" is Kent's own total and
 * "more than kent?" may ask of Kent alone; a region named itself is the region's. A share that names no county
 * and points back is the share of the one county answered: "what % of the total is that".
 */
export function workedWithAnswered(part: PartReading, counties: readonly string[], metrics: number, recall: Recall | undefined, words: Words): string | undefined {
  const { u, frame } = part;
  if (!recall || counties.length > 1 || phrasesIn(words.region_itself).has(u.tokens)) return undefined;
  const back = phrasesIn(words.points_back, words.answered_places);
  const pointing = back.has(u.tokens);
  // The words that point back are not also the working-out: "the same for kent" compares nothing.
  const said = u.normalised === '' ? [] : u.normalised.split(' ');
  const pointers = new Set(back.all(said).flatMap((h) => Array.from({ length: h.length }, (_, k) => h.at + k)));
  const typed = said.filter((_, i) => !pointers.has(i));
  if (counties.length === 0) {
    const share = operationStep(typed, 1, frame.weeks.length, { metrics }, words).value.kind === 'share';
    return share && pointing && recall.places.length === 1 ? recall.places[0] : undefined;
  }
  const other = [...recall.places, ...[...recall.earlier].reverse()].find((key) => key !== counties[0]);
  const kind = operationStep(typed, 2, frame.weeks.length, { metrics }, words).value.kind;
  return other && (kind === 'difference' || ((kind === 'sum' || kind === 'versus') && pointing)) ? other : undefined;
}

/**
 * The figures a follow-up that names none takes from what was answered: the last figures, and those answered
 * before them for the same place when it says so ("and kent for both?" after Essex's arrests, then its deal lines).
 */
export function figuresAnsweredFor(u: Understanding, recall: Recall, words: Pick<Words, 'answered_figures'>): string[] {
  const before = recall.earlierMetrics ?? [];
  return before.length > 0 && recall.places.length <= 1 && phrasesIn(words.answered_figures).has(u.tokens) ? [...before, ...recall.metrics] : recall.metrics;
}

/** What a figure part answered, to remember for the next part or message. */
export function recallOf(followed: Followed, previous: Recall | undefined): Recall {
  const places = placeKeys(followed.frame.places);
  const region = followed.frame.places.some((p) => p.kind === 'region') || places.length === 0;
  const changed = previous && places.join() !== previous.places.join();
  // The places answered before, latest last, so "add all three up" after three places has them all.
  const earlier = changed ? [...new Set([...previous.earlier, ...previous.places])].filter((p) => !places.includes(p)).slice(-EARLIER_KEPT) : (previous?.earlier ?? []);
  // The figures answered before the last, for the same places: "and kent for both?" after arrests, then deal lines.
  const metrics = followed.metrics;
  const newFigures = previous !== undefined && !changed && metrics.join() !== previous.metrics.join();
  const before = newFigures ? [...new Set([...(previous.earlierMetrics ?? []), ...previous.metrics])] : changed ? [] : (previous?.earlierMetrics ?? []);
  const earlierMetrics = before.filter((m) => !metrics.includes(m)).slice(-EARLIER_KEPT);
  return { metrics, places, region, earlier, ...(earlierMetrics.length > 0 && { earlierMetrics }) };
}

/** How many places answered before the last are kept for "which one had more?" and "add them all up". */
const EARLIER_KEPT = 4;

/** The keys of the places a frame names (a town as its county), the region left out. */
export function placeKeys(places: readonly FramePlace[]): string[] {
  return [...new Set(places.flatMap((p) => (p.kind === 'region' ? [] : [p.county ?? p.key!])))];
}
