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
 * has one; everyone else gets `text:`.
 */
export function chooseTone(intent: Pick<Intent, 'answer'>, speaker: SpeakerReading | undefined): ToneChoice {
  const templates = speaker?.speaker === 'young' ? intent.answer.young : speaker?.speaker === 'professional' ? intent.answer.professional : undefined;
  if (speaker?.speaker && speaker.speaker !== 'parent' && templates) {
    return { tone: speaker.speaker, templates, rule: `tone: ${speaker.speaker} (${speaker.words.join(', ')})` };
  }
  return { tone: 'plain', templates: intent.answer.text, rule: 'tone: plain' };
}
