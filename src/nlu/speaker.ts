import { normalise } from './normalise.js';

/** Who a message seems to come from, when its words say so. */
export type Speaker = 'young' | 'parent' | 'professional';

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
];

/** Phrases a young person often writes but adults do too: two are needed. */
const YOUNG_WEAK = ['my mum', 'my dad', 'my mate', 'my m8', 'bruv', 'fam', 'innit', 'my friend', 'my bf', 'my gf'];

/** "my 15 year old", "my 14yo": a parent speaking of their child by age. */
const CHILD_BY_AGE = / my (?:\d{1,2}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen) ?(?:year old|yr old|yo|yrs? old)s? /;

/** An adult asking about their own child. */
const PARENT = [
  'my son', 'my daughter', 'my kid', 'my kids', 'my child', 'my children', 'my boy', 'my girl', 'my teenager', 'my teen',
  'my stepson', 'my step son', 'my stepdaughter', 'my step daughter', 'my grandson', 'my granddaughter', 'my nephew', 'my niece',
  'as a parent', 'as a mum', 'as a dad', 'im a parent', 'im a mum', 'im a dad', 'my youngest', 'my eldest',
].flatMap((p) => (p.startsWith('my ') ? [p, `${p}s`] : [p])); // "my daughters room" once the apostrophe is gone

/** Someone asking in their work with young people. */
const PROFESSIONAL = [
  'im a teacher', 'as a teacher', 'i teach', 'my pupil', 'my pupils', 'a pupil', 'my student', 'my students', 'in my class',
  'social worker', 'youth worker', 'im a foster carer', 'as a foster carer', 'school nurse', 'safeguarding lead', 'dsl',
  'i work with young', 'i work with children', 'i work with kids', 'i work in a school', 'i work at a school', 'a young person i work with',
  'taxi driver', 'i drive a taxi', 'i drive a cab', 'cabbie', 'cab driver', 'bus driver', 'i drive a bus', 'im a driver', 'my passengers', 'a passenger', 'care home', 'childrens home', 'i manage', 'my staff',
];

const found = (padded: string, phrases: readonly string[]) => phrases.filter((p) => padded.includes(` ${p} `));

/**
 * The speaker rule: reads whether a message comes from a young person, a parent or someone at work,
 * from the words it uses ("im 15", "my mates", "i owe them"; "my son"; "im a teacher").
 * A parent's or worker's words win over the weaker young signs ("my mum" alone is not enough).
 */
export function readSpeaker(text: string): SpeakerReading {
  const padded = ` ${normalise(typeof text === 'string' ? text : '')} `;
  const age = padded.match(GIVES_AGE)?.[0].trim();
  const strong = [...(age ? [age] : []), ...found(padded, YOUNG_STRONG)];
  const weak = found(padded, YOUNG_WEAK);
  const professional = found(padded, PROFESSIONAL);
  const parent = [...found(padded, PARENT), ...(padded.match(CHILD_BY_AGE)?.map((m) => m.trim()) ?? [])];
  const reading = (speaker: Speaker | undefined, words: string[]): SpeakerReading => ({ speaker, rule: 'speaker', words });
  if (age) return reading('young', strong);
  if (professional.length > 0) return reading('professional', professional);
  if (parent.length > 0) return reading('parent', parent);
  if (strong.length > 0) return reading('young', [...strong, ...weak]);
  if (weak.length >= 2) return reading('young', weak);
  return reading(undefined, []);
}
