import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguages, type Language } from '../../src/knowledge/languages.js';
import { PROJECT_ROOT } from '../../src/files/project-root.js';
import { DANGER_FIRST_LINE } from '../../src/reply/compose.js';
import { localise } from '../../src/reply/localise.js';

let languages: Map<string, Language>;
beforeAll(async () => {
  languages = (await loadLanguages(resolve(PROJECT_ROOT, 'test/fixtures/danger'), 'fixtures')).languages!;
});

const contacts = new Map([['emergency', { number: '999' }], ['police', { number: '101' }], ['crimestoppers', { number: '0800 555 111' }]]);
const danger = `${DANGER_FIRST_LINE} Tell them where you are.`;

describe('localise', () => {
  it('leaves English alone', () => {
    expect(localise(danger, { danger: true, answered: true, language: 'en', languages, contacts })).toBe(danger);
  });

  it('says the 999 line in English, then in the language, with 999 in both; the rest follows', () => {
    const body = localise(danger, { danger: true, answered: true, language: 'xx', languages, contacts });
    expect(body.split('\n')[0]).toBe(DANGER_FIRST_LINE);
    expect(body.split('\n')[1]).toBe('Zork 999 nu, plek gevaar. Vertel waar.');
    expect(body).toContain('Tell them where you are.');
  });

  it('gives a short note in the language when the bot did not answer, and the note then the answer when it did', () => {
    expect(localise('Sorry, I can only help with...', { danger: false, answered: false, language: 'xx', languages, contacts })).toBe(
      'Dis bot spreek Engels. Gevaar: 999. Polis: 101. Anoniem: 0800 555 111.',
    );
    expect(localise('Essex had 44 arrests.', { danger: false, answered: true, language: 'xx', languages, contacts })).toMatch(/^Dis bot spreek Engels\..*\n\nEssex had 44 arrests\.$/s);
  });

  it('keeps the English when the language has no sentence for it (the fixture English file has none)', () => {
    expect(localise(danger, { danger: true, answered: true, language: 'en', languages, contacts })).toBe(danger);
    expect(localise('Essex had 44 arrests.', { danger: false, answered: true, language: 'zz', languages, contacts })).toBe('Essex had 44 arrests.');
  });
});
