import { normalise, words } from './normalise.js';
import type { Words } from '../knowledge/language-words.js';
import { alternativesOf, phrasesIn } from './phrases.js';

/** Who a message seems to come from, when its words say so. A neighbour is someone worried about the home next door. */
export type Speaker = 'young' | 'parent' | 'professional' | 'neighbour';

/** The speaker rule's decision, with the words that decided it (for logs, `ask --json` and tests). */
export interface SpeakerReading {
  speaker: Speaker | undefined;
  /** The name of the rule, so a reply can say which rule set its tone. */
  rule: 'speaker';
  /** The phrases found in the message that decided the speaker. */
  words: string[];
}

/** The lists of data/lang/en.yaml's `words:` that the speaker rule reads. */
export type SpeakerWords = Pick<Words, 'young_ages' | 'young_strong' | 'young_weak' | 'parent' | 'parent_weak' | 'neighbour' | 'professional' | 'jobs' | 'jobs_here'>;

/** The sentence shapes of the speaker rule, with the words of data/lang/en.yaml put in. */
interface SpeakerPatterns {
  /** "im 15", "i am fourteen", "im only 13": a young person giving their age (`young_ages`). */
  givesAge: RegExp;
  /** "my 15 year old", "my fourteen yo": a parent speaking of their child by age (any in digits, or `young_ages` in words). */
  childByAge: RegExp;
  /** "im a year 9 teacher", "nurse here", "student found with": someone at work, by their job (`jobs`, `jobs_here`) or a pupil's. */
  atWork: RegExp;
  /** `parent`, each phrase starting "my" also with an s: "my daughters room", once the apostrophe is gone. */
  parent: readonly string[];
}

const patterns = new WeakMap<SpeakerWords, SpeakerPatterns>();

/** Builds the {@link SpeakerPatterns} of some speaker words once, and keeps them while the words are loaded. */
function patternsOf(speakerWords: SpeakerWords): SpeakerPatterns {
  const known = patterns.get(speakerWords);
  if (known) return known;
  const { young_ages: ages, jobs, jobs_here: jobsHere } = speakerWords;
  const built = {
    givesAge: new RegExp(` (?:im|i am|i m)(?: only| just)? (?:${alternativesOf(ages)})(?: years? old| yrs? old| yo)? `),
    childByAge: new RegExp(` my (?:\\d{1,2}|${alternativesOf(ages.filter((a) => !/^\d+$/.test(a)))}) ?(?:year old|yr old|yo|yrs? old)s? `),
    atWork: new RegExp(
      ` (?:im|i am|i m) an? (?:[a-z0-9]+ ){0,3}(?:${alternativesOf(jobs)})s? | (?:${alternativesOf(jobsHere)}) here |^ students? (?:was |were |got |has |had )?(?:found|caught|seen|told|said|disclosed) `,
    ),
    parent: speakerWords.parent.flatMap((p) => (p.startsWith('my ') ? [p, `${p}s`] : [p])),
  };
  patterns.set(speakerWords, built);
  return built;
}

/** The phrases of a list found in a message's words, each once. */
const found = (tokens: readonly string[], phrases: readonly string[]) => [...new Set(phrasesIn(phrases).all(tokens).map((h) => h.phrase))];

/**
 * The speaker rule: reads whether a message comes from a young person, a parent or someone at work,
 * from the words it uses ("im 15", "my mates", "i owe them"; "my son"; "im a teacher").
 * A parent's or worker's words win over the weaker young signs ("my mum" alone is not enough). Softer signs
 * of a parent ("his dad isnt around") count only when nothing points to a young person; a neighbour
 * ("the flat upstairs") is read last. The phrases are the lists of `speakerWords`, from data/lang/en.yaml.
 */
export function readSpeaker(text: string, speakerWords: SpeakerWords): SpeakerReading {
  const { givesAge, childByAge, atWork, parent: parentPhrases } = patternsOf(speakerWords);
  const normalised = normalise(typeof text === 'string' ? text : '');
  const padded = ` ${normalised} `;
  const tokens = words(normalised);
  const age = padded.match(givesAge)?.[0].trim();
  const strong = [...(age ? [age] : []), ...found(tokens, speakerWords.young_strong)];
  const weak = found(tokens, speakerWords.young_weak);
  const professional = [...found(tokens, speakerWords.professional), ...(padded.match(atWork)?.map((m) => m.trim()) ?? [])];
  const parent = [...found(tokens, parentPhrases), ...(padded.match(childByAge)?.map((m) => m.trim()) ?? [])];
  const reading = (speaker: Speaker | undefined, words: string[]): SpeakerReading => ({ speaker, rule: 'speaker', words });
  if (age) return reading('young', strong);
  if (professional.length > 0) return reading('professional', professional);
  if (parent.length > 0) return reading('parent', parent);
  if (strong.length > 0) return reading('young', [...strong, ...weak]);
  if (weak.length >= 2) return reading('young', weak);
  const parentWeak = weak.length === 0 ? found(tokens, speakerWords.parent_weak) : [];
  if (parentWeak.length > 0) return reading('parent', parentWeak);
  const neighbour = found(tokens, speakerWords.neighbour);
  if (neighbour.length > 0) return reading('neighbour', neighbour);
  return reading(undefined, []);
}
