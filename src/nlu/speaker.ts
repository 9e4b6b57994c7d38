import { normalise, words } from './normalise.js';
import { phraseSet, type PhraseIndex } from './phrases.js';

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

const AGES = ['10', '11', '12', '13', '14', '15', '16', '17', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen'];

/** "im 15", "i am fourteen", "im only 13": a young person giving their age. */
const GIVES_AGE = new RegExp(` (?:im|i am|i m)(?: only| just)? (?:${AGES.join('|')})(?: years? old| yrs? old| yo)? `);

/** Phrases only a young person is likely to write about themselves. One is enough. */
const YOUNG_STRONG = [
  'i owe them', 'i owe him', 'i owe money', 'say i owe', 'said i owe', 'saying i owe', 'says i owe', 'i owe a debt',
  'my mates', 'older lads', 'older boys', 'older guys', 'older kids',
  'at school', 'my school', 'my teacher', 'in year', 'my parents', 'tell my mum', 'tell my dad', 'my mum will', 'my dad will',
  'my mum doesnt', 'my mum dont', 'my mum found', 'my mum would', 'my foster carer', 'my social worker', 'my carer',
  'im a kid', 'im a teenager', 'im young', 'im underage', 'im under 18',
  'older lad', 'older boy', 'older guy', 'my cousin wants me', 'snitch', 'snitches', 'snitching', 'grass on', 'my block',
  'do runs', 'doing runs', 'did runs', 'do drops', 'doing drops', 'did a drop', 'run for them', 'running for them',
  'should i tell my', 'should i tell her', 'should i tell him', 'should i tell someone', 'i cant tell my mum', 'i cant tell my dad',
  'without my mum', 'without my dad', 'without my parents', 'my mum finding out', 'my dad finding out', 'my parents finding out',
  'my mum knowing', 'my dad knowing', 'my parents knowing',
];

/** Phrases a young person often writes but adults do too: two are needed. */
const YOUNG_WEAK = [
  'my mum', 'my dad', 'my mate', 'my m8', 'bruv', 'fam', 'innit', 'my friend', 'my bf', 'my gf', 'my best mate', 'my best friend', 'in my class',
  'teacher', 'ngl', 'lowkey', 'tbh', 'idk', 'wanna', 'gonna', 'dunno',
];

/** "my 15 year old", "my 14yo": a parent speaking of their child by age. */
const CHILD_BY_AGE = / my (?:\d{1,2}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen) ?(?:year old|yr old|yo|yrs? old)s? /;

/** An adult asking about their own child. */
const PARENT = [
  'my son', 'my daughter', 'my kid', 'my kids', 'my child', 'my children', 'my boy', 'my girl', 'my teenager', 'my teen',
  'my stepson', 'my step son', 'my stepdaughter', 'my step daughter', 'my grandson', 'my granddaughter', 'my nephew', 'my niece',
  'as a parent', 'as a mum', 'as a dad', 'im a parent', 'im a mum', 'im a dad', 'my youngest', 'my eldest',
].flatMap((p) => (p.startsWith('my ') ? [p, `${p}s`] : [p])); // "my daughters room" once the apostrophe is gone

/** Words that point to a parent or carer, but only when nothing in the message points to a young person. */
const PARENT_WEAK = [
  'his dad', 'her dad', 'his mum', 'her mum', 'his father', 'her father', 'his mother', 'her mother',
  'grandson', 'granddaughter', 'daughter', 'stepson', 'stepdaughter', 'foster son', 'foster daughter', 'foster child',
  'losing him', 'losing her', 'my lad', 'my lads', 'our lad', 'our kid',
];

/** A neighbour worried about the home next door, upstairs or across the road. */
const NEIGHBOUR = [
  'neighbour', 'neighbours', 'my neighbour', 'next door', 'flat upstairs', 'upstairs flat', 'flat downstairs', 'flat below',
  'flat above', 'across the road', 'over the road', 'across the street', 'on my street', 'in my block', 'on our street',
];

/** Someone asking in their work with young people. */
const PROFESSIONAL = [
  'im a teacher', 'as a teacher', 'i teach', 'my pupil', 'my pupils', 'a pupil', 'my student', 'my students',
  'social worker', 'youth worker', 'im a foster carer', 'as a foster carer', 'school nurse', 'safeguarding lead', 'dsl',
  'i work with young', 'i work with children', 'i work with kids', 'i work in a school', 'i work at a school', 'a young person i work with',
  'receptionist', 'gp', 'pharmacist', 'paramedic', 'security guard', 'hotel staff', 'shop staff', 'pupil', 'pupils', 'one of my students', 'our students', 'our pupils', 'a student', 'the student', 'parents evening', 'my caseload', 'our residents',
  'as a school', 'our school', 'teacher here', 'driver here', 'cabbie here', 'i drive coaches', 'i drive a coach', 'coach driver', 'my cab', 'my taxi', 'my drivers', 'a fare',
  'taxi driver', 'i drive a taxi', 'i drive a cab', 'cabbie', 'cab driver', 'bus driver', 'i drive a bus', 'im a driver', 'my passengers', 'a passenger', 'care home', 'childrens home', 'i manage', 'my staff',
];

/** "im a year 9 teacher", "i am a school nurse", "student found with": someone at work, by their job or a pupil's. */
const AT_WORK = / (?:im|i am|i m) an? (?:[a-z0-9]+ ){0,3}(?:teacher|tutor|headteacher|nurse|receptionist|driver|cabbie|worker|manager|officer|coach|warden|guard)s? | (?:teacher|tutor|nurse|receptionist|driver|paramedic|worker|officer|warden|guard|owner|manager) here |^ students? (?:was |were |got |has |had )?(?:found|caught|seen|told|said|disclosed) /;

/** Each list indexed by first word once, so reading a message costs the same however long the lists grow. */
const INDEX = new Map<readonly string[], PhraseIndex<string>>(
  [YOUNG_STRONG, YOUNG_WEAK, PROFESSIONAL, PARENT, PARENT_WEAK, NEIGHBOUR].map((list) => [list, phraseSet(list)] as const),
);

/** The phrases of a list found in a message's words, each once. */
const found = (tokens: readonly string[], phrases: readonly string[]) => [...new Set(INDEX.get(phrases)!.all(tokens).map((h) => h.phrase))];

/**
 * The speaker rule: reads whether a message comes from a young person, a parent or someone at work,
 * from the words it uses ("im 15", "my mates", "i owe them"; "my son"; "im a teacher").
 * A parent's or worker's words win over the weaker young signs ("my mum" alone is not enough). Softer signs
 * of a parent ("his dad isnt around") count only when nothing points to a young person; a neighbour
 * ("the flat upstairs") is read last.
 */
export function readSpeaker(text: string): SpeakerReading {
  const normalised = normalise(typeof text === 'string' ? text : '');
  const padded = ` ${normalised} `;
  const tokens = words(normalised);
  const age = padded.match(GIVES_AGE)?.[0].trim();
  const strong = [...(age ? [age] : []), ...found(tokens, YOUNG_STRONG)];
  const weak = found(tokens, YOUNG_WEAK);
  const professional = [...found(tokens, PROFESSIONAL), ...(padded.match(AT_WORK)?.map((m) => m.trim()) ?? [])];
  const parent = [...found(tokens, PARENT), ...(padded.match(CHILD_BY_AGE)?.map((m) => m.trim()) ?? [])];
  const reading = (speaker: Speaker | undefined, words: string[]): SpeakerReading => ({ speaker, rule: 'speaker', words });
  if (age) return reading('young', strong);
  if (professional.length > 0) return reading('professional', professional);
  if (parent.length > 0) return reading('parent', parent);
  if (strong.length > 0) return reading('young', [...strong, ...weak]);
  if (weak.length >= 2) return reading('young', weak);
  const parentWeak = weak.length === 0 ? found(tokens, PARENT_WEAK) : [];
  if (parentWeak.length > 0) return reading('parent', parentWeak);
  const neighbour = found(tokens, NEIGHBOUR);
  if (neighbour.length > 0) return reading('neighbour', neighbour);
  return reading(undefined, []);
}
