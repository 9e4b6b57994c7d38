import type { Intent } from '../intents/load.js';
import type { Templates } from '../intents/schema.js';
import type { SpeakerReading } from '../nlu/speaker.js';

/** The tone a plain-text reply is written in. */
export type Tone = 'young' | 'professional' | 'plain';

/** The tone rule's decision: which templates to fill, and why. */
export interface ToneChoice {
  tone: Tone;
  templates: Templates | undefined;
  /** Names the rule and the words that decided it, for logs and `ask --json`. */
  rule: string;
}

/**
 * The tone rule: a message that reads as coming from a young person gets the intent's `young:` answer
 * (short, warm, second person), and one from someone at work its `professional:` answer, when the intent
 * has one; everyone else gets `text:`. When nothing says who is asking, the intent's `default_tone:` decides.
 */
export function chooseTone(intent: Pick<Intent, 'answer'> & Partial<Pick<Intent, 'default_tone'>>, speaker: SpeakerReading | undefined): ToneChoice {
  const who = speaker?.speaker ?? intent.default_tone;
  const templates = who === 'young' ? intent.answer.young : who === 'professional' ? intent.answer.professional : undefined;
  if ((who === 'young' || who === 'professional') && templates) {
    return { tone: who, templates, rule: speaker?.speaker ? `tone: ${who} (${speaker.words.join(', ')})` : `tone: ${who} (the intent's default_tone)` };
  }
  return { tone: 'plain', templates: intent.answer.text, rule: 'tone: plain' };
}
