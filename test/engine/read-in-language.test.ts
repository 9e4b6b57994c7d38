import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/engine/context.js';
import { distinctiveWords, ownWordsOf, type Engine } from '../../src/engine/engine.js';
import type { Language } from '../../src/knowledge/languages.js';
import { createInflectionReader, createLanguageReader, createLexicon, stemsOf } from '../../src/nlu/lexicon.js';
import { hasFooter } from '../../src/reply/compose.js';
import { logicFigure, realEngine } from '../helpers/fixtures.js';

// Testish (test/fixtures/logic-data/lang/xx.yaml) is invented, so passing here shows any language's lexicon is read alike.
const NOTE = 'Dis bot spreek Engels.';

describe('createLanguageReader', () => {
  const read = createLanguageReader(new Map([['hoeveela', 'how many'], ['wat isa', 'what is'], ['zijna', ''], ['ósob', 'people']]));

  it('should read the longest phrase first, drop skipped words, fold marks and keep the rest as typed', () => {
    expect(read('Wat isa hoeveela zijna Essex?')).toBe('what is how many essex ?');
    // Punctuation stays, so clauses stay apart: "hoeveela. wat isa" is two questions, not "how many what is".
    expect(read('hoeveela... wat isa, zijna')).toBe('how many ... what is ,');
    expect(read('hoeveela osob')).toBe('how many people');
    expect(read('HOEVEELA ÓSOB')).toBe('how many people');
  });
});

describe('reading a word by its endings', () => {
  const endings = ['ych', 'ami', 'i', 'y', 'e'];

  it('cuts each ending that leaves a stem of four letters or more, longest stem first', () => {
    expect(stemsOf('zatrzymanych', endings)).toEqual(['zatrzyman']);
    expect(stemsOf('skazanymi', ['i', 'ymi'])).toEqual(['skazanym', 'skazan']);
    expect(stemsOf('lata', ['a'])).toEqual([]);
    expect(stemsOf('lutone', endings)).toEqual(['luton']);
  });

  it('reads a form the lexicon does not list as the listed form with its stem, and a place with a case ending as the place', () => {
    const typed = new Map([['zatrzymani', 'arrested'], ['skazani', 'sentenced'], ['skazane', 'doomed']]);
    const read = createInflectionReader(typed, (w) => w === 'luton', endings);
    expect(read('zatrzymanych')).toBe('zatrzymani');
    expect(read('lutone')).toBe('luton');
    expect(read('zatrzymani')).toBe('zatrzymani');
    expect(read('nieznanych')).toBe('nieznanych');
    // "skazani" and "skazane" share the stem "skazan" with different English: the stem is no one's.
    expect(read('skazanych')).toBe('skazanych');
  });

  it('is used by the language reader, so an inflected word reads as its English', () => {
    const read = createLanguageReader(new Map([['ile', 'how many'], ['zatrzymani', 'arrested']]), () => false, endings);
    expect(read('ile zatrzymanych')).toBe('how many arrested');
    expect(createLanguageReader(new Map([['ile', 'how many'], ['zatrzymani', 'arrested']]), () => false)('ile zatrzymanych')).not.toBe('how many arrested');
    // A word of a phrase listed stays as typed, so the phrase is read: "dobry" is no form of "dobre" in "dzien dobry".
    const greeting = createLanguageReader(new Map([['dzien dobry', 'hello'], ['dobre', 'good']]), () => false, endings);
    expect(greeting('dzien dobry')).toBe('hello');
    expect(greeting('dobry')).toBe('good');
  });
});

describe('createLexicon', () => {
  const read = createLexicon(new Map([['old bill', 'police'], ['old bill van', 'police car'], ['feds', 'police'], ['nicked', 'arrested'], ['bill', 'invoice']]));

  it('should read the longest phrase listed first, and a word alone where no phrase starts', () => {
    expect(read(['the', 'old', 'bill', 'van', 'nicked', 'him'])).toEqual(['the', 'police', 'car', 'arrested', 'him']);
    expect(read(['old', 'bill', 'came'])).toEqual(['police', 'came']);
    expect(read(['a', 'bill', 'from', 'the', 'feds'])).toEqual(['a', 'invoice', 'from', 'the', 'police']);
    expect(read(['old', 'man'])).toEqual(['old', 'man']);
  });
});

describe('distinctiveWords', () => {
  const lang = (code: string, lexicon: Record<string, string[]>, danger: string[] = []) =>
    ({ code, markers: [], readAs: new Map(Object.entries(lexicon).flatMap(([en, forms]) => forms.map((f) => [f, en] as const))), danger: { plea: danger } }) as unknown as Language;

  it('should vote with a lexicon word of one language only: not shared, not English, not short, not another\'s danger word', () => {
    const languages = new Map([
      ['xx', lang('xx', { 'how many': ['hoeveela', 'ile'], police: ['polis'], and: ['en'] })],
      ['yy', lang('yy', { 'how many': ['ile'] }, ['polis*'])],
    ]);
    expect([...distinctiveWords(languages, new Set(['police', 'hoeveel']))]).toEqual([['hoeveela', 'xx']]);
    expect([...distinctiveWords(languages, new Set(['hoeveela']))]).toEqual([]);
    expect(ownWordsOf(['ile', 'hoeveela', 'w', 'hoeveela'], distinctiveWords(languages, new Set()))).toEqual(['xx', 'xx']);
  });
});

describe('a question in another language, read through its lexicon', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await realEngine();
  });

  it('should answer the figure asked, after a note in the language that the bot answers in English', () => {
    const r = engine.answer('hoeveela mensa gepakta inna essexa?');
    expect(r.language.code).toBe('xx');
    expect(r.text.startsWith(NOTE)).toBe(true);
    expect(r.text).toContain(`In Essex, ${logicFigure('essex', 'arrests')} people were arrested`);
    expect(r.frame).toMatchObject({ act: 'figure', metrics: ['arrests'] });
    expect(hasFooter(r.text)).toBe(true);
  });

  it('should follow up in the language from the conversation ("and Kent?")', () => {
    let context: ChatContext | undefined = engine.answer('hoeveela mensa gepakta inna essexa').context;
    const r = engine.answer('enna kenta?', context);
    context = r.context;
    expect(r.text).toContain(`In Kent, ${logicFigure('kent', 'arrests')} people were arrested`);
  });

  it('should keep the conversation\'s language for the next message, and let it go after English', () => {
    const first = engine.answer('hoeveela mensa gepakta inna essexa');
    expect(first.context?.language).toBe('xx');
    expect(engine.answer('how many arrests in kent', first.context).context?.language).toBeUndefined();
  });

  it('should answer a text question', () => {
    expect(engine.answer('watte zijna graafschapslijna?').intent).toBe('what_is_county_lines');
  });

  it('should leave English as it was: no lexicon is read for it', () => {
    const r = engine.answer('how many arrests in essex');
    expect(r.language.code).toBe('en');
    expect(r.text.startsWith(`In Essex, ${logicFigure('essex', 'arrests')} people were arrested`)).toBe(true);
  });
});
