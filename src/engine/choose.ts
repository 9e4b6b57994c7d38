import { actOfIntent } from './act.js';
import { FALLBACK_INTENT, type Intent } from '../intents/load.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Understanding } from '../nlu/understand.js';
import type { SpeakerReading } from '../nlu/speaker.js';
import type { Words } from '../knowledge/language-words.js';
import { phrasesIn } from '../nlu/phrases.js';
import { englishWords } from '../knowledge/languages.js';

/** Thresholds of the rejection rule: below these the bot says it cannot help rather than guess. */
export interface MatchOptions {
  /** The best intent's score must reach this. */
  minScore: number;
  /** ...and beat the runner-up by this much. */
  minMargin: number;
  /** ...and the bot must know at least this share of the message's words. */
  minCoverage: number;
}

export const DEFAULT_MATCH: MatchOptions = { minScore: 0.3, minMargin: 0.15, minCoverage: 0.7 };

/** An intent chosen for a part of a message, with the rule that chose it. */
export interface Choice {
  intent: Intent;
  confidence: number;
  rule: string;
}

/** The intents and data the engine's rules consult. */
export interface EngineDeps {
  knowledge: Knowledge;
  byId: ReadonlyMap<string, Intent>;
  byMetric: ReadonlyMap<string, Intent>;
  fallback: Intent;
  comparison: Intent | undefined;
  emergency: Intent | undefined;
  match: MatchOptions;
}

/** What the classifier makes of a part: a topic, `out` when it is sure the part is about something else, or undefined when unsure. */
export type Classified = Choice | 'out' | undefined;

/**
 * The classifier's choice for one part of a message: a topic whose trigger phrase it holds, the topic whose
 * example it is word for word, or the best-ranked topic when it is sure enough (score, margin over the
 * runner-up, and share of the words the bot knows). The fallback topic chosen means out of scope. A danger
 * topic's phrases decide nothing here: the danger reading came first.
 */
export function classify(u: Understanding, deps: EngineDeps): Classified {
  const { byId, fallback, match } = deps;
  const triggered = u.triggered && byId.get(u.triggered);
  if (triggered && !triggered.danger) return { intent: triggered, confidence: 1, rule: 'trigger-phrase' };
  const exact = u.exact && byId.get(u.exact);
  if (exact) return exact === fallback ? 'out' : { intent: exact, confidence: 1, rule: 'exact-example' };
  const [top, second] = u.ranked;
  if (!top || u.coverage < match.minCoverage || top.score < match.minScore) return undefined;
  const intent = byId.get(top.intent);
  if (top.score - (second?.score ?? 0) < match.minMargin) return undefined;
  if (top.intent === FALLBACK_INTENT) return 'out';
  return intent && { intent, confidence: top.score, rule: 'classifier' };
}

/** Whether an intent answers with figures (a figure, the overview, a comparison) rather than text. */
export function answersWithFigures(intent: Intent): boolean {
  return actOfIntent(intent) === 'figure';
}

/**
 * The speaker rule for topics answered in words: a topic written for one kind of asker sends others to the
 * topic written for them (`speakers:` in its file), so a parent or a teacher worried about a child gets their own answer.
 */
export function speakerRoute(choice: Choice, speaker: SpeakerReading | undefined, byId: ReadonlyMap<string, Intent>): Choice {
  const target = speaker?.speaker && choice.intent.speakers?.[speaker.speaker];
  const intent = target ? byId.get(target) : undefined;
  return intent ? { intent, confidence: choice.confidence, rule: `${choice.rule}>speaker-${speaker!.speaker}` } : choice;
}

/** Whether a message asks for figures (`asks_figures` in data/lang/en.yaml), rather than telling a story that happens to name one ("paid in cash"). */
export function asksForFigures(tokens: readonly string[], words: Pick<Words, 'asks_figures'>): boolean {
  return phrasesIn(words.asks_figures).has(tokens);
}

/**
 * Unsure which guidance answer fits ("is it cuckooing or a young person in trouble?"), however weakly its best
 * guess leads, a message from a known asker whose best guess is a guidance answer gets the answer the fallback
 * intent names for them (`speakers:` in intents/fallback.yaml), never figures nor "I can't help": a teacher
 * describing a worry gets the guidance for staff, a parent whose son was arrested the guidance for parents.
 */
export function undecidedSpeakerRule(u: Understanding, speaker: SpeakerReading | undefined, deps: EngineDeps): Choice | undefined {
  // A known asker who asks for no figures is telling their story: figure topics ranked above the guidance are passed over.
  const asksFigures = asksForFigures(u.tokens, englishWords(deps.knowledge.languages));
  const ranked = asksFigures ? u.ranked : u.ranked.filter((r) => { const i = deps.byId.get(r.intent); return !i || actOfIntent(i) !== 'figure'; });
  // ...and so is the fallback when it does not lead by the margin that makes it sure: a parent's story is not "something else".
  const top = ranked[0]?.intent === FALLBACK_INTENT && ranked[1] && ranked[0].score - ranked[1].score < deps.match.minMargin ? ranked[1] : ranked[0];
  const target = speaker?.speaker && deps.fallback.speakers?.[speaker.speaker];
  const topIntent = top && deps.byId.get(top.intent);
  // The danger reading came first: a danger topic ranked top here is one more guidance answer to choose between.
  if (!target || !topIntent || actOfIntent(topIntent) === 'figure' || topIntent === deps.fallback) return undefined;
  if (u.coverage < deps.match.minCoverage) return undefined;
  const intent = deps.byId.get(target);
  return intent && { intent, confidence: top.score, rule: `undecided-speaker-${speaker!.speaker}` };
}
