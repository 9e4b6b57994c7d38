import { actOfIntent } from '../frame/act.js';
import { readFrame, type FrameParts, type FrameReader } from '../frame/build.js';
import { createDangerCheck, type DangerReading, type NextStep } from '../frame/danger.js';
import { ENGLISH, englishWords } from '../knowledge/languages.js';
import { NEXT_STEP_GUIDANCE } from '../knowledge/guidance.js';
import { findLanguage, type Detect, type LanguageReading } from '../nlu/language.js';
import { createWordLists, fold } from '../nlu/word-lists.js';
import { words } from '../nlu/normalise.js';
import { localise } from '../reply/localise.js';
import { createFacetFinder } from '../frame/facet.js';
import type { Act, Frame } from '../frame/types.js';
import { FALLBACK_INTENT, type Intent } from '../intents/load.js';
import { latestOperation, type Knowledge, type Operation } from '../knowledge/knowledge.js';
import { formatDateRange, formatFigure, groupThousands, listInWords } from '../knowledge/format.js';
import { createUnderstanding, type Understanding } from '../nlu/understand.js';
import { composeReply, type ReplyText } from '../reply/compose.js';
import { operationLookup, placeName } from '../reply/fields.js';
import { fillFirst } from '../reply/template.js';
import { readSpeaker, type SpeakerReading } from '../nlu/speaker.js';
import { compare } from './compare.js';
import { freshContext, type ChatContext } from './context.js';
import { chooseTone, type Tone } from './tone.js';
import {
  facetSays,
  figureOf,
  planCountySum,
  planDifference,
  planExcept,
  planMetricShare,
  planMetricSum,
  metricOf,
  otherTimeStatement,
  outsideStatements,
  planConfirm,
  planPerDay,
  planShare,
  planSum,
  planWeeks,
  say,
  templateFigures,
  timeNote,
  townStatements,
} from './plan.js';
import { namedServiceLines } from './services.js';
import { phraseSet } from '../nlu/phrases.js';

/** Thresholds of the rejection rule: below these the bot says it cannot help rather than guess. */
export interface MatchOptions {
  /** The best intent's score must reach this. */
  minScore: number;
  /** ...and beat the runner-up by this much. */
  minMargin: number;
  /** ...and the bot must know at least this share of the message's words. */
  minCoverage: number;
  /** The classifier's additive smoothing: lower lets a single training example count for more. */
  smoothing: number;
}

export const DEFAULT_MATCH: MatchOptions = { minScore: 0.3, minMargin: 0.15, minCoverage: 0.7, smoothing: 0.1 };

/** The engine's answer to one message. */
export interface EngineReply {
  /** Exactly what the user sees, footer included, no markup. */
  text: ReplyText;
  /** The matched intent, or null when nothing matched (the fallback). */
  intent: string | null;
  /** The score behind the decision, 0 to 1. */
  confidence: number;
  /** Questions to offer next. */
  followUps: string[];
  /** Someone may be in danger: 999 came first. */
  danger: boolean;
  /** The conversation's context after this message; store it for the next one. */
  context: ChatContext | undefined;
  /** The question frame: what was asked, part by part, and the rule that decided the reply. */
  frame: Frame;
  /** Set when the reply was written for a young person or for someone at work (see src/engine/tone.ts). */
  tone?: Tone;
  /** The message's language (a code of data/lang/ when the bot has that language, else en), and the rule that found it. */
  language: LanguageReading;
}

/** What the engine may be told besides the text. */
export interface AnswerOptions {
  /** Telegram's language_code for the user: a hint, used only when the text leaves the language open. */
  languageHint?: string;
}

/** What the engine may use besides the files: a language-detection package, loaded by the caller. */
export interface EngineTools {
  detect?: Detect;
}

/** The frame of a message nothing could be read from. */
export function emptyFrame(rule: string, act: Act = 'out_of_scope'): Frame {
  return { act, metrics: [], places: [], time: { kind: 'none', operations: [] }, facet: null, operation: { kind: 'value' }, leftovers: [], rule };
}

/** An intent chosen for a message, with the rule that chose it. */
interface Choice {
  intent: Intent;
  confidence: number;
  rule: string;
}


export interface Engine {
  /** Answers a message. Never throws: any failure still gives a reply with the footer. */
  answer(text: string, context?: ChatContext, now?: number, options?: AnswerOptions): EngineReply;
  /** Answers a topic (an intent id, optionally for one county) chosen from a button or link. */
  answerTopic(intentId: string, place?: string, context?: ChatContext, now?: number): EngineReply;
  readonly knowledge: Knowledge;
  readonly intents: readonly Intent[];
}

/** A sentence break inside a message (not at its end): it may hold chatter or a story around the question. */
const MORE_THAN_ONE_CLAUSE = /[.?!;]\s*\S/;

const EMPTY_BODY =
  "I didn't catch a question there. I can tell you about the county-lines week of action in the Eastern Region: arrests, weapons, deal lines and more, by county. Try \"how many arrests in Essex?\"";
const ERROR_BODY = "Sorry, something went wrong on my side and I couldn't answer that. Please try asking another way.";

/** Builds the answer engine: pure, no I/O; text and context in, reply out. */
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

const placeAware = (i: Intent | undefined) => Boolean(i && (i.answer.county || i.answer.most));

/**
 * Chooses the intent for a message from the classifier's ranking and the words that decide on their
 * own (comparing words, a follow-up naming only a county, an exact example, a figure named).
 * Emergencies are decided before this, by the frame's emergency rule.
 */
export function chooseIntent(u: Understanding, context: ChatContext | undefined, deps: EngineDeps): Choice | undefined {
  const { byId, byMetric, fallback, comparison, match } = deps;
  const [top, second] = u.ranked;
  // A danger topic's phrases are read by the danger reading, before this; here they decide nothing.
  const triggered = u.triggered && byId.get(u.triggered);
  if (triggered && !triggered.danger) return { intent: triggered, confidence: 1, rule: 'trigger-phrase' };
  const previous = context?.intent ? byId.get(context.intent) : undefined;
  if (u.comparing && comparison) return { intent: comparison, confidence: Math.max(top?.score ?? 0, 0.5), rule: 'comparing-words' };
  if (u.onlyPlaces) {
    const intent = placeAware(previous) ? previous! : byId.get('overview');
    if (intent) return { intent, confidence: top?.score ?? 1, rule: placeAware(previous) ? 'follow-up-place' : 'place-only-overview' };
  }
  // A message that is word for word one of the examples needs no guessing.
  const exact = u.exact && byId.get(u.exact);
  if (exact) return exact === fallback ? undefined : { intent: exact, confidence: 1, rule: 'exact-example' };
  if (top && u.coverage >= match.minCoverage && top.score >= match.minScore && top.score - (second?.score ?? 0) >= match.minMargin) {
    const intent = byId.get(top.intent);
    if (!intent || intent === fallback) return undefined;
    // "safeguarding numbers for the whole region" is about that one figure, not the whole picture.
    const named = u.metrics.length === 1 && intent.answer.region && !intent.metric && !intent.answer.most ? byMetric.get(u.metrics[0]!) : undefined;
    return { intent: named ?? intent, confidence: top.score, rule: named ? 'classifier-figure-named' : 'classifier' };
  }
  // A short question naming a figure ("blades?") is about that figure even if the wording is new.
  const metricIntent = u.metrics[0] && u.coverage >= match.minCoverage ? byMetric.get(u.metrics[0]) : undefined;
  return metricIntent && { intent: metricIntent, confidence: top?.score ?? 0, rule: 'figure-named' };
}

/** Figures of a county (or the region) whose published value is `n`: what "was it 28 in Kent?" is checking. */
export function metricsWithValue(op: Operation, county: string | undefined, n: number): string[] {
  const figures = county === undefined ? op.region : (op.counties[county] ?? {});
  return Object.entries(figures).filter(([, f]) => f.value === n).map(([m]) => m);
}

/** How far a number checked may be from a figure and still be taken as a check of that figure ("was it 30?" for 28). */
const NEAR_ENOUGH = 0.25;

/**
 * The figure of a place that a checked number is about when no figure is named: the one with that value,
 * else the nearest within {@link NEAR_ENOUGH} of it, so "was it 28 in Kent?" still checks Kent's arrests
 * after the figure is corrected to 29 (the reply then says no, and gives the figure).
 */
export function metricCheckedBy(op: Operation, county: string | undefined, n: number): string | undefined {
  const exact = metricsWithValue(op, county, n)[0];
  if (exact) return exact;
  const figures = county === undefined ? op.region : (op.counties[county] ?? {});
  const near = Object.entries(figures)
    .map(([m, f]) => ({ m, off: Math.abs(f.value - n) / Math.max(f.value, n, 1) }))
    .filter((x) => x.off <= NEAR_ENOUGH)
    .sort((a, b) => a.off - b.off);
  return near[0]?.m;
}

/**
 * A calculation or a check on figures needs no classifier: "arrests in essex and kent combined",
 * "what share of arrests", "was it 28 in kent?" go to the figure's intent (for a check with no figure
 * named, the figure of that place with that value).
 */
export function calculationRule(parts: FrameParts, deps: EngineDeps): Choice | undefined {
  const { kind, number } = parts.operation;
  if (kind !== 'sum' && kind !== 'share' && kind !== 'per_day' && kind !== 'confirm' && kind !== 'difference' && kind !== 'except') return undefined;
  const op = parts.weeks[0] ?? latestOperation(deps.knowledge);
  let metric = parts.metrics[0];
  if (!metric && kind === 'confirm' && number !== undefined && parts.counties.length === 1) metric = metricCheckedBy(op, parts.counties[0], number);
  if (!metric && kind === 'confirm' && parts.counties.length === 1) return deps.byId.has('overview') ? { intent: deps.byId.get('overview')!, confidence: 0.5, rule: 'confirm-no-figure-named' } : undefined;
  const intent = metric ? deps.byMetric.get(metric) : undefined;
  return intent && { intent, confidence: 0.5, rule: `calculation-${kind}` };
}

/**
 * The speaker rule for intents: an intent written for one kind of asker sends others to the intent written
 * for them (`speakers:` in its file), so a parent or a teacher worried about a child gets their own answer.
 */
export function speakerRoute(choice: Choice, speaker: SpeakerReading | undefined, byId: ReadonlyMap<string, Intent>, tokens: readonly string[] = []): Choice {
  // A figure intent keeps anyone who asks for its figures ("how many phones, im a teacher"); only a figure
  // word met in passing ("paid in cash", chosen by that word alone) lets the speaker decide.
  if (actOfIntent(choice.intent) === 'figure' && (asksForFigures(tokens) || !choice.rule.endsWith('figure-named'))) return choice;
  const target = speaker?.speaker && choice.intent.speakers?.[speaker.speaker];
  const intent = target ? byId.get(target) : undefined;
  return intent ? { intent, confidence: choice.confidence, rule: `${choice.rule}>speaker-${speaker!.speaker}` } : choice;
}

const FIGURE_WORDS = / (?:how (?:many|much)|number of|figures?|stats|statistics|total|seized|seize|results?|numbers) /;

/** Whether a message asks for figures, rather than telling a story that happens to name one ("paid in cash"). */
export function asksForFigures(tokens: readonly string[]): boolean {
  return FIGURE_WORDS.test(` ${tokens.join(' ')} `);
}

/**
 * Torn between two guidance answers ("is it cuckooing or a young person in trouble?"), a message from a
 * known asker gets the answer the fallback intent names for them (`speakers:` in intents/fallback.yaml),
 * never figures: a teacher or receptionist describing a worry gets the guidance for staff.
 */
export function undecidedSpeakerRule(u: Understanding, speaker: SpeakerReading | undefined, deps: EngineDeps): Choice | undefined {
  const [top] = u.ranked;
  const target = speaker?.speaker && deps.fallback.speakers?.[speaker.speaker];
  const topIntent = top && deps.byId.get(top.intent);
  if (!target || !topIntent || topIntent.danger || actOfIntent(topIntent) === 'figure' || topIntent === deps.fallback) return undefined;
  if (top.score < deps.match.minScore || u.coverage < deps.match.minCoverage) return undefined;
  const intent = deps.byId.get(target);
  return intent && { intent, confidence: top.score, rule: `undecided-speaker-${speaker!.speaker}` };
}

/** Operations that work out a figure from published ones. */
const CALCULATIONS = new Set(['sum', 'share', 'difference', 'except']);

/**
 * A calculation on a named figure ("if you add up the county arrests does it come to 151") is about
 * that figure, even when the classifier picked a text answer: the calculation rule decides instead.
 */
export function calculationOverFact(chosen: Choice, parts: FrameParts): boolean {
  if (chosen.intent.danger) return false;
  // "i heard 200 were arrested, true?" checks a figure; it is not a ranking of counties.
  if (chosen.intent.answer.most && parts.operation.kind === 'confirm' && parts.metrics.length > 0 && parts.counties.length <= 1) return true;
  return actOfIntent(chosen.intent) === 'fact' && parts.metrics.length > 0 && CALCULATIONS.has(parts.operation.kind);
}

/** Words of someone who wants to pass something on. */
const REPORTING = phraseSet(['report', 'reporting', 'tell someone', 'tell the police', 'ring', 'call', 'contact', 'who do i', 'where do i', 'pass on', 'anonymous', 'anonymously']);
/** How a question put to the bot opens: "can you give me the names of those arrested". */
const ASKING = phraseSet(['can you', 'could you', 'can u', 'could u', 'will you', 'what', 'whats', 'which', 'who', 'how', 'tell me', 'give me', 'any', 'are there', 'were there', 'do you', 'is there']);
/** Words of someone telling their own story rather than asking about the week. */
const STORY_WORDS = new Set(['i', 'im', 'my', 'we', 'our', 'mine']);

/**
 * A breakdown asked of the week ("the names of those arrested in essex") is a question about the release,
 * not a request to report, even when the classifier heard "names" as "without giving my name": the
 * figure it names answers it, after saying plainly that the breakdown was not published.
 */
export function facetOverReport(chosen: Choice, parts: FrameParts, tokens: readonly string[], deps: EngineDeps): Choice | undefined {
  if (!parts.facet || chosen.intent.danger || actOfIntent(chosen.intent) !== 'report') return undefined;
  // Only a plain question about the week's figures: no wish to report, no story of one's own ("my neighbour's kid...").
  const metric = parts.metrics[0];
  if (!metric || ASKING.first(tokens)?.at !== 0 || REPORTING.has(tokens) || tokens.some((t) => STORY_WORDS.has(t))) return undefined;
  if (deps.knowledge.facets.get(parts.facet.key)?.no_figures) return undefined;
  const intent = intentForMetric(metric, deps);
  return intent && { intent, confidence: chosen.confidence, rule: 'facet-over-report' };
}

/**
 * A question that asks for a figure it names ("total county lines arrests for the whole of 2022"), or for
 * the figures of a county it names, is a figure question, even when the classifier picked a text answer
 * for other words in it ("county lines", "school project").
 */
export function figureOverFact(chosen: Choice, parts: FrameParts, tokens: readonly string[], deps: EngineDeps): Choice | undefined {
  if (chosen.intent.danger || actOfIntent(chosen.intent) !== 'fact' || chosen.intent.metric) return undefined;
  if (!asksForFigures(tokens)) return undefined;
  const metric = parts.metrics[0];
  // "what numbers have you got for kent": the county's figures, whatever else the message says.
  const intent = metric ? intentForMetric(metric, deps) : parts.counties.length > 0 ? deps.byId.get('overview') : undefined;
  return intent && { intent, confidence: chosen.confidence, rule: 'figure-over-fact' };
}

/**
 * A figure named only as someone's own thing ("can i get my cash back that police took off me") or in a
 * question about what one person may do ("am i allowed to keep cash at home") is about their own case:
 * no figure from the week answers it, so no figure intent does.
 */
export function ownThingsRule(chosen: Choice | undefined, parts: FrameParts, ownMetrics: readonly string[]): boolean {
  if (!chosen || chosen.intent.danger || actOfIntent(chosen.intent) !== 'figure') return false;
  if (ownMetrics.length === 0 || parts.counties.length > 0) return false;
  return parts.metrics.every((m) => ownMetrics.includes(m));
}

/**
 * A figure intent picked for a figure whose word the message uses in another sense ("how many blades
 * were lifted": the classifier heard "lifted" as arrests), when the message names exactly one other
 * figure, gives way to the intent of the figure named.
 */
export function namedFigureRule(chosen: Choice, parts: FrameParts, notMeant: readonly string[], deps: EngineDeps): Choice | undefined {
  const own = chosen.intent.metric;
  if (!own || chosen.intent.danger || parts.metrics.length !== 1 || !notMeant.includes(own)) return undefined;
  const intent = intentForMetric(parts.metrics[0]!, deps);
  return intent && intent !== chosen.intent ? { intent, confidence: chosen.confidence, rule: 'named-figure' } : undefined;
}

/** The intent that answers a figure: the one whose metric it is, else one whose county templates use it ({money_seized} in the cash answer). */
export function intentForMetric(metric: string, deps: EngineDeps): Intent | undefined {
  const own = deps.byMetric.get(metric);
  if (own) return own;
  const uses = (t: string | readonly string[] | undefined) => (typeof t === 'string' ? [t] : (t ?? [])).some((x) => x.includes(`{${metric}}`));
  return [...deps.byId.values()].find((i) => uses(i.answer.county) || uses(i.answer.region));
}

/**
 * A number checked that is not the figure asked about but is another published figure: another county's
 * figure for the same thing ("44 was Essex's"), or another figure of the same place ("£150,000 is the cash").
 */
export function confirmElsewhere(n: number, op: Operation, knowledge: Knowledge, place: string | undefined, metricKey: string): { sentence: string; metric?: string } | undefined {
  const metric = knowledge.metrics.get(metricKey);
  const shown = metric ? formatFigure({ value: n }, metric) : groupThousands(n);
  const label = metric?.label ?? metricKey;
  const counties = Object.keys(op.counties).filter((c) => c !== place && op.counties[c]?.[metricKey]?.value === n);
  if (counties.length > 0) return { sentence: say('confirm_other_place', { number: shown, places: listInWords(counties.map((c) => placeName(knowledge, c))), label }) };
  const other = metricsWithValue(op, place, n).find((m) => m !== metricKey);
  if (other) return { sentence: say('confirm_other_metric', { number: shown, other: knowledge.metrics.get(other)?.label ?? other, label }), metric: other };
  return undefined;
}

/**
 * The question clause names no place but the rest of the message named region counties or towns
 * ("bruh. cambs. money. how much"): those are the places asked about.
 */
export function withPlacesOf(question: FrameParts, whole: FrameParts, knowledge: Knowledge): FrameParts {
  if (question.places.length > 0 || whole.counties.length === 0) return question;
  if (!whole.counties.every((c) => knowledge.places.get(c)?.in_region)) return question;
  return { ...question, places: whole.places, counties: whole.counties };
}

/** What a planned reply says and how it was decided. */
interface Planned {
  body: string;
  rule: string;
  /** 999 comes first; when left out, whether the intent is a danger intent. */
  danger?: boolean;
  /** The intent answered, or null when the reply declines (the fallback, another time). */
  intent: Intent | null;
  act: Act;
  /** Counties the reply was about, for the conversation's context. */
  places?: string[];
  fromContext?: boolean;
  /** The tone a plain-text answer was written in. */
  tone?: Tone;
}

/** An intent's plain-text answer in the tone the speaker calls for (young, professional or plain). */
function toned(intent: Intent, op: Operation, knowledge: Knowledge, speaker: SpeakerReading | undefined): { body: string; tone: Tone } {
  const choice = chooseTone(intent, speaker);
  const lookup = operationLookup(op, knowledge);
  return { body: fillFirst(choice.templates, lookup) ?? fillFirst(intent.answer.text, lookup) ?? '', tone: choice.tone };
}

/** Someone may be in danger: the danger intent's reply (the emergency intent unless another's trigger fired), 999 first. */
export function planEmergency(deps: EngineDeps, speaker?: SpeakerReading, intent?: Intent, next?: NextStep): Planned {
  const e = intent ?? deps.emergency!;
  const answer = toned(e, latestOperation(deps.knowledge), deps.knowledge, speaker);
  const step = next ? nextStep(next, deps, speaker) : undefined;
  return { ...answer, body: [answer.body, step].filter(Boolean).join('\n\n'), rule: next ? `emergency-${next}` : 'emergency', intent: e, act: 'emergency' };
}

/**
 * What to do next, after 999 or on its own: for a missing child, report at once (no 24-hour wait) and
 * SafeCall; for someone thinking of confronting the people, don't, and how to report safely; for a
 * home taken over, what cuckooing is. Undefined when the data lacks what the step needs.
 */
export function nextStep(next: NextStep, deps: EngineDeps, speaker?: SpeakerReading): string | undefined {
  const { knowledge } = deps;
  const number = (id: string) => knowledge.contacts.get(id)?.number;
  const guidance = (id: string) => knowledge.guidance.get(id);
  if (next === 'home_taken') {
    const cuckooing = deps.byId.get('cuckooing');
    return cuckooing ? toned(cuckooing, latestOperation(knowledge), knowledge, speaker).body : undefined;
  }
  const item = guidance(NEXT_STEP_GUIDANCE[next]);
  if (!item) return undefined;
  const fields = {
    guidance: item.text,
    by: item.source.publisher,
    safecall: number('safecall') ?? '',
    police: number('police') ?? '',
    emergency: number('emergency') ?? '',
    crimestoppers: number('crimestoppers') ?? '',
    'crimestoppers.name': knowledge.contacts.get('crimestoppers')?.name ?? '',
  };
  return say(next === 'missing_child' ? 'next_missing_child' : 'next_confront', fields);
}

/** A next step with no danger now: a child missing with nothing said of risk, or someone thinking of confronting the people. */
export function planNextStep(next: NextStep, deps: EngineDeps, speaker?: SpeakerReading): Planned | undefined {
  if (next === 'home_taken') return undefined;
  const body = nextStep(next, deps, speaker);
  return body ? { body, rule: `next-${next}`, intent: null, act: 'report' } : undefined;
}

/**
 * A danger topic chosen by the classifier, not by the danger reading: 999 first only when the reading found
 * something harmful (a threat, fear, a plea) that nothing set aside. Otherwise another danger topic (a young
 * person in debt to a gang) gives its words without 999 first when the reading found something of concern
 * or set the message aside; the emergency topic, or a message with nothing of concern, gets nothing from it.
 */
export function dangerTopicRule(intent: Intent, reading: DangerReading, deps: EngineDeps, speaker: SpeakerReading | undefined, parts: FrameParts, context: ChatContext | undefined, regionWide: boolean): Planned | undefined {
  if (reading.harmful && !reading.setAside) return planEmergency(deps, speaker, intent, reading.next);
  if (intent === deps.emergency || !(reading.concern || reading.setAside)) return undefined;
  return { ...planAnswer(intent, parts, deps, context, regionWide, speaker), danger: false, act: 'report', rule: 'danger-topic-not-now' };
}

/** "Number for Essex police": the contact numbers from data/contacts.yaml, never figures. */
export function planContact(parts: FrameParts, knowledge: Knowledge): Planned {
  const place = parts.places.find((p) => p.key && p.kind !== 'region');
  const force = place ? `the police in ${placeName(knowledge, place.county ?? place.key!)}` : 'your local police';
  const number = (id: string) => knowledge.contacts.get(id)?.number ?? '';
  const fields = { force, police: number('police'), emergency: number('emergency'), crimestoppers: number('crimestoppers'), 'crimestoppers.name': knowledge.contacts.get('crimestoppers')?.name ?? '' };
  const crimestoppers = parts.contact.crimestoppers === true;
  return { body: say(crimestoppers ? 'contact_crimestoppers' : 'contact', fields), rule: crimestoppers ? 'contact-crimestoppers' : 'contact', intent: null, act: 'contact' };
}

/** A figure named for a region county that has none for it: said plainly ("An arrest figure for Suffolk was not published."). */
export function unpublishedFigure(parts: FrameParts, op: Operation, knowledge: Knowledge): string | undefined {
  const metric = parts.metrics[0];
  const county = parts.counties[0];
  if (!metric || !county || !knowledge.places.get(county)?.in_region || figureOf(op, county, metric)) return undefined;
  const label = knowledge.metrics.get(metric)?.label ?? metric;
  return say('not_published_figure', { label, where: `for ${placeName(knowledge, county)}` });
}

/** Nothing answered: the general fallback when nothing was understood, a specific one saying what was. */
export function planFallback(parts: FrameParts, deps: EngineDeps, asksHowMany: boolean): Planned {
  const { knowledge, byMetric, fallback } = deps;
  const op = latestOperation(knowledge);
  const dates = formatDateRange(op.start, op.end);
  const facet = parts.facet && knowledge.facets.get(parts.facet.key);
  if (parts.time.kind !== 'none' && parts.weeks.length === 0) return { body: otherTimeStatement(parts, knowledge), rule: 'other-time', intent: null, act: 'out_of_scope' };
  if (facet) {
    const nearest = facet.nearest && asksHowMany ? byMetric.get(facet.nearest) : undefined;
    if (nearest) {
      const counties = parts.counties.filter((c) => !parts.places.some((p) => p.key === c && p.kind === 'outside_region'));
      const label = knowledge.metrics.get(facet.nearest!)?.label ?? facet.nearest!;
      const body = [say('facet_nearest', { says: facetSays(facet, op, knowledge), label }), templateFigures(nearest, op, knowledge, counties)].join(' ');
      return { body, rule: 'facet-nearest-figure', intent: nearest, act: 'figure', places: counties };
    }
    return { body: say('facet_no_figure', { says: facetSays(facet, op, knowledge), dates }), rule: 'facet-not-published', intent: null, act: 'out_of_scope' };
  }
  const outside = outsideStatements(parts.places, knowledge);
  if (outside.length > 0 && parts.counties.length === 0) return { body: outside.join(' '), rule: 'outside-region', intent: null, act: 'out_of_scope' };
  const metric = parts.metrics.map((m) => knowledge.metrics.get(m)?.label).find(Boolean);
  const place = parts.counties[0] && placeName(knowledge, parts.counties[0]);
  if (metric || place) {
    const town = parts.places.find((p) => p.kind === 'town' && p.county === parts.counties[0]);
    const where = place && (town ? `${titleCase(town.said)} (${place})` : place);
    // "arrests in Essex", or just "Essex" when no figure was named.
    const understood = metric ? [metric, where && `in ${where}`].filter(Boolean).join(' ') : (where ?? '');
    const example = metric ? `how many ${metric} in ${place ?? 'Essex'}?` : `what happened in ${place}?`;
    const missing = unpublishedFigure(parts, op, knowledge);
    const body = [missing, say('specific_no_answer', { understood, dates, example })].filter(Boolean).join(' ');
    return { body, rule: missing ? 'specific-fallback-not-published' : 'specific-fallback', intent: null, act: 'out_of_scope' };
  }
  return { body: fillFirst(fallback.answer.text, operationLookup(op, knowledge)) ?? '', rule: 'general-fallback', intent: null, act: 'out_of_scope' };
}

/**
 * The answer planner for a chosen intent: covers every part of the frame. Other times, places
 * outside the region, towns and breakdowns not published are said plainly before any figure;
 * sums, shares and rates are labelled as the bot's own working.
 */
export function planAnswer(intent: Intent, parts: FrameParts, deps: EngineDeps, context: ChatContext | undefined, regionWide: boolean, speaker?: SpeakerReading): Planned {
  const { knowledge, byId } = deps;
  const act = actOfIntent(intent);
  const asked = parts.time.kind !== 'none';
  if (asked && parts.weeks.length === 0 && !intent.timeless && (act === 'figure' || act === 'fact')) {
    return { body: otherTimeStatement(parts, knowledge), rule: 'other-time', intent: null, act };
  }
  const op = parts.weeks[0] ?? latestOperation(knowledge);
  if (act !== 'figure') {
    const note = act === 'fact' ? timeNote(parts, op, knowledge).filter(() => parts.time.kind !== 'year') : [];
    // A breakdown asked of a text answer ("what were they charged with") is said not published first.
    const textFacet = act === 'fact' && parts.facet ? knowledge.facets.get(parts.facet.key) : undefined;
    if (textFacet && !textFacet.figures_only) note.unshift(facetSays(textFacet, op, knowledge));
    const answer = toned(intent, op, knowledge, speaker);
    return { body: [...note, answer.body].join(' '), rule: answer.tone === 'plain' ? 'plan-text' : `plan-text-${answer.tone}`, intent, act, tone: answer.tone };
  }

  const pre: string[] = [...timeNote(parts, op, knowledge)];
  const facet = parts.facet && knowledge.facets.get(parts.facet.key);
  if (facet?.no_figures) {
    return { body: say('facet_no_figure', { says: facetSays(facet, op, knowledge), dates: formatDateRange(op.start, op.end) }), rule: `facet-${parts.facet!.key}:facet-no-figures`, intent: null, act: 'out_of_scope' };
  }
  const outside = facet?.place_is_value ? [] : outsideStatements(parts.places, knowledge);
  const named = parts.counties;
  const fromContext = named.length === 0 && outside.length === 0 && !regionWide && placeAware(intent) && (context?.places?.length ?? 0) > 0;
  const counties = named.length > 0 ? named : fromContext ? context!.places! : [];
  if (outside.length > 0 && counties.length === 0 && !regionWide) {
    return { body: outside.join(' '), rule: 'outside-region', intent, act, places: [] };
  }
  pre.push(...outside, ...townStatements(parts.places, counties, knowledge));
  if (facet) pre.push(facetSays(facet, op, knowledge));
  const kind = parts.operation.kind;
  const checking = parts.operation.number;
  const checked = kind === 'confirm' && checking !== undefined && counties.length <= 1 ? metricsWithValue(op, counties[0], checking) : [];
  // "did essex and kent together make more than half": arrests, the headline figure, unless another is named.
  const metricKey = (parts.metrics.length === 0 ? checked[0] : undefined) ?? metricOf(parts, intent, op) ?? checked[0] ?? (kind === 'sum' || kind === 'share' || kind === 'per_day' || kind === 'difference' || kind === 'except' ? 'arrests' : undefined);
  if (kind === 'confirm' && checking !== undefined && !metricKey && counties.length === 1) {
    pre.push(say('confirm_none', { number: groupThousands(checking), place: placeName(knowledge, counties[0]!) }));
  }
  const joined = (rule: string, body: string) => ({ body: [...pre, capitalised(body)].filter(Boolean).join(pre.length > 0 && body.includes('\n') ? '\n\n' : ' '), rule: facet ? `facet-${parts.facet!.key}:${rule}` : rule, intent, act, places: counties, fromContext });

  if (parts.weeks.length >= 2 && metricKey) return joined('plan-weeks-versus', planWeeks(parts.weeks, knowledge, counties[0], metricKey).body);
  if (metricKey && knowledge.metrics.has(metricKey)) {
    if (kind === 'sum' && counties.length >= 2) return joined('plan-sum', planSum(op, knowledge, counties, metricKey).body);
    const twoMetrics = parts.metrics.length >= 2 && counties.length <= 1;
    const metricSum = kind === 'sum' && twoMetrics ? planMetricSum(op, knowledge, counties[0], parts.metrics) : undefined;
    if (metricSum) return joined(metricSum.rule, metricSum.body);
    if (kind === 'sum' && counties.length === 0) { const p = planCountySum(op, knowledge, metricKey); return joined(p.rule, p.body); }
    const metricShare = kind === 'share' && twoMetrics ? planMetricShare(op, knowledge, counties[0], [parts.metrics[0]!, parts.metrics[1]!]) : undefined;
    if (metricShare) return joined(metricShare.rule, metricShare.body);
    if (kind === 'difference' && counties.length === 2) { const p = planDifference(op, knowledge, [counties[0]!, counties[1]!], metricKey); return joined(p.rule, p.body); }
    if (kind === 'except' && counties.length === 1) { const p = planExcept(op, knowledge, counties[0]!, metricKey); return joined(p.rule, p.body); }
    if (kind === 'share' && counties.length >= 1) {
      const p = planShare(op, knowledge, counties, metricKey, parts.operation.threshold);
      return joined(p.rule, p.figures ? p.body : `${p.body} ${templateFigures(deps.byMetric.get(metricKey) ?? intent, op, knowledge, counties)}`);
    }
    if (kind === 'per_day') {
      const p = counties.length > 0 ? counties.map((c) => planPerDay(op, knowledge, c, metricKey)) : [planPerDay(op, knowledge, undefined, metricKey)];
      return joined(p[0]!.rule, p.map((x) => x.body).join('\n\n'));
    }
    if (kind === 'confirm' && parts.operation.number !== undefined && counties.length <= 1 && !intent.answer.most) {
      const figureIntent = intentForMetric(metricKey, deps) ?? intent;
      const c = planConfirm(parts.operation.number, figureOf(op, counties[0], metricKey));
      const other = c && c.rule !== 'plan-confirm-yes' ? confirmElsewhere(parts.operation.number, op, knowledge, counties[0], metricKey) : undefined;
      const otherIntent = other?.metric ? intentForMetric(other.metric, deps) : undefined;
      const otherFigures = otherIntent ? templateFigures(otherIntent, op, knowledge, counties) : '';
      if (c) return joined(c.rule, [c.opening, templateFigures(figureIntent, op, knowledge, counties), other?.sentence, otherFigures].filter(Boolean).join(' '));
    }
  }
  if (intent.answer.most) {
    const previousMetric = context?.intent ? byId.get(context.intent)?.metric : undefined;
    const compared = compare(intent, op, knowledge, { places: counties, metrics: parts.metrics, fewest: kind === 'fewest', previousMetric });
    // A follow-up such as "what about Kent?" then asks about the figure just compared.
    const followed = deps.byMetric.get(compared.metric) ?? intent;
    return { ...joined(kind === 'fewest' ? 'plan-fewest' : counties.length >= 2 ? 'plan-versus' : 'plan-most', compared.body), intent, contextIntent: followed.id } as Planned;
  }
  let body = templateFigures(intent, op, knowledge, counties);
  if (fromContext) body += `\n\n(That is for ${counties.map((p) => placeName(knowledge, p)).join(' and ')}, from your last question. Ask "in total" for the whole region.)`;
  return joined(counties.length > 0 ? 'plan-county-figures' : 'plan-region-figures', body);
}

/** Builds the answer engine: pure, no I/O; text and context in, reply out. */
export function createEngine(knowledge: Knowledge, intents: readonly Intent[], match: MatchOptions = DEFAULT_MATCH, tools: EngineTools = {}): Engine {
  const knownLanguages = new Set(knowledge.languages.keys());
  const markers = createWordLists([...knowledge.languages.values()].flatMap((l) => l.markers.map((w) => [w, l.code] as const)));
  const byId = new Map(intents.map((i) => [i.id, i]));
  const fallback = byId.get(FALLBACK_INTENT);
  if (!fallback) throw new Error('The fallback intent is missing: restore intents/fallback.yaml');
  const emergency = byId.get('emergency') ?? intents.find((i) => i.danger);
  const deps: EngineDeps = {
    knowledge,
    byId,
    byMetric: new Map(intents.filter((i) => i.metric).map((i) => [i.metric!, i])),
    fallback,
    comparison: intents.find((i) => i.answer.most),
    emergency,
    match,
  };
  const understand = createUnderstanding(knowledge, intents, { smoothing: match.smoothing });
  const reader: FrameReader = {
    knowledge,
    facets: createFacetFinder(knowledge.facets),
    danger: createDangerCheck(
      intents.filter((i) => i.danger).flatMap((i) => (i.triggers ?? []).map((t) => [t, i.id] as const)),
      knowledge.languages.values(),
    ),
  };

  function answer(text: string, stored?: ChatContext, now = Date.now(), options: AnswerOptions = {}): EngineReply {
    const context = freshContext(stored, now);
    const message = typeof text === 'string' ? text : '';
    let u = understand(message);
    const whole = readFrame(u, reader, now, message);
    const language = languageOf(message, u.tokens.length === 0 ? 1 : 1 - u.unknown.length / u.tokens.length, whole.emergency, options.languageHint);
    if (u.normalised === '' && !whole.emergency.value) {
      return { text: composeReply(EMPTY_BODY), intent: null, confidence: 0, followUps: fallback!.follow_up, danger: false, context, frame: emptyFrame('empty-message'), language };
    }
    const speaker = readSpeaker(message, englishWords(knowledge.languages));
    const reply = (p: Planned, parts: FrameParts, confidence: number, rule: string | undefined, ctx: ChatContext | undefined, at: number) => replyIn(language, p, parts, confidence, rule, ctx, at);
    if (whole.emergency.value && emergency) {
      const triggered = whole.emergency.intent ? byId.get(whole.emergency.intent) : undefined;
      return reply(planEmergency(deps, speaker, triggered, whole.emergency.next), whole, 1, whole.emergency.rule, context, now);
    }
    const step = whole.emergency.next ? planNextStep(whole.emergency.next, deps, speaker) : undefined;
    if (step) return reply(step, whole, 1, whole.emergency.rule, context, now);
    let chosen = chooseIntent(u, context, deps);
    let parts = whole;
    // Chatter or a story around the question: answer the question clause on its own.
    const question = !chosen || MORE_THAN_ONE_CLAUSE.test(message.trim()) ? understand.questionOf(message) : undefined;
    if (!chosen && question) {
      const q = understand(question);
      const inner = chooseIntent(q, context, deps);
      if (inner) {
        u = q;
        chosen = { ...inner, rule: `question-clause>${inner.rule}` };
        parts = withPlacesOf(readFrame(q, reader, now, question, whole.emergency), whole, knowledge);
      }
    }
    // The frame is read from the question itself when chatter or a story surrounds it ("last month" in the story is not the time asked).
    if (parts === whole && question) {
      const inner = readFrame(understand(question), reader, now, question, whole.emergency);
      if (inner.metrics.length > 0 || inner.places.length > 0) parts = withPlacesOf(inner, whole, knowledge);
    }
    if (!chosen) chosen = calculationRule(parts, deps);
    if (!chosen) chosen = undecidedSpeakerRule(u, speaker, deps);
    if (!chosen || calculationOverFact(chosen, parts)) chosen = calculationRule(parts, deps) ?? chosen;
    if (chosen) chosen = figureOverFact(chosen, parts, u.tokens, deps) ?? namedFigureRule(chosen, parts, u.notMeant, deps) ?? facetOverReport(chosen, parts, u.tokens, deps) ?? chosen;
    if (ownThingsRule(chosen, parts, u.ownMetrics)) {
      chosen = undefined;
      parts = { ...parts, metrics: parts.metrics.filter((m) => !u.ownMetrics.includes(m)) };
    }
    const act = actOfIntent(chosen?.intent);
    const tokens = u.tokens;
    const naming = (p: Planned): Planned => ({ ...p, body: [p.body, ...namedServiceLines(tokens, p.body, knowledge)].join('\n\n') });
    if (parts.contact.value && act !== 'report' && act !== 'emergency') return reply(naming(planContact(parts, knowledge)), parts, 1, parts.contact.rule, context, now);
    if (!chosen) {
      const asksHowMany = / how (?:many|much) | number of | figures /.test(` ${tokens.join(' ')} `);
      return reply(naming(planFallback(parts, deps, asksHowMany)), parts, u.ranked[0]?.score ?? 0, undefined, context, now);
    }
    chosen = speakerRoute(chosen, speaker, byId, tokens);
    if (chosen.intent.danger) {
      const planned = dangerTopicRule(chosen.intent, whole.emergency, deps, speaker, parts, context, u.regionWide);
      if (planned) return reply(naming(planned), parts, chosen.confidence, chosen.rule, context, now);
      const asksHowMany = / how (?:many|much) | number of | figures /.test(` ${tokens.join(' ')} `);
      return reply(naming(planFallback(parts, deps, asksHowMany)), parts, u.ranked[0]?.score ?? 0, `${chosen.rule}>not-danger`, context, now);
    }
    return reply(naming(planAnswer(chosen.intent, parts, deps, context, u.regionWide, speaker)), parts, chosen.confidence, chosen.rule, context, now);
  }

  /** The message's language: the text decides; Telegram's code is a hint. */
  function languageOf(message: string, englishShare: number, danger: DangerReading, hint: string | undefined): LanguageReading {
    // Votes: each danger word found, and each everyday word distinctive of a language.
    const votes = [...danger.languages, ...markers.all(words(fold(message))).map((h) => h.value)];
    return findLanguage({ text: message, englishShare, votes, ...(hint && { hint }) }, tools.detect, knownLanguages);
  }

  /** {@link reply} for a message in English. */
  function reply(p: Planned, parts: FrameParts, confidence: number, chooseRule: string | undefined, context: ChatContext | undefined, now: number): EngineReply {
    return replyIn({ code: ENGLISH, rule: 'default' }, p, parts, confidence, chooseRule, context, now);
  }

  /** Composes the planned body with the footer and records the frame and the conversation's context. */
  function replyIn(language: LanguageReading, planned: Planned, parts: FrameParts, confidence: number, chooseRule: string | undefined, context: ChatContext | undefined, now: number): EngineReply {
    const intent = planned.intent;
    const danger = planned.danger ?? Boolean(intent?.danger);
    const p = { ...planned, body: localise(planned.body, { danger, answered: intent !== null, language: language.code, languages: knowledge.languages, contacts: knowledge.contacts }) };
    const frame: Frame = {
      act: p.act,
      metrics: parts.metrics,
      places: parts.places,
      time: parts.time,
      facet: parts.facet,
      operation: parts.operation,
      leftovers: parts.leftovers,
      rule: chooseRule ? `${chooseRule}>${p.rule}` : p.rule,
    };
    const places = p.places ?? [];
    const contextIntent = (p as Planned & { contextIntent?: string }).contextIntent ?? intent?.id;
    const nextContext: ChatContext | undefined =
      intent && placeAware(intent) && contextIntent ? { intent: contextIntent, places: p.fromContext ? places : parts.counties.length > 0 ? parts.counties : [], at: now } : context;
    const base = intent ?? fallback!;
    return {
      text: composeReply(p.body, { danger }),
      intent: intent?.id ?? (p.act === 'contact' ? 'contact' : null),
      confidence,
      followUps: followUps(base.follow_up, places[0] && placeName(knowledge, places[0])),
      danger,
      context: nextContext,
      frame,
      ...(p.tone && p.tone !== 'plain' ? { tone: p.tone } : {}),
      language,
    };
  }

  /** Answers a topic chosen from a button or deep link, without matching any text. */
  function answerTopic(intentId: string, place: string | undefined, stored: ChatContext | undefined, now = Date.now()): EngineReply {
    const context = freshContext(stored, now);
    const intent = byId.get(intentId);
    const parts = topicParts(knowledge, place && knowledge.places.has(place) ? place : undefined);
    if (!intent || intent === fallback) return reply(planFallback(parts, deps, false), parts, 0, 'topic-unknown', context, now);
    if (intent.danger) return reply(planEmergency(deps, undefined, intent), parts, 1, 'topic', context, now);
    return reply(planAnswer(intent, parts, deps, undefined, parts.counties.length === 0), parts, 1, 'topic', context, now);
  }

  const guarded = <A extends unknown[]>(fn: (...args: A) => EngineReply) => (...args: A): EngineReply => {
    try {
      return fn(...args);
    } catch {
      return { text: composeReply(ERROR_BODY), intent: null, confidence: 0, followUps: [], danger: false, context: undefined, frame: emptyFrame('error'), language: { code: ENGLISH, rule: 'default' } };
    }
  };

  return {
    knowledge,
    intents,
    answer: guarded(answer),
    answerTopic: guarded(answerTopic),
  };
}

/** The frame of a topic chosen from a button: one county or the region, the latest week. */
function topicParts(knowledge: Knowledge, place: string | undefined): FrameParts {
  const op = latestOperation(knowledge);
  return {
    metrics: [],
    places: place ? [{ kind: op.counties[place] ? 'county_with_figures' : 'region_county_without_figures', key: place, said: place }] : [],
    time: { kind: 'none', operations: [op.id] },
    facet: null,
    operation: { kind: 'value' },
    leftovers: [],
    emergency: { value: false, rule: 'topic', languages: [] },
    contact: { value: false, rule: 'topic' },
    weeks: [op],
    counties: place ? [place] : [],
    steps: [],
  };
}

/** A reply or sentence from a template that starts lower-case ("more than £150,000 ...") starts with a capital. */
export const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const titleCase = (s: string) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

/** Suggested questions; those naming {county} are filled in when the conversation has one, dropped otherwise. */
function followUps(templates: readonly string[], county: string | undefined): string[] {
  return templates.flatMap((t) => (t.includes('{county}') ? (county ? [t.replaceAll('{county}', county)] : []) : [t]));
}
