import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isQuestion, questionClause, splitClauses as split } from '../../src/nlu/clauses.js';
import { fixtureWords } from '../helpers/fixtures.js';

const en = await fixtureWords();
const splitClauses = (text: string) => split(text, en);

// A fixture scorer: how many words of a small made-up subject vocabulary a clause has.
const SUBJECT = new Set(['arrests', 'arrested', 'knives', 'phones', 'cash', 'drugs', 'essex', 'kent', 'beds', 'bedfordshire', 'luton', 'police', 'county', 'lines', 'herts']);
const aboutUs = (clause: string) => clause.toLowerCase().split(/[^a-z]+/).filter((w) => SUBJECT.has(w)).length;
const question = (text: string) => questionClause(splitClauses(text), aboutUs, en);

describe('splitClauses', () => {
  it.each([
    ['ok cool. phones in essex?', ['ok cool.', 'phones in essex?']],
    ['hi! how many arrests? thanks', ['hi!', 'how many arrests?', 'thanks']],
    // A line break is a space: people on phones break lines mid-sentence.
    ['how many arrests in\nessex\r\nplease', ['how many arrests in\nessex\r\nplease']],
    ['knives; phones', ['knives;', 'phones']],
    ['wait... what about kent?!', ['wait...', 'what about kent?!']],
    ['right, and what about knives in beds', ['right,', 'and what about knives in beds']],
    ['i saw it but how many were arrested', ['i saw it', 'but how many were arrested']],
    ['it was busy so how many got nicked', ['it was busy', 'so how many got nicked']],
    ['in essex, how many were arrested?', ['in essex,', 'how many were arrested?']],
    ['السلام علیکم۔ how many arrests?', ['السلام علیکم۔', 'how many arrests?']],
    ['নমস্কার। arrests in luton', ['নমস্কার।', 'arrests in luton']],
    ['اسلام علیکم؟ arrests', ['اسلام علیکم؟', 'arrests']],
  ])('should split %j', (text, expected) => {
    expect(splitClauses(text)).toEqual(expected);
  });

  it.each([
    'was it 1.5 tonnes',
    'see ersou.police.uk for more',
    'arrests in St. Albans',
    'approx. 150 arrests',
    'essex and kent',
    'how many arrests and how many knives',
    'arrests, knives and phones in kent',
    'so many arrests',
    'and what about kent',
    'kent, essex and beds',
  ])('should keep %j whole', (text) => {
    expect(splitClauses(text)).toEqual([text]);
  });

  it.each(['', '   ', '...', '?!?', '\n\n'])('should give no clauses for %j', (text) => {
    expect(splitClauses(text)).toEqual([]);
  });

  it('should give back every word of the message, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('hi', 'and', 'how', 'many', 'so', 'but', ',', '.', '?', '!', '\n', ' ', 'kent', '1.5', 'St.', 'what', 'dziękuję'), { maxLength: 15 }), (parts) => {
        const text = parts.join(' ');
        const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
        expect(words(splitClauses(text).join(' '))).toEqual(words(text));
      }),
    );
  });

  it('should keep the rest of a very long message as a last clause', () => {
    const text = `${'blah. '.repeat(1000)}how many arrests?`;
    const clauses = splitClauses(text);
    expect(clauses.at(-1)).toContain('how many arrests?');
  });

  it('should take its words from the words it is given', () => {
    const invented = { question_starts: ['quoth'], strong_question_starts: ['whither'], joiners: ['eke'], bare_joiners: ['yet'], abbreviations: ['nr'] };
    expect(split('arrests nr. Luton', invented)).toEqual(['arrests nr. Luton']);
    expect(split('arrests approx. 150', invented)).toEqual(['arrests approx.', '150']);
    expect(split('in essex, whither the knives', invented)).toEqual(['in essex,', 'whither the knives']);
    expect(split('in essex, how many', invented)).toEqual(['in essex, how many']);
    expect(split('kent, eke quoth the raven', invented)).toEqual(['kent,', 'eke quoth the raven']);
    expect(split('kent yet quoth the raven', invented)).toEqual(['kent', 'yet quoth the raven']);
    expect(split('kent but how many', invented)).toEqual(['kent but how many']);
  });
});

describe('isQuestion', () => {
  it.each([
    ['phones in essex?', true],
    ['how many arrests', true],
    ["what's county lines", true],
    ['and what about kent', true],
    ['but were any knives found', true],
    ['was it 28', true],
    ['tell me about arrests', true],
    ['any arrests in kent', true],
    ['کیا حال ہے؟', true],
    ['"how many?"', true],
    ['how many arrests?!', true],
    ['arrests in kent?!', true],
    ['arrests in kent??? ', true],
    ['arrests in kent.', false],
    ['my son was arrested', false],
    ['ok cool.', false],
    ['', false],
  ])('should say %j is a question: %s', (clause, expected) => {
    expect(isQuestion(clause, en)).toBe(expected);
  });

  it('should take its question words from the words it is given', () => {
    const invented = { question_starts: ['quoth'], joiners: ['eke'] };
    expect(isQuestion('quoth the raven', invented)).toBe(true);
    expect(isQuestion('eke quoth the raven', invented)).toBe(true);
    expect(isQuestion('how many arrests', invented)).toBe(false);
  });
});

describe('questionClause', () => {
  it.each([
    ['ok cool. phones in essex?', 'phones in essex?'],
    ['right, and what about knives in beds', 'and what about knives in beds'],
    [
      'My neighbour got taken away last week. Lots of police on the street. I was really scared to be honest. How many people were arrested in Luton?',
      'How many people were arrested in Luton?',
    ],
    ['kent. how many arrests?', 'kent. how many arrests?'],
    ['in essex, how many were arrested?', 'in essex, how many were arrested?'],
    ['arrests in kent? and knives?', 'arrests in kent? and knives?'],
    ['hi there. arrests in kent. thanks', 'arrests in kent.'],
    ['hello. good morning. knives in essex. phones in kent. bye', 'knives in essex. phones in kent.'],
    ['I live in Luton and there were loads of police around, how many arrests in beds?', 'how many arrests in beds?'],
    ['what?? no way. how many arrests in kent', 'how many arrests in kent'],
    ['Is it true that 151 people were arrested? I read it in the paper.', 'Is it true that 151 people were arrested?'],
    ['so, how many arrests', 'how many arrests'],
    ['how many arrests in kent, and how many in essex?', 'how many arrests in kent, and how many in essex?'],
    ['knives in kent.\n\nand phones?', 'knives in kent. and phones?'],
  ])('should find the question in %j', (text, expected) => {
    expect(question(text)).toBe(expected);
  });

  it.each([
    // A question not on the subject, with the subject elsewhere: read it all.
    'how do I know if my son is involved? he has two phones and lots of cash',
    // Nothing on the subject at all.
    'hello. how are you?',
    'what is the weather like. is it raining?',
  ])('should give the whole message for %j', (text) => {
    expect(question(text)).toBe(splitClauses(text).join(' '));
  });

  it('should give the one clause of a one-clause message, and nothing for none', () => {
    expect(questionClause(['arrests in kent'], aboutUs, en)).toBe('arrests in kent');
    expect(questionClause([], aboutUs, en)).toBe('');
  });

  it('should always give a run of whole clauses, in order', () => {
    const parts = ['hi.', 'kent.', 'how many arrests?', 'my son was arrested.', 'and knives?', 'ok cool.', 'what is the weather?', 'phones in essex', ', how many', 'so', 'but what'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 8 }), (picked) => {
        const clauses = splitClauses(picked.join(' '));
        const out = questionClause(clauses, aboutUs, en);
        const runs = clauses.flatMap((_, a) => clauses.slice(a).map((__, n) => clauses.slice(a, a + n + 1).join(' ')));
        expect(clauses.length === 0 ? out === '' : runs.includes(out)).toBe(true);
      }),
    );
  });

  it('should not take a long story clause before the question as context', () => {
    expect(question('My brother was arrested by the police in Essex last year. how many arrests in kent?')).toBe('how many arrests in kent?');
  });

  it('should take a clause the caller says asks for figures as a question, with no question word', () => {
    const clauses = splitClauses('Hertfordshire: number of people arrested, and how many deal lines were seized?');
    expect(clauses.length).toBeGreaterThan(1);
    expect(questionClause(clauses, aboutUs, en)).toBe(clauses.at(-1));
    const asksFigures = (c: string) => /\barrested\b/.test(c);
    expect(questionClause(clauses, aboutUs, en, asksFigures)).toBe(clauses.join(' '));
  });
});
