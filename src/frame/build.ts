import type { Knowledge, Operation } from '../knowledge/knowledge.js';
import { latestOperation } from '../knowledge/knowledge.js';
import { englishWords } from '../knowledge/languages.js';
import { wordSetOf, workingWordsOf } from '../nlu/phrases.js';
import type { Understanding } from '../nlu/understand.js';
import { contactRule } from './contact.js';
import { readDanger, type DangerCheck, type DangerReading } from './danger.js';
import type { FacetFinder } from './facet.js';
import { exceptsCounty, operationStep } from './operation.js';
import { answerCounties, namesRegion, placesStep } from './places.js';
import { timeStep } from './time.js';
import type { Decision, Frame } from './types.js';

/** What the frame steps need besides the message: the data and the emergency intent's words. */
export interface FrameReader {
  knowledge: Knowledge;
  facets: FacetFinder;
  /** The danger intents' trigger phrases and every language's danger words. */
  danger: DangerCheck;
}

/** Every part of the frame except the act, which waits for the classifier; with each step's rule. */
export interface FrameParts extends Omit<Frame, 'act' | 'rule'> {
  /** The danger reading, made before any ranking; `intent` is the danger intent whose trigger fired. */
  emergency: DangerReading;
  /** Whether the message asks how to contact someone. */
  contact: Decision<boolean> & { crimestoppers?: boolean };
  /** The weeks the answer draws on (the asked one, or the latest); empty when none held matches the time asked. */
  weeks: Operation[];
  /** The counties a figure answer is about. */
  counties: string[];
  /** Rules each step used, in order. */
  steps: string[];
}

/**
 * Runs the frame steps on a message's understanding, in order: danger, contact, time, places, facet,
 * operation, leftovers. `danger` is the whole message's danger reading, read once, first; when not given,
 * it is read here from `text` (the message as typed, whose sentence ends the reading uses).
 */
export function readFrame(u: Understanding, reader: FrameReader, now: number, text: string = u.whole, danger?: DangerReading): FrameParts {
  const { knowledge } = reader;
  const typed = u.normalised === '' ? [] : u.normalised.split(' ');
  const emergencyRead = danger ?? readDanger(text, reader.danger);
  const contact = contactRule(emergencyRead.value ? [] : [...typed, '|', ...u.tokens], u.mentions.length > 0, englishWords(knowledge.languages), u.metrics.length > 0);
  const time = timeStep(typed, knowledge, now);
  const weeks = time.value.operations.map((id) => knowledge.operations.find((o) => o.id === id)!).filter(Boolean);
  const op = weeks[0] ?? latestOperation(knowledge);
  const places = placesStep(u.mentions, u.regionWide, knowledge, op);
  const regionNamed = namesRegion(u.tokens, englishWords(knowledge.languages));
  const ownStory = wordSetOf(englishWords(knowledge.languages).own_story);
  // A town beside counties is one of the places asked, unless the person says where they are or tells their own story.
  const listed = !u.tokens.some((t) => ownStory.has(t));
  const counties = answerCounties(places, regionNamed, listed);
  const facet = reader.facets.find(typed, u.tokens);
  const operation = operationStep(u.tokens, counties.length, weeks.length, { metrics: u.metrics.length, regionNamed, except: exceptsCounty(typed, u.mentions, englishWords(knowledge.languages)) }, englishWords(knowledge.languages));
  // Words the frame read are understood: a breakdown's, a time's, and, when it works on the figures, the working's ("difference").
  const working = operation.value.kind === 'value' ? undefined : workingWordsOf(englishWords(knowledge.languages));
  const said = new Set([...(facet?.said.split(' ') ?? []), ...(time.value.said?.split(/[ ,]+/) ?? [])]);
  const used = (w: string) => said.has(w) || working?.has(w) === true;
  return {
    metrics: u.metrics,
    places,
    time: time.value,
    facet,
    operation: operation.value,
    leftovers: u.unknown.filter((w) => !used(w)),
    emergency: emergencyRead,
    contact,
    weeks,
    counties,
    steps: [emergencyRead.rule, contact.rule, time.rule, operation.rule],
  };
}
