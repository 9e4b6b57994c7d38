import { normalise, words } from './normalise.js';

/** Rewrites slang and short forms to plain words, longest phrase first ("old bill" → police). */
export function createLexicon(typedToPlain: ReadonlyMap<string, string>) {
  const phrases = new Map<string, string[]>();
  for (const [typed, plain] of typedToPlain) phrases.set(normalise(typed), words(normalise(plain)));
  const longest = Math.max(1, ...[...phrases.keys()].map((p) => words(p).length));

  return (tokens: readonly string[]): string[] => {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      let n = Math.min(longest, tokens.length - i);
      for (; n >= 1; n--) {
        const plain = phrases.get(n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' '));
        if (plain) {
          out.push(...plain);
          break;
        }
      }
      if (n >= 1) i += n;
      else out.push(tokens[i++]!);
    }
    return out;
  };
}
