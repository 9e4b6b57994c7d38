import { FALLBACK_INTENT, type Intent } from '../intents/load.js';
import { latestOperation, type Knowledge, type Operation } from '../knowledge/knowledge.js';
import { readSpeaker, type SpeakerReading } from '../nlu/speaker.js';
import { createUnderstanding, type Understanding } from '../nlu/understand.js';
import { composeReply, type ReplyText } from '../reply/compose.js';
import { countyLookup, operationLookup, placeName, regionLookup } from '../reply/fields.js';
import { fillFirst } from '../reply/template.js';
import { compare } from './compare.js';
import { freshContext, type ChatContext } from './context.js';
import { chooseTone, type Tone } from './tone.js';

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
  /** Set when the reply was written for a young person or for someone at work (see src/engine/tone.ts). */
  tone?: Tone;
}

/** What a reply needs from the question: the counties and figures named, and how it was asked. */
type Request = Pick<Understanding, 'places' | 'metrics' | 'fewest' | 'regionWide'>;

export interface Engine {
  /** Answers a message. Never throws: any failure still gives a reply with the footer. */
  answer(text: string, context?: ChatContext, now?: number): EngineReply;
  /** Answers a topic (an intent id, optionally for one county) chosen from a button or link. */
  answerTopic(intentId: string, place?: string, context?: ChatContext, now?: number): EngineReply;
  readonly knowledge: Knowledge;
  readonly intents: readonly Intent[];
}

const EMPTY_BODY =
  "I didn't catch a question there. I can tell you about the county-lines week of action in the Eastern Region: arrests, weapons, deal lines and more, by county. Try \"how many arrests in Essex?\"";
const ERROR_BODY = "Sorry, something went wrong on my side and I couldn't answer that. Please try asking another way.";

/** Builds the answer engine: pure, no I/O; text and context in, reply out. */
export function createEngine(knowledge: Knowledge, intents: readonly Intent[], match: MatchOptions = DEFAULT_MATCH): Engine {
  const byId = new Map(intents.map((i) => [i.id, i]));
  const fallback = byId.get(FALLBACK_INTENT);
  if (!fallback) throw new Error('The fallback intent is missing: restore intents/fallback.yaml');
  const comparison = intents.find((i) => i.answer.most);
  const byMetric = new Map(intents.filter((i) => i.metric).map((i) => [i.metric!, i]));
  const understand = createUnderstanding(knowledge, intents, { smoothing: match.smoothing });
  const placeAware = (i: Intent | undefined) => Boolean(i && (i.answer.county || i.answer.most));

  function choose(u: Understanding, context: ChatContext | undefined): { intent: Intent; confidence: number } | undefined {
    const chosen = chooseIntent(u, context);
    // Answers describe the week of action only: "arrests in 2019", "last year" or "the next crackdown" gets the fallback,
    // unless the answer holds for any time (how to report) or someone is in danger.
    if (chosen && u.otherPeriod && !chosen.intent.timeless && !chosen.intent.danger) return undefined;
    return chosen;
  }

  function chooseIntent(u: Understanding, context: ChatContext | undefined): { intent: Intent; confidence: number } | undefined {
    const [top, second] = u.ranked;
    const triggered = u.triggered && byId.get(u.triggered);
    if (triggered) return { intent: triggered, confidence: 1 };
    const previous = context?.intent ? byId.get(context.intent) : undefined;
    if (u.comparing && comparison) return { intent: comparison, confidence: Math.max(top?.score ?? 0, 0.5) };
    if (u.onlyPlaces) {
      const intent = placeAware(previous) ? previous! : byId.get('overview');
      if (intent) return { intent, confidence: top?.score ?? 1 };
    }
    // A message that is word for word one of the examples needs no guessing.
    const exact = u.exact && byId.get(u.exact);
    if (exact) return exact === fallback ? undefined : { intent: exact, confidence: 1 };
    if (top && u.coverage >= match.minCoverage && top.score >= match.minScore && top.score - (second?.score ?? 0) >= match.minMargin) {
      const intent = byId.get(top.intent);
      if (!intent || intent === fallback) return undefined;
      // "safeguarding numbers for the whole region" is about that one figure, not the whole picture.
      const named = u.metrics.length === 1 && intent.answer.region && !intent.metric && !intent.answer.most ? byMetric.get(u.metrics[0]!) : undefined;
      return { intent: named ?? intent, confidence: top.score };
    }
    // A short question naming a figure ("blades?") is about that figure even if the wording is new.
    const metricIntent = u.metrics[0] && u.coverage >= match.minCoverage ? byMetric.get(u.metrics[0]) : undefined;
    return metricIntent && { intent: metricIntent, confidence: top?.score ?? 0 };
  }

  function figures(intent: Intent, op: Operation, places: string[]): string {
    const a = intent.answer;
    if (places.length === 0) {
      const metric = intent.metric && knowledge.metrics.get(intent.metric);
      return (
        fillFirst(a.region, regionLookup(op, knowledge)) ??
        `A region-wide figure${metric ? ` for ${metric.label}` : ''} was not published for ${operationLookup(op, knowledge)('dates')}.`
      );
    }
    return places
      .map((place) => {
        const lookup = countyLookup(op, knowledge, place);
        const label = intent.metric ? knowledge.metrics.get(intent.metric)?.label : 'figures';
        const missingLookup = (f: string) => (f === 'label' ? label : lookup(f));
        return (
          fillFirst(a.county, lookup) ??
          fillFirst(a.missing, missingLookup) ??
          `A figure for ${label ?? 'that'} in ${placeName(knowledge, place)} was not published.`
        );
      })
      .join('\n\n');
  }

  function answer(text: string, stored?: ChatContext, now = Date.now()): EngineReply {
    const context = freshContext(stored, now);
    const u = understand(typeof text === 'string' ? text : '');
    if (u.normalised === '') {
      return { text: composeReply(EMPTY_BODY), intent: null, confidence: 0, followUps: fallback!.follow_up, danger: false, context };
    }
    const chosen = choose(u, context);
    if (!chosen) return fallbackReply(u.ranked[0]?.score ?? 0, context);
    return respond(chosen.intent, chosen.confidence, u, context, now, readSpeaker(text));
  }

  function fallbackReply(confidence: number, context: ChatContext | undefined): EngineReply {
    const body = fillFirst(fallback!.answer.text, operationLookup(latestOperation(knowledge), knowledge)) ?? '';
    return { text: composeReply(body), intent: null, confidence, followUps: fallback!.follow_up, danger: false, context };
  }

  /** Builds the reply for a chosen intent. */
  function respond(intent: Intent, confidence: number, u: Request, context: ChatContext | undefined, now: number, speaker?: SpeakerReading): EngineReply {
    const op = latestOperation(knowledge);
    const fromContext = u.places.length === 0 && !u.regionWide && placeAware(intent) && (context?.places?.length ?? 0) > 0;
    const places = u.places.length > 0 ? u.places : fromContext ? context!.places! : [];
    let body: string;
    let contextIntent = intent.id;
    let tone: Tone = 'plain';
    if (intent.answer.most) {
      const previousMetric = context?.intent ? byId.get(context.intent)?.metric : undefined;
      const compared = compare(intent, op, knowledge, { places: u.places, metrics: u.metrics, fewest: u.fewest, previousMetric });
      body = compared.body;
      // A follow-up such as "what about Kent?" then asks about the figure just compared.
      contextIntent = byMetric.get(compared.metric)?.id ?? intent.id;
    } else if (intent.answer.county || intent.answer.region) {
      body = figures(intent, op, places);
      if (fromContext) body += `\n\n(That is for ${places.map((p) => placeName(knowledge, p)).join(' and ')}, from your last question. Ask "in total" for the whole region.)`;
    } else {
      const chosenTone = chooseTone(intent, speaker);
      tone = chosenTone.tone;
      body = fillFirst(chosenTone.templates, operationLookup(op, knowledge)) ?? fillFirst(intent.answer.text, operationLookup(op, knowledge)) ?? '';
    }
    const nextContext: ChatContext | undefined = placeAware(intent)
      ? { intent: contextIntent, places: u.places.length > 0 ? u.places : u.regionWide ? [] : places, at: now }
      : context;
    return {
      text: composeReply(body, { danger: Boolean(intent.danger) }),
      intent: intent.id,
      confidence,
      followUps: followUps(intent.follow_up, places[0] && placeName(knowledge, places[0])),
      danger: Boolean(intent.danger),
      context: nextContext,
      ...(tone !== 'plain' ? { tone } : {}),
    };
  }

  /** Answers a topic chosen from a button or deep link, without matching any text. */
  function answerTopic(intentId: string, place: string | undefined, stored: ChatContext | undefined, now = Date.now()): EngineReply {
    const context = freshContext(stored, now);
    const intent = byId.get(intentId);
    if (!intent || intent === fallback) return fallbackReply(0, context);
    const places = place && knowledge.places.has(place) ? [place] : [];
    return respond(intent, 1, { places, metrics: [], fewest: false, regionWide: places.length === 0 }, context, now);
  }

  const guarded = <A extends unknown[]>(fn: (...args: A) => EngineReply) => (...args: A): EngineReply => {
    try {
      return fn(...args);
    } catch {
      return { text: composeReply(ERROR_BODY), intent: null, confidence: 0, followUps: [], danger: false, context: undefined };
    }
  };

  return {
    knowledge,
    intents,
    answer: guarded(answer),
    answerTopic: guarded(answerTopic),
  };
}

/** Suggested questions; those naming {county} are filled in when the conversation has one, dropped otherwise. */
function followUps(templates: readonly string[], county: string | undefined): string[] {
  return templates.flatMap((t) => (t.includes('{county}') ? (county ? [t.replaceAll('{county}', county)] : []) : [t]));
}
