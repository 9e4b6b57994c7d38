import { loadModule } from 'cld3-asm';
import type { Detect, Guess } from './language.js';

/** Shortest text, in bytes, the detector will judge: short messages are the norm here. */
const MIN_BYTES = 0;
/** Longest text, in bytes, the detector reads. */
const MAX_BYTES = 1000;

let loading: Promise<Detect> | undefined;

/**
 * Google's Compact Language Detector 3, as WebAssembly (cld3-asm), loaded once per process. Chosen
 * over eld, tinyld and franc-min on the danger set's short messages: as accurate as eld on the
 * region's languages (and it knows Welsh), at a sixth of eld's memory. See the README.
 */
export function loadDetector(): Promise<Detect> {
  loading ??= loadModule().then((factory) => {
    const identifier = factory.create(MIN_BYTES, MAX_BYTES);
    return (text: string) => {
      const found = identifier.findLanguage(text);
      return readGuess(String(found.language), found.is_reliable);
    };
  });
  return loading;
}

/**
 * CLD3's answer as a guess. A language written in a script not its own ("ru-Latn": Russian in Latin letters) is
 * no guess of the language the bot holds a file for: a word typed without its vowels ("hrtfrdshr") looks like it.
 */
export function readGuess(language: string, reliable: boolean): Guess | undefined {
  if (language === 'und' || language.includes('-')) return undefined;
  return { code: language, reliable };
}
