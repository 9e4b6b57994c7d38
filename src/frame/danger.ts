import { DANGER_PARTS, ENGLISH, type DangerPart, type Language } from '../knowledge/languages.js';
import { createNamedWordLists, createWordLists, fold, phraseKey, type ListHit, type NamedWordLists, type WordLists } from '../nlu/word-lists.js';
import { words } from '../nlu/normalise.js';
import type { Decision } from './types.js';

/**
 * Danger, read by meaning: something harmful (a threat, violence, a weapon, someone held, taken or
 * overdosing, a home taken over, a child missing), happening now or here, to someone. Past stories,
 * questions about figures, "what if" questions and figures of speech are set aside first.
 * The words of each part live in data/lang/<code>.yaml, one file per language; the rules are here,
 * each a named function with its own tests.
 */

/** What kind of danger was read: it picks the next step after 999. */
export type DangerKind = 'trigger' | 'held' | 'ambulance' | 'missing_child' | 'home_taken' | 'harm' | 'threat' | 'taken' | 'weapon' | 'plea';

/** A next step the reply should give, in danger or not: a missing child, a home taken over, or someone thinking of confronting the people. */
export type NextStep = 'missing_child' | 'home_taken' | 'confront';

/** The danger rule's decision. */
export interface DangerReading extends Decision<boolean> {
  kind?: DangerKind;
  /** A danger intent whose trigger phrase decided it. */
  intent?: string;
  /** A next step for the reply, whether or not it is danger now. */
  next?: NextStep;
  /** Now or here was said, with nothing set aside: with harm told in the sentence before, that is danger now. */
  present?: boolean;
  /** Something of concern was read (a gang, a debt, a child missing, fear), though no danger now. */
  concern?: boolean;
  /** A past story, a "what if", a question about figures, a figure of speech or a phrase of safety set the message aside. */
  setAside?: boolean;
  /** Something harmful was read and nothing set it aside (a past story, a "what if", a figure of speech), though nothing said it is happening now. */
  harmful?: boolean;
  /** The language of each danger word found (codes of data/lang/), once per word: a vote for the message's language. */
  languages: string[];
}

/** The danger words of every language, and the danger intents' trigger phrases, indexed once. */
export interface DangerCheck {
  /** Trigger phrase → the danger intent it belongs to. */
  triggers: WordLists<string>;
  /** Each part's words, with the languages each comes from, searched in one pass. */
  parts: NamedWordLists<DangerPart, readonly string[]>;
  /** The `contrast` words alone, which split a sentence into clauses before the parts are read. */
  turns: WordLists<string>;
}

/** One part's phrases across the languages, each with every language that lists it ("тут": Russian and Ukrainian). */
function phrasesOf(languages: readonly Pick<Language, 'code' | 'danger'>[], part: DangerPart): (readonly [string, readonly string[]])[] {
  const byPhrase = new Map<string, string[]>();
  const first = new Map<string, string>();
  for (const l of languages) {
    for (const w of l.danger[part]) {
      // Keyed as messages are read ("aquí" and "aqui" are one phrase), the stem mark kept.
      const key = phraseKey(w);
      const codes = byPhrase.get(key);
      if (codes) codes.push(l.code);
      else {
        byPhrase.set(key, [l.code]);
        first.set(key, w);
      }
    }
  }
  return [...byPhrase].map(([key, codes]) => [first.get(key)!, codes] as const);
}

/** Indexes the danger intents' trigger phrases and every language's danger words. */
export function createDangerCheck(triggers: readonly (readonly [phrase: string, intent: string])[], languages: Iterable<Pick<Language, 'code' | 'danger'>>): DangerCheck {
  const all = [...languages];
  const lists = Object.fromEntries(DANGER_PARTS.map((part) => [part, phrasesOf(all, part)])) as unknown as Record<DangerPart, (readonly [string, readonly string[]])[]>;
  return { triggers: createWordLists(triggers), parts: createNamedWordLists(lists, (a, b) => [...new Set([...a, ...b])]), turns: createWordLists(lists.contrast.map(([w]) => [w, w] as const)) };
}

/** The parts found in one clause of a message, each hit with its place in the clause. */
export interface Cues {
  tokens: readonly string[];
  triggers: ListHit<string>[];
  /** Each hit's value: the languages whose list holds the phrase. */
  parts: Record<DangerPart, ListHit<readonly string[]>[]>;
}

/** Finds every part's words in a clause, in the clause's own languages (see {@link inClauseLanguages}). */
export function readCues(tokens: readonly string[], check: DangerCheck): Cues {
  return inClauseLanguages({ tokens, triggers: check.triggers.all(tokens), parts: check.parts.all(tokens) });
}

/** The parts that say what a clause is about; their languages are the clause's languages. */
const CONTENT: readonly DangerPart[] = ['held', 'ambulance', 'taken', 'home_taken', 'harm', 'threat', 'weapon', 'plea', 'fear', 'missing', 'confront'];

/**
 * Every language's words are searched together, and a word of one language can be an everyday word of
 * another (Polish "mam", I have; Turkish "abi", brother). So a clause is read in the languages of its
 * content words (something harmful, a plea, fear, someone missing); the other parts' words count only
 * in those languages. A clause with no content word keeps every word.
 */
export function inClauseLanguages(c: Cues): Cues {
  const languages = new Set(CONTENT.flatMap((p) => c.parts[p].flatMap((h) => h.value)));
  if (c.triggers.length > 0) languages.add(ENGLISH);
  if (languages.size === 0) return c;
  const parts = { ...c.parts };
  for (const p of DANGER_PARTS) if (!CONTENT.includes(p)) parts[p] = parts[p].filter((h) => h.value.some((l) => languages.has(l)));
  return { ...c, parts };
}

const overlaps = (a: ListHit<unknown>, b: ListHit<unknown>) => a.at < b.at + b.length && b.at < a.at + a.length;
const without = <T>(hits: ListHit<T>[], taken: readonly ListHit<unknown>[]) => hits.filter((h) => !taken.some((t) => overlaps(h, t)));

/** The parts that say something harmful is going on, strongest first. */
const HARMFUL: readonly (DangerPart & DangerKind)[] = ['held', 'ambulance', 'taken', 'home_taken', 'harm', 'threat', 'weapon'];
const HARMFUL_PARTS: readonly DangerPart[] = HARMFUL;
/** The parts an idiom's words are taken from: "this traffic is killing me" is no harm, but "wondering if" still asks. */
const SAID_IN_IDIOMS: readonly DangerPart[] = [...HARMFUL, 'plea', 'fear', 'now', 'recent', 'here', 'missing', 'confront'];
/** How far before a threat word its subject may stand: "my mum is going to kill me". */
const SUBJECT_REACH = 4;

/**
 * Figures of speech are not danger: words inside an idiom ("this traffic is killing me") are set aside,
 * and so is a threat whose subject is family or a boss ("my mum will kill me if I'm late"), or any
 * threat said with a laugh ("lol").
 */
export function setAsideFiguresOfSpeech(c: Cues): Cues {
  const idioms = c.parts.idiom;
  const parts = { ...c.parts };
  let triggers = without(c.triggers, idioms);
  if (idioms.length > 0) for (const p of SAID_IN_IDIOMS) parts[p] = without(parts[p], idioms);
  if (parts.joke.length > 0) {
    for (const p of ['threat', 'held', 'harm'] as const) parts[p] = [];
    triggers = [];
  }
  // A weapon, harm done, or a call for help makes a family threat real.
  const real = parts.weapon.length > 0 || parts.harm.length > 0 || parts.plea.length > 0;
  const bySubject = (t: ListHit<unknown>) => real || !parts.hyperbole_subjects.some((s) => s.at < t.at && t.at - s.at <= SUBJECT_REACH);
  // Only a threat ("my mum will kill me"): harm done ("my dad is hitting me") is never a figure of speech.
  parts.threat = parts.threat.filter(bySubject);
  triggers = triggers.filter(bySubject);
  return { ...c, triggers, parts };
}

/**
 * Words inside a phrase of safety ("not in danger", "fine now", "he's back now") say nothing of danger:
 * a trigger, a harmful word or a "now" inside one is set aside.
 */
export function setAsideSafePhrases(c: Cues): Cues {
  // A safe, found or past phrase inside a longer phrase of another part says nothing: "came home" in
  // "never came home", "yesterday" in "disappeared yesterday".
  const inLonger = (part: DangerPart) => {
    if (c.parts[part].length === 0) return c.parts[part];
    const longer = DANGER_PARTS.filter((p) => p !== part).flatMap((p) => c.parts[p]);
    return c.parts[part].filter((s) => !longer.some((h) => h.length > s.length && h.at <= s.at && s.at + s.length <= h.at + h.length));
  };
  const safe = inLonger('safe');
  const found = inLonger('found');
  const past = inLonger('past');
  if (safe.length === 0) return { ...c, parts: { ...c.parts, safe, found, past } };
  const parts = { ...c.parts, safe, found, past };
  for (const p of DANGER_PARTS) if (p !== 'safe') parts[p] = without(parts[p], safe);
  return { ...c, triggers: without(c.triggers, safe), parts };
}

/** Words between two hits (0 when they touch or overlap). */
const gap = (a: ListHit<unknown>, b: ListHit<unknown>) => (a.at < b.at ? Math.max(0, b.at - (a.at + a.length)) : Math.max(0, a.at - (b.at + b.length)));

/** How far a past word reaches: "when they were using my brother" at the end of a long message says nothing of its start. */
const PAST_REACH = 6;

/** The parts told in time: a past word or a now word nearest them says when ("groomed when I was 14"). */
const TOLD_IN_TIME: readonly DangerPart[] = [...HARMFUL_PARTS, 'risk'];

/**
 * Each harmful word belongs to the time word nearest it: "I got beaten up years ago, can I still report it
 * now" is a past beating, "he was stabbed last year and now they're outside with knives" a knife now. A
 * harmful word within reach of a past word, and nearer it than any "now", is set aside, and so is one after
 * a past word that sets the scene with no "now" between ("when I was 15 they forced me..., now I'm 30").
 * The triggers alike.
 */
export function setAsidePastHarm(c: Cues): Cues {
  const past = c.parts.past;
  if (past.length === 0) return c;
  const nows = [...c.parts.now, ...c.parts.recent, ...progressiveNextToHarm(c)];
  const nearest = (hits: readonly ListHit<unknown>[], h: ListHit<unknown>) => Math.min(Infinity, ...hits.map((t) => gap(t, h)));
  // A past word before the harm, with no "now" between them, sets the scene: "when I was 15 they forced
  // me to carry drugs, now I'm 30" is a story of then, the tie going to the scene.
  const setsTheScene = (h: ListHit<unknown>) => past.some((w) => w.at < h.at && h.at - w.at <= PAST_REACH && !nows.some((n) => n.at > w.at && n.at < h.at));
  const inThePast = (h: ListHit<unknown>) => setsTheScene(h) || (nearest(past, h) <= PAST_REACH && nearest(past, h) < nearest(nows, h));
  const parts = { ...c.parts };
  for (const p of TOLD_IN_TIME) parts[p] = parts[p].filter((h) => !inThePast(h));
  return { ...c, triggers: c.triggers.filter((t) => !inThePast(t)), parts };
}

/** How near before a harmful word a "not" reaches: "they haven't threatened me". */
const NEGATION_REACH = 2;

/** A harmful word or trigger just after a "not" ("they've not threatened me yet", "he doesn't have a knife") is set aside. */
export function setAsideNegated(c: Cues): Cues {
  const nots = c.parts.negation;
  if (nots.length === 0) return c;
  const negated = (h: ListHit<unknown>) => nots.some((n) => n.at + n.length <= h.at && h.at - (n.at + n.length) < NEGATION_REACH);
  const parts = { ...c.parts };
  for (const p of HARMFUL_PARTS) parts[p] = parts[p].filter((h) => !negated(h));
  return { ...c, triggers: c.triggers.filter((t) => !negated(t)), parts };
}

/** A conditional word opening a clause ("if someone threatens me...") or a "what if" phrase anywhere. */
export function isHypothetical(c: Cues): boolean {
  // "if I tell, they'll kill me": a conditional inside a threat phrase is part of the threat.
  return c.parts.hypothetical.length > 0 || without(c.parts.conditional, c.parts.threat).some((h) => h.at === 0);
}

/**
 * A question about the week's figures ("how many knives were seized in Essex"), with no call for help in it.
 * A plea that is only a polite word ("knives and arrests for beds pls") is no call for help.
 */
export function asksForFigures(c: Cues): boolean {
  const pleas = c.parts.plea.filter((h) => !c.parts.polite.some((p) => p.at === h.at && p.length === h.length));
  return c.parts.question.length > 0 && pleas.length === 0 && c.parts.held.length === 0 && c.parts.ambulance.length === 0;
}

/** A child named: "my son", or a young age next to an age word ("my 14 year old", "aged 13"). */
export function namesChild(c: Cues): boolean {
  if (c.parts.child.length > 0) return true;
  // The age before or after its word: "my 14 year old", "age 13" (Bengali "বয়স ১৩").
  const young = (token: string | undefined) => {
    const n = Number(token ?? '');
    return token !== undefined && Number.isInteger(n) && n > 0 && n < 18;
  };
  return c.parts.age.some((a) => young(c.tokens[a.at - 1]) || young(c.tokens[a.at + a.length]));
}

/**
 * A child missing, or taken: danger when something says they are at risk (a gang, dealers, a threat, taken
 * somewhere), a next step (101 at once, no 24-hour wait) when nothing does, nothing once they are found.
 */
export function missingChild(c: Cues): 'at_risk' | 'missing' | undefined {
  const p = c.parts;
  if (p.missing.length + p.taken.length === 0 || !namesChild(c) || p.safe.length + p.found.length > 0) return undefined;
  const signs = p.risk.length + p.threat.length + p.harm.length + p.weapon.length + p.fear.length + p.held.length;
  // Missing and taken: "hasn't come home, I think they took him" is a sign of risk in itself.
  const atRisk = signs > 0 || (p.missing.length > 0 && p.taken.length > 0);
  return atRisk ? 'at_risk' : 'missing';
}

/** Something harmful read in the clause, strongest first, with the hit that says it. */
export function somethingHarmful(c: Cues): { kind: DangerKind; hit: ListHit<readonly string[]> } | undefined {
  for (const kind of HARMFUL) {
    const hit = c.parts[kind][0];
    if (hit) return { kind, hit };
  }
  return undefined;
}

/** Harm told as going on or just done ("is hitting me", "has just stabbed him"): a safe phrase then tells of before. */
export function harmGoingOn(c: Cues): boolean {
  return c.parts.recent.length > 0 || progressiveHarm(c);
}

/** The harmful parts that are things done, which a progressive word can tell as going on ("a knife is" is not; "theyre dealing from my flat" is). */
const DOINGS: readonly DangerPart[] = ['harm', 'threat', 'taken', 'held', 'home_taken'];
/** How near a harmful word a progressive marker stands: "is hitting", "maar raha hai". */
const PROGRESSIVE_REACH = 2;

/** Harm told as going on ("he is hitting her", "me está pegando", "maar raha hai"): a progressive word next to a harmful one. */
export function progressiveHarm(c: Cues): boolean {
  return progressiveNextToHarm(c).length > 0;
}

/** The progressive words standing next to a harmful doing; one inside a phrase of the past ("maar raha tha", was hitting) tells of before. */
export function progressiveNextToHarm(c: Cues): ListHit<unknown>[] {
  const harmful = DOINGS.flatMap((k) => c.parts[k]);
  return without(c.parts.progressive, c.parts.past).filter((g) => harmful.some((h) => gap(g, h) < PROGRESSIVE_REACH));
}

/** The first harmful word, strongest kind first, that is happening now or here in words of its own. */
export function harmfulNow(c: Cues): { kind: DangerKind; hit: ListHit<unknown> } | undefined {
  for (const kind of HARMFUL) for (const hit of c.parts[kind]) if (happeningNow(c, hit, kind === 'home_taken')) return { kind, hit };
  return undefined;
}

/** Now, here, or a call for help, in words other than the harmful ones ("kicking my door" is not also "my door"). */
export function happeningNow(c: Cues, harmful: ListHit<unknown>, atHome = false): boolean {
  const apart = (hits: ListHit<unknown>[]) => without(hits, [harmful]).length > 0;
  // "just grabbed" says when, not what: a recent word may share words with the harmful one. A home taken
  // over is somewhere by its nature: "here" says nothing of when ("the flat downstairs has been cuckooed").
  return apart(c.parts.now) || c.parts.recent.length > 0 || (!atHome && apart(c.parts.here)) || apart(c.parts.plea) || progressiveHarm(c);
}

const yes = (kind: DangerKind, rule: string, extra: Partial<DangerReading> = {}): Omit<DangerReading, 'languages'> => ({ value: true, rule: `danger:${rule}`, kind, ...extra });
const no = (rule: string, next?: NextStep): Omit<DangerReading, 'languages'> => ({ value: false, rule: `no-danger:${rule}`, ...(next && { next }) });
/** No danger, and the clause set aside whatever else it says (a past story, a "what if", a figure of speech). */
const aside = (rule: string, next?: NextStep): Omit<DangerReading, 'languages'> => ({ ...no(rule, next), setAside: true });

/**
 * Reads one clause: the rules in order. Figures of speech, "what if" questions, questions about figures,
 * harm of the past and phrases of safety are set aside first. Held or needing an ambulance is danger on its
 * own; anything else harmful needs now, here or a call for help; a missing child needs a sign of risk.
 */
export function readClause(raw: Cues): Omit<DangerReading, 'languages'> {
  const told = setAsideNegated(setAsideSafePhrases(setAsideFiguresOfSpeech(raw)));
  const spokenHarm = somethingHarmful(raw) !== undefined || raw.triggers.length > 0;
  if (spokenHarm && !somethingHarmful(told) && told.triggers.length === 0 && (raw.parts.idiom.length > 0 || raw.parts.joke.length > 0 || raw.parts.hyperbole_subjects.length > 0)) return aside('figure-of-speech');
  if (isHypothetical(told)) return aside('hypothetical', told.parts.confront.length > 0 ? 'confront' : undefined);
  if (asksForFigures(told) && told.parts.now.length === 0) return aside('figure-question');
  // A child missing stays missing ("went missing last night"), unless it was long ago; a child taken is told
  // in time like any harm ("as a teenager they forced me to carry drugs").
  const missingThen = told.parts.long_ago.length > 0 && told.parts.now.length === 0;
  const missingNow = told.parts.missing.length > 0 && !missingThen ? missingChild(told) : undefined;
  if (missingNow === 'at_risk') return yes('missing_child', 'missing-child-at-risk', { next: 'missing_child' });
  const c = setAsidePastHarm(told);
  const p = c.parts;
  const takenNow = missingNow === undefined ? missingChild({ ...c, parts: { ...p, missing: [] } }) : undefined;
  if (takenNow === 'at_risk') return yes('missing_child', 'child-taken-at-risk', { next: 'missing_child' });
  const toldConcern = somethingHarmful(told) !== undefined || told.triggers.length > 0 || told.parts.risk.length > 0;
  if (toldConcern && !somethingHarmful(c) && c.triggers.length === 0 && p.risk.length === 0) {
    // Harm of the past, and the people here now: "they stabbed him last year and now they're outside".
    const harm = somethingHarmful(told);
    const hereApart = harm ? without(p.here, [harm.hit]) : p.here;
    if (harm && p.now.length + p.recent.length > 0 && hereApart.length > 0) return yes(harm.kind, 'past-harm-here-now');
    return aside('past', missingNow === 'missing' ? 'missing_child' : undefined);
  }
  const confront = p.confront.length > 0 ? 'confront' : undefined;
  const missing = missingNow ?? takenNow;
  // ...unless harm is going on as it is told: "he went missing, we found him, he is being threatened" is danger now.
  if (p.missing.length > 0 && p.found.length > 0 && !harmGoingOn(c)) return aside('found-since');
  if (p.safe.length > 0 && p.plea.length === 0 && !harmGoingOn(c)) return aside('safe-now', missing === 'missing' ? 'missing_child' : undefined);
  // Someone found and home: "the police found her and she's home now, what do I do now" is no call for help.
  if (p.found.length > 0 && !harmGoingOn(c) && somethingHarmful(c) === undefined) return aside('found-since');
  const trigger = c.triggers[0];
  if (trigger) return yes('trigger', `trigger:${trigger.phrase}`, { intent: trigger.value });
  // Going round now, or going round armed: "my husband went with an axe to those guys".
  if (confront && p.now.length + p.weapon.length > 0) return yes('harm', 'confront-now', { next: 'confront' });
  const harmful = somethingHarmful(c);
  if (harmful && (harmful.kind === 'held' || harmful.kind === 'ambulance')) return yes(harmful.kind, harmful.kind);
  const now = harmfulNow(c);
  if (now) {
    const next = now.kind === 'home_taken' || p.home_taken.length > 0 ? 'home_taken' : undefined;
    return yes(now.kind, `${now.kind}-now`, next ? { next } : {});
  }
  if (p.plea.length > 0 && (p.here.length > 0 || (p.fear.length > 0 && p.now.length > 0))) return yes('plea', 'help-here');
  if (p.fear.length > 0 && p.here.length > 0 && p.now.length + p.recent.length > 0) return yes('plea', 'scared-here-now');
  if (onlyAPlea(c)) return yes('plea', 'help-alone');
  // The people who harm children here now, with a child near: "quick the lads are in the stairwell and my kids are on the landing".
  if (p.risk.length > 0 && p.here.length > 0 && p.now.length > 0 && namesChild(c)) return yes('threat', 'them-near-child-now');
  if (missing === 'missing') return no('missing-child', 'missing_child');
  const worry = Boolean(harmful) || p.plea.length > 0 || p.fear.length > 0;
  const concern = worry || p.risk.length > 0 || p.missing.length > 0 || p.confront.length > 0;
  const present = p.now.length + p.here.length + p.recent.length > 0;
  return {
    ...no(harmful ? `${harmful.kind}-not-now` : 'nothing-harmful', confront),
    ...(worry && { harmful: true }),
    ...(concern && { concern: true }),
    ...(present && { present: true }),
    ...(harmful && { kind: harmful.kind }),
  };
}

/** A message that is nothing but a call for help ("help me please", "HELP PLS"); one bare "help" asks how to use the bot. */
export function onlyAPlea(c: Cues): boolean {
  const covered = new Set(c.parts.plea.flatMap((h) => Array.from({ length: h.length }, (_, k) => h.at + k)));
  return c.tokens.length >= 2 && c.tokens.every((_, i) => covered.has(i));
}

/** Sentence ends in the scripts people write to the bot. A line break is not one: people on phones break lines mid-sentence. */
const SENTENCE_END = /[.!?;…۔؟।॥]+/u;

/** Digits run into letters ("14yo", "2days"): read as two words, in every script. */
const DIGITS_THEN_LETTERS = /(\p{N})(?=\p{L})|(\p{L})(?=\p{N})/gu;

/** A clause's words split again at words that turn it round ("they threatened me months ago | its fine now"). */
export function splitAtTurns(tokens: readonly string[], check: DangerCheck): string[][] {
  const clauses: string[][] = [];
  let start = 0;
  for (const turn of check.turns.all(tokens)) {
    if (turn.at > start) clauses.push(tokens.slice(start, turn.at));
    start = turn.at + turn.length;
  }
  if (start < tokens.length) clauses.push(tokens.slice(start));
  return clauses;
}

/** The clauses of a message: its sentences, each split again at words that turn it round ("but"). */
export function clausesOf(text: string, check: DangerCheck): string[][] {
  return text.split(SENTENCE_END).flatMap((sentence) => splitAtTurns(words(fold(sentence.replace(DIGITS_THEN_LETTERS, '$1$2 '))), check));
}

/**
 * Reads danger in a message, clause by clause: danger if any clause holds it, or if a clause tells of harm
 * and the next one says it is now or here. Only the words as typed are read: the classifier's spelling
 * corrections are made for its own words ("killing" read as "kicking"), not for these.
 */
export function readDanger(text: string, check: DangerCheck): DangerReading {
  const clauses = clausesOf(text, check);
  const languages: string[] = [];
  let next: NextStep | undefined;
  let last: Omit<DangerReading, 'languages'> | undefined;
  let setAside = false;
  let concern = false;
  let pending: Omit<DangerReading, 'languages'> | undefined;
  const cuesOf = clauses.map((tokens) => readCues(tokens, check));
  // "he went missing with older boys, but he's back home now": found in any clause ends the worry.
  const foundSomewhere = cuesOf.some((c) => setAsideSafePhrases(c).parts.found.length > 0);
  for (const cues of cuesOf) {
    for (const part of DANGER_PARTS) for (const h of cues.parts[part]) languages.push(...h.value);
    const read = readClause(cues);
    const reading = read.value && read.kind === 'missing_child' && foundSomewhere ? aside('found-since') : read;
    if (reading.value) return { ...reading, languages };
    // "They've taken over my house. They're in the front room now.": harm, then now or here, in the next sentence.
    if (pending && reading.present && !reading.setAside) {
      const next = pending.kind === 'home_taken' ? 'home_taken' : pending.next;
      return { ...yes(pending.kind ?? 'harm', 'harm-then-here', next ? { next } : {}), languages };
    }
    pending = reading.harmful && !reading.setAside && reading.kind ? reading : undefined;
    next ??= reading.next;
    if (!last || (reading.harmful && !last.harmful)) last = reading;
    concern ||= Boolean(reading.concern || reading.harmful);
    setAside ||= Boolean(reading.setAside);
  }
  return { ...(last ?? no('empty')), ...(next && { next }), ...(setAside && { setAside }), ...(concern && { concern }), languages };
}
