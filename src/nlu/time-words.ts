import type { Words } from '../knowledge/language-words.js';
import { wordSetOf } from './phrases.js';

/**
 * Words that only ever say when: the month names and the `time_words` of data/lang/en.yaml. The matcher
 * treats them as neither on nor off topic and leaves them out of what the classifier sees, because the
 * frame's time step reads them.
 */
export function timeWords(words: Pick<Words, 'months' | 'time_words'>): ReadonlySet<string> {
  return wordSetOf(words.months, words.time_words);
}
