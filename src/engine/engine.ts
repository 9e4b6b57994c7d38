import { readFrame, type FrameParts, type FrameReader } from '../frame/build.js';
import { createDangerCheck, type DangerCheck, type DangerReading } from '../frame/danger.js';
import { answersIn, ENGLISH, englishWords, type Language } from '../knowledge/languages.js';
import { findLanguage, type Detect, type LanguageReading } from '../nlu/language.js';
import { createWordLists, fold, foldListed } from '../nlu/word-lists.js';
import { words } from '../nlu/normalise.js';
import { localise } from '../reply/localise.js';
import { createFacetFinder } from '../frame/facet.js';
import type { Act, Frame } from '../frame/types.js';
import { FALLBACK_INTENT, type Intent } from '../intents/load.js';
import { knowledgeAsOf, latestOperation, type Knowledge } from '../knowledge/knowledge.js';
import { createUnderstanding, type Understanding } from '../nlu/understand.js';
import { createLanguageReader, foldedForms } from '../nlu/lexicon.js';
import { createPlaceFinder } from '../nlu/places.js';
import { vocabularyOf } from './vocabulary.js';
import { composeReply, DANGER_FIRST_LINE, type ReplyText } from '../reply/compose.js';
import { footerIn, sayIn, type LocaleSources } from '../reply/locale.js';
import { placeName } from '../reply/fields.js';
import { readSpeaker } from '../nlu/speaker.js';
import { freshContext, type ChatContext } from './context.js';
import type { Tone } from './tone.js';
import { dangerTopicRule, planAnswer, planEmergency, planFallback, planNextStep, type Planned } from './answers.js';
import { asksForFigures, classify, DEFAULT_MATCH, undecidedSpeakerRule, type EngineDeps, type MatchOptions } from './choose.js';
import { homeOf, splitParts, tellsOneStory, type PartReading } from './parts.js';
import { contextAfter, recalled } from './memory.js';
import { answerParts } from './plan-parts.js';
import { namedServiceLines } from './services.js';

export { DEFAULT_MATCH, type EngineDeps, type MatchOptions } from './choose.js';

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
  /** The question frame: what was asked, and the rule that decided the reply (the first part, for a message of several). */
  frame: Frame;
  /** For a message of several parts, each part's frame in the order asked (the first is `frame`). */
  frames?: Frame[];
  /** Set when the reply was written for a young person or for someone at work (see src/engine/tone.ts). */
  tone?: Tone;
  /** The message's language (a code of data/lang/ when the bot has that language, else en), and the rule that found it. */
  language: LanguageReading;
  /**
   * The language the reply is written in: the message's when its file has answers of its own (data/lang/, topics:),
   * else English. `englishParts` counts the parts of it its file could not say yet, given in English.
   */
  answeredIn: string;
  englishParts?: number;
}

/** What the engine may be told besides the text. */
export interface AnswerOptions {
  /** Telegram's language_code for the user: a hint, used only when the text leaves the language open. */
  languageHint?: string;
  /** The language to answer in, whatever the message is written in: the user's /language choice, or the English button. */
  answerIn?: string;
}

/** What the engine may use besides the files: a language-detection package, loaded by the caller. */
export interface EngineTools {
  detect?: Detect;
}

/** The frame of a message nothing could be read from. */
export function emptyFrame(rule: string, act: Act = 'out_of_scope'): Frame {
  return { act, metrics: [], places: [], time: { kind: 'none', operations: [] }, facet: null, operation: { kind: 'value' }, leftovers: [], rule };
}


export interface Engine {
  /** Answers a message. Never throws: any failure still gives a reply with the footer. */
  answer(text: string, context?: ChatContext, now?: number, options?: AnswerOptions): EngineReply;
  /** Answers a topic (an intent id, optionally for one county) chosen from a button or link. */
  answerTopic(intentId: string, place?: string, context?: ChatContext, now?: number, options?: Pick<AnswerOptions, 'answerIn'>): EngineReply;
  readonly knowledge: Knowledge;
  readonly intents: readonly Intent[];
  /** The engine as it answered when a week was the newest (data/operations/ without the weeks after it). */
  asOf(weekId: string): Engine;
}

const EMPTY_BODY =
  "I didn't catch a question there. I can tell you about the county-lines week of action in the Eastern Region: arrests, weapons, deal lines and more, by county. Try \"how many arrests in Essex?\"";
const ERROR_BODY = "Sorry, something went wrong on my side and I couldn't answer that. Please try asking another way.";

export function createEngine(knowledge: Knowledge, intents: readonly Intent[], match: MatchOptions = DEFAULT_MATCH, tools: EngineTools = {}): Engine {
  const knownLanguages = new Set(knowledge.languages.keys());
  const sharesWith = new Map([...knowledge.languages.values()].flatMap((l) => (l.shares_words_with ? [[l.code, l.shares_words_with] as const] : [])));
  const markers = createWordLists([...knowledge.languages.values()].flatMap((l) => l.markers.map((w) => [w, l.code] as const)));
  const vocabulary = vocabularyOf(knowledge, intents);
  const lexiconWords = distinctiveWords(knowledge.languages, vocabulary);
  // The words each lexicon reads, worked out the first time a message needs them: most are English, or say their language plainly.
  let lexiconForms: (readonly [string, ReadonlySet<string>])[] | undefined;
  const formsOfLexicons = () => (lexiconForms ??= [...knowledge.languages.values()].filter((l) => l.readAs.size > 0).map((l) => [l.code, new Set([...foldedForms(l.readAs).keys()].flatMap((f) => words(f)))] as const));
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
  const understand = understandingOf(knowledge, intents);
  // Read as English, a word of the language its lexicon does not list is dropped unless English knows it, it names a
  // place however spelt ("Kencie", "Essexie"), or it holds a digit.
  const places = createPlaceFinder(knowledge.places);
  const meansSomething = (w: string) => vocabulary.has(w) || /\d/.test(w) || !/\p{L}/u.test(w) || places.find([w]).places.length > 0;
  // A language's reader is built the first time a message is read in it: most languages wait a while for their first.
  const readers = new Map<string, (text: string) => string>();
  const readerOf = (code: string) => {
    const language = knowledge.languages.get(code);
    if (!language || language.readAs.size === 0) return undefined;
    let read = readers.get(code);
    if (!read) readers.set(code, (read = createLanguageReader(language.readAs, meansSomething, language.endings)));
    return read;
  };
  const reader: FrameReader = {
    knowledge,
    facets: createFacetFinder(knowledge.facets),
    danger: dangerCheckOf(knowledge, intents),
  };

  /** Reads one part of a message: its understanding, its frame (the whole message's danger reading kept) and the classifier's choice. */
  function readPart(text: string, danger: DangerReading, now: number, speaker: ReturnType<typeof readSpeaker>): PartReading {
    const u = understand(text);
    return { text, u, frame: readFrame(u, reader, now, text, danger), classified: classify(u, deps) ?? undecidedSpeakerRule(u, speaker, deps) };
  }

  function answer(text: string, stored?: ChatContext, now = Date.now(), options: AnswerOptions = {}): EngineReply {
    const context = freshContext(stored, now);
    const message = typeof text === 'string' ? text : '';
    const u = understand(message);
    const whole = readFrame(u, reader, now, message);
    const language = languageOf(message, u.tokens.length === 0 ? 1 : 1 - u.unknown.length / u.tokens.length, whole.emergency, options.languageHint, context?.language);
    // A question in another language is read as English through that language's lexicon, then answered as English
    // is; danger has been read in the language itself already.
    const inEnglish = whole.emergency.value || language.code === ENGLISH ? undefined : readerOf(language.code)?.(message);
    // The answer is written in the message's language, unless the person chose one (/language) or asked for English.
    const speakIn = options.answerIn ?? context?.chosen ?? language.code;
    const reply = inEnglish ? answerRead(inEnglish, understand(inEnglish), whole.emergency, language, speakIn, context, now) : answerRead(message, u, whole, language, speakIn, context, now);
    const kept = withLanguage(reply.context, language.code, now);
    return { ...reply, context: context?.chosen && kept ? { ...kept, chosen: context.chosen } : kept };
  }

  /** Answers a message read: its understanding, and its frame or the danger reading of the message as typed. */
  function answerRead(message: string, u: Understanding, read: FrameParts | DangerReading, language: LanguageReading, speakIn: string, context: ChatContext | undefined, now: number): EngineReply {
    // A message read in English keeps the danger read in its own language: a translation word by word loses "last year".
    const whole = 'counties' in read ? read : readFrame(u, reader, now, message, read);
    if (u.normalised === '' && !whole.emergency.value) {
      const said = writeIn(knowledge, speakIn, { body: EMPTY_BODY, rule: 'empty-message', intent: null, act: 'out_of_scope', said: [{ kind: 'sentence', key: 'empty_message' }] }, false);
      return { text: said.text, intent: null, confidence: 0, followUps: fallback!.follow_up, danger: false, context, frame: emptyFrame('empty-message'), language, answeredIn: said.answeredIn, ...(said.englishParts && { englishParts: said.englishParts }) };
    }
    const speaker = readSpeaker(message, englishWords(knowledge.languages));
    const reply = (p: Planned, parts: FrameParts, confidence: number, rule: string | undefined, ctx: ChatContext | undefined, at: number, each?: readonly Planned[]) => replyIn(language, speakIn, p, parts, confidence, rule, ctx, at, each);
    // Danger first, from the whole message.
    if (whole.emergency.value && emergency) {
      const triggered = whole.emergency.intent ? byId.get(whole.emergency.intent) : undefined;
      return reply(planEmergency(deps, speaker, triggered, whole.emergency.next), whole, 1, whole.emergency.rule, context, now);
    }
    const step = whole.emergency.next ? planNextStep(whole.emergency.next, deps, speaker) : undefined;
    if (step) return reply(step, whole, 1, whole.emergency.rule, context, now);

    // A danger topic the classifier chose for the whole message ("kid ran in begging me to hide him") is read before its parts.
    const wholeChoice = classify(u, deps);
    if (wholeChoice && wholeChoice !== 'out' && wholeChoice.intent.danger) {
      const planned = dangerTopicRule(wholeChoice.intent, whole.emergency, deps, speaker, whole);
      if (planned) return reply(planned, whole, wholeChoice.confidence, wholeChoice.rule, context, now);
    }
    // The message part by part: the question within chatter, split where it asks more than one thing.
    const single: PartReading = { text: message, u, frame: whole, classified: wholeChoice ?? undecidedSpeakerRule(u, speaker, deps) };
    const home = homeOf(u, englishWords(knowledge.languages)) ?? context?.home;
    const before = recalled(context, byId);
    const naming = (p: Planned): Planned => ({ ...p, body: [p.body, ...namedServiceLines(u.tokens, p.body, knowledge)].join('\n\n') });
    const parts = partsOf(message, single, whole.emergency, now, speaker);
    const messagePlaces = whole.counties.filter((c) => knowledge.places.get(c)?.in_region);
    const lastTopic = context?.topic ? byId.get(context.topic) : undefined;
    const answered = answerParts(parts, deps, { recall: before, home, speaker, danger: whole.emergency, messagePlaces, ...(lastTopic && { topic: lastTopic }) });
    if (answered.answers.length === 0) {
      // Figures named only as someone's own ("can i get my cash back") are no figures asked.
      const read = parts.length === 1 ? parts[0]! : single;
      const frame = { ...read.frame, metrics: read.frame.metrics.filter((m) => !read.u.ownMetrics.includes(m)) };
      // Where the person said they are is kept for "round here" next ("I drive a cab in Stevenage").
      return reply(naming(planFallback(frame, deps, asksForFigures(u.tokens, englishWords(knowledge.languages)))), frame, u.ranked[0]?.score ?? 0, undefined, contextAfter(context, undefined, home, now, byId), now);
    }
    const { answers, recall } = answered;
    const first = answers[0]!;
    const combined: Planned = answers.length === 1 ? first.planned : { ...first.planned, body: fitted(answers.map((a) => a.planned.body)), rule: answers.map((a) => a.planned.rule).join('+'), tone: answers.find((a) => a.planned.tone)?.planned.tone };
    const nextContext = contextAfter(context, recall, home, now, byId, answered.topic);
    const confidence = first.part.classified && first.part.classified !== 'out' ? first.part.classified.confidence : (first.part.u.ranked[0]?.score ?? 0);
    const replied = reply(naming(combined), first.part.frame, confidence, answers.map((a) => a.rule).join('+'), nextContext, now, answers.length > 1 ? answers.map((a) => a.planned) : undefined);
    const frames = answers.length > 1 ? answers.map((a) => frameOf(a.planned, a.part.frame, a.rule)) : undefined;
    return { ...replied, context: nextContext, ...(frames && { frame: frames[0]!, frames }) };
  }

  /**
   * The parts of a message: the question within chatter (greetings and a story around it left out), split
   * where it asks more than one thing. A single question read from chatter keeps the whole message's topic
   * when it is sure of one, and the whole message's frame when the question alone names no figure or place.
   */
  function partsOf(message: string, single: PartReading, danger: DangerReading, now: number, speaker: ReturnType<typeof readSpeaker>): PartReading[] {
    const question = understand.questionOf(message);
    // Line breaks are spaces: people on phones break lines mid-sentence.
    const texts = splitParts((question ?? message).replace(LINE_BREAKS, ' ').replace(/ {2,}/g, ' '), englishWords(knowledge.languages));
    if (texts.length <= 1 && !question) return [single];
    const parts = texts.map((t) => readPart(t, danger, now, speaker));
    if (parts.length > 1) return tellsOneStory(parts, englishWords(knowledge.languages)) ? [single] : parts;
    const only = parts[0]!;
    const framed = only.frame.metrics.length > 0 || only.frame.places.length > 0 ? withTimeSaid(only.frame, single.frame) : withWhatWasSaid(only.frame, single.frame);
    return [{ ...only, frame: framed, classified: single.classified ?? only.classified }];
  }

  /**
   * The message's language: the text decides; Telegram's code is a hint. Votes: each danger word, marker and word
   * of one language's lexicon found, and the conversation's language (a short follow-up says little of its own).
   */
  function languageOf(message: string, englishShare: number, danger: DangerReading, hint: string | undefined, conversation: string | undefined): LanguageReading {
    const tokens = words(fold(message));
    const evidence = {
      text: message,
      englishShare,
      votes: danger.languages,
      markers: markers.all(tokens).map((h) => h.value),
      lexicon: ownWordsOf(tokens, lexiconWords),
      // Counted only if the rule gets that far: most messages are English, or say their language plainly.
      get reads() {
        return new Map(formsOfLexicons().map(([code, forms]) => [code, tokens.filter((t) => forms.has(t)).length]));
      },
      wordCount: tokens.length,
      ...(conversation && { conversation }),
      ...(hint && { hint }),
    };
    return findLanguage(evidence, tools.detect, knownLanguages, sharesWith);
  }

  /** {@link replyIn} for a message read as English (a topic from a button), written in `speakIn`. */
  function reply(p: Planned, parts: FrameParts, confidence: number, chooseRule: string | undefined, context: ChatContext | undefined, now: number, speakIn = ENGLISH): EngineReply {
    return replyIn({ code: ENGLISH, rule: 'default' }, speakIn, p, parts, confidence, chooseRule, context, now);
  }

  /** Composes the planned body with the footer and records the frame; the caller sets the conversation's context. */
  function replyIn(language: LanguageReading, speakIn: string, planned: Planned, parts: FrameParts, confidence: number, chooseRule: string | undefined, context: ChatContext | undefined, now: number, each?: readonly Planned[]): EngineReply {
    const intent = planned.intent;
    const danger = planned.danger ?? Boolean(intent?.danger);
    const written = writeIn(knowledge, speakIn, planned, danger, each);
    const places = planned.places ?? [];
    const base = intent ?? fallback!;
    void now;
    return {
      text: written.text,
      answeredIn: written.answeredIn,
      ...(written.englishParts && { englishParts: written.englishParts }),
      intent: intent?.id ?? (planned.act === 'contact' ? 'contact' : null),
      confidence,
      followUps: followUps(base.follow_up, places[0] && placeName(knowledge, places[0])),
      danger,
      context,
      frame: frameOf(planned, parts, chooseRule),
      ...(planned.tone && planned.tone !== 'plain' ? { tone: planned.tone } : {}),
      language,
    };
  }

  /** Answers a topic chosen from a button or deep link, without matching any text. */
  function answerTopic(intentId: string, place: string | undefined, stored: ChatContext | undefined, now = Date.now(), options: Pick<AnswerOptions, 'answerIn'> = {}): EngineReply {
    const context = freshContext(stored, now);
    const intent = byId.get(intentId);
    const parts = topicParts(knowledge, place && knowledge.places.has(place) ? place : undefined);
    // A topic from a button is answered in the conversation's language: the one chosen, else the one last written in.
    const speakIn = options.answerIn ?? context?.chosen ?? context?.language ?? ENGLISH;
    if (!intent || intent === fallback) return reply(planFallback(parts, deps, false), parts, 0, 'topic-unknown', context, now, speakIn);
    if (intent.danger) return reply(planEmergency(deps, undefined, intent), parts, 1, 'topic', context, now, speakIn);
    return reply(planAnswer(intent, parts, deps), parts, 1, 'topic', context, now, speakIn);
  }

  const guarded = <A extends unknown[]>(fn: (...args: A) => EngineReply) => (...args: A): EngineReply => {
    try {
      return fn(...args);
    } catch {
      return { text: composeReply(ERROR_BODY), intent: null, confidence: 0, followUps: [], danger: false, context: undefined, frame: emptyFrame('error'), language: { code: ENGLISH, rule: 'default' }, answeredIn: ENGLISH };
    }
  };

  const self: Engine = {
    knowledge,
    intents,
    answer: guarded(answer),
    answerTopic: guarded(answerTopic),
    asOf(weekId) {
      const then = knowledgeAsOf(knowledge, weekId);
      return then === knowledge ? self : createEngine(then, intents, match, tools);
    },
  };
  return self;
}

/** The danger check an engine reads every message with: the danger intents' trigger phrases and every language's danger words. */
export function dangerCheckOf(knowledge: Knowledge, intents: readonly Intent[]): DangerCheck {
  return createDangerCheck(
    intents.filter((i) => i.danger).flatMap((i) => (i.triggers ?? []).map((t) => [t, i.id] as const)),
    knowledge.languages.values(),
  );
}

/** The understanding an engine reads every message with, the fallback's examples about other things. */
export function understandingOf(knowledge: Knowledge, intents: readonly Intent[]): ReturnType<typeof createUnderstanding> {
  return createUnderstanding(knowledge, intents, { outOfScope: FALLBACK_INTENT });
}

/**
 * The reply's text in the language it is written in: English as planned; a language whose file has answers of
 * its own (topics:) says each part from what the planner recorded (`said`), a part it cannot say in English after
 * a note, with its own 999 lines and footer; any other language gets a note in it before the English.
 */
export function writeIn(knowledge: Knowledge, code: string, planned: Planned, danger: boolean, each?: readonly Planned[]): { text: ReplyText; answeredIn: string; englishParts?: number } {
  const lang = knowledge.languages.get(code);
  const english = knowledge.languages.get(ENGLISH)!;
  if (code === ENGLISH || !lang || !answersIn(lang)) {
    const body = localise(planned.body, { danger, answered: planned.intent !== null, language: code, languages: knowledge.languages, contacts: knowledge.contacts });
    return { text: composeReply(body, { danger }), answeredIn: ENGLISH };
  }
  const sources = { language: lang, english, knowledge };
  let englishParts = 0;
  const bodies = (each ?? [planned]).map((p) => {
    const own = p.said && sayIn(p.said, sources);
    if (own) return own.text;
    englishParts += 1;
    return `${sayIn([{ kind: 'sentence', key: 'english_part' }], sources)!.text}\n\n${p.body}`;
  });
  const body = fitted(bodies);
  const text = composeReply(body, { danger, dangerLines: dangerLines(body, sources), footer: footerIn(sources) });
  return { text, answeredIn: code, ...(englishParts > 0 && { englishParts }) };
}

/**
 * The lines a reply in another language to someone in danger opens with: 999 first in English, the line every
 * reply to danger opens with (and that the bot's guard and the evaluation look for), then at once in the language.
 * A body that opens with 999 itself (the emergency topic) is that second line.
 */
export function dangerLines(body: string, sources: LocaleSources): string[] {
  const emergency = sources.knowledge.contacts.get('emergency')?.number;
  const head = body.trimStart().split('\n')[0] ?? '';
  if (emergency && head.includes(emergency)) return [DANGER_FIRST_LINE];
  return [DANGER_FIRST_LINE, sayIn([{ kind: 'sentence', key: 'danger_first' }], sources)!.text];
}

/** The languages a person may choose with /language: English and each whose file answers in its own words. */
export function choosableLanguages(languages: ReadonlyMap<string, Language>): Language[] {
  return [...languages.values()].filter((l) => answersIn(l)).sort((a, b) => (a.code === ENGLISH ? -1 : b.code === ENGLISH ? 1 : a.language.localeCompare(b.language)));
}

/**
 * The context with a language chosen (/language): kept for the conversation's lifetime, and answers are written in
 * it whatever a message is written in. English clears the choice. Undefined when the bot has no answers in it.
 */
export function withChosenLanguage(context: ChatContext | undefined, code: string, languages: ReadonlyMap<string, Language>, now: number): ChatContext | undefined {
  if (!answersIn(languages.get(code))) return undefined;
  const { chosen: _, ...rest } = context ?? { at: now };
  return code === ENGLISH ? { ...rest, at: now } : { ...rest, chosen: code, at: now };
}

/** Shorter lexicon words are too often another language's too (a, e, s, ne) to tell which language a message is in. */
const OWN_WORD_LETTERS = 3;

/**
 * A language's own lexicon words (data/lang/): of three letters or more, listed by no other language (in its
 * lexicon, danger words or markers), and not known to the bot in English. Found in a message, each is a vote for
 * its language (see findLanguage). Single words only.
 */
export function distinctiveWords(languages: ReadonlyMap<string, Language>, english: ReadonlySet<string>): Map<string, string> {
  // Each word's one language, or null once a second language lists it.
  const owner = new Map<string, string | null>();
  for (const l of languages.values()) {
    for (const word of foldedForms(l.readAs).keys()) {
      if (word.length < OWN_WORD_LETTERS || word.includes(' ')) continue;
      const before = owner.get(word);
      if (before === undefined) owner.set(word, l.code);
      else if (before !== l.code) owner.set(word, null);
    }
  }
  // A word another language reads danger with, or has as a marker, is shared with it, whatever its lexicon says.
  for (const l of languages.values()) {
    const shared = (listed: string) => {
      const w = foldListed(listed.endsWith('*') ? listed.slice(0, -1) : listed);
      const before = owner.get(w);
      if (before && before !== l.code) owner.set(w, null);
    };
    for (const part of Object.values(l.danger)) part.forEach(shared);
    l.markers.forEach(shared);
  }
  const own = new Map<string, string>();
  for (const [w, code] of owner) if (code !== null && !english.has(w)) own.set(w, code);
  return own;
}

/** The language of each of a message's words that only one language's lexicon has ({@link distinctiveWords}), in order. */
export function ownWordsOf(tokens: readonly string[], own: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const t of tokens) {
    const code = own.get(t);
    if (code !== undefined) found.push(code);
  }
  return found;
}

/** The context with the conversation's language: kept while it is not English, so a short follow-up is read in it. */
function withLanguage(context: ChatContext | undefined, code: string, now: number): ChatContext | undefined {
  if (code === ENGLISH) {
    if (!context?.language) return context;
    const { language: _, ...rest } = context;
    return rest;
  }
  return { ...(context ?? { at: now }), language: code };
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
/** The frame a reply records: what the part asked, and the rules that decided and planned it. */
function frameOf(planned: Planned, parts: FrameParts, chooseRule: string | undefined): Frame {
  return {
    act: planned.act,
    metrics: parts.metrics,
    places: parts.places,
    time: parts.time,
    facet: parts.facet,
    operation: parts.operation,
    leftovers: parts.leftovers,
    rule: chooseRule ? `${chooseRule}>${planned.rule}` : planned.rule,
  };
}

/**
 * The question's frame with what the whole message named around it: its places, when the question names none
 * and the message named counties of the region ("bruh. cambs. money. how much"); its figures, when the question
 * names none ("essex and kent deal lines, which had more"); its weeks, when the question names no time ("april or
 * october, which had more arrests in essex").
 */
function withWhatWasSaid(question: FrameParts, whole: FrameParts): FrameParts {
  const places = question.places.length > 0 || whole.counties.length === 0 || whole.places.some((p) => p.kind === 'outside_region') ? {} : { places: whole.places, counties: whole.counties };
  const metrics = question.metrics.length > 0 || whole.metrics.length === 0 ? {} : { metrics: whole.metrics };
  return withTimeSaid({ ...question, ...places, ...metrics }, whole);
}

/** The question's frame with the time the whole message named around it, when the question names none. */
function withTimeSaid(question: FrameParts, whole: FrameParts): FrameParts {
  return question.time.kind !== 'none' || whole.time.kind === 'none' ? question : { ...question, time: whole.time, weeks: whole.weeks };
}

/** Line breaks and other control characters, read as spaces. */
const LINE_BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Telegram's limit on a message, less room for the footer and the 999 line. */
const MAX_BODY = 3600;

/** The answers to several parts, in the order asked, as many as fit in one Telegram message. */
export function fitted(bodies: readonly string[], max = MAX_BODY): string {
  const kept: string[] = [];
  let length = 0;
  for (const b of bodies) {
    if (kept.length > 0 && length + b.length + 2 > max) break;
    kept.push(b);
    length += b.length + 2;
  }
  return kept.join('\n\n');
}
/** Suggested questions; those naming {county} are filled in when the conversation has one, dropped otherwise. */
function followUps(templates: readonly string[], county: string | undefined): string[] {
  return templates.flatMap((t) => (t.includes('{county}') ? (county ? [t.replaceAll('{county}', county)] : []) : [t]));
}
