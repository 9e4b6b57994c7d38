import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatProblem } from '../../src/files/problem.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { foldWord, stripPleasantries } from '../../src/nlu/pleasantries.js';

// These tests check the staff-edited file data/pleasantries.yaml itself, so they read the real data.
const DATA = resolve(import.meta.dirname, '../../data');

let knowledge: Knowledge;
beforeAll(async () => {
  const loaded = await loadKnowledge(DATA);
  expect(loaded.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  knowledge = loaded.knowledge!;
});

const wordsOf = (phrase: string) => (phrase.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(foldWord);

describe('data/pleasantries.yaml', () => {
  it('should cover English and the main community languages of the East of England', async () => {
    const groups = Object.keys(parse(await readFile(join(DATA, 'pleasantries.yaml'), 'utf8')) as object);
    expect(groups).toEqual(expect.arrayContaining(['english', 'polish', 'romanian', 'lithuanian', 'portuguese', 'urdu', 'bengali']));
    expect(knowledge.pleasantries.length).toBeGreaterThan(200);
  });

  it('should hold no figure word or phrase, place name or town', () => {
    const taken = new Set<string>();
    // A figure's phrase is taken whole: "spoke to" is a figure's, "to" and "speak soon" are not.
    const figurePhrases = [...knowledge.metrics.values()].flatMap((m) => m.words.map((w) => ` ${wordsOf(w).join(' ')} `));
    for (const p of knowledge.places.values()) {
      for (const name of [p.name, ...p.aliases, ...(p.towns ?? []), ...(p.ambiguous_towns ?? [])]) {
        const words = wordsOf(name);
        if (words.length === 1) taken.add(words[0]!);
      }
    }
    const clashes = knowledge.pleasantries.filter((p) => wordsOf(p).some((w) => taken.has(w)) || figurePhrases.some((f) => ` ${wordsOf(p).join(' ')} `.includes(f)));
    expect(clashes).toEqual([]);
    expect(figurePhrases).toContain(' deal lines ');
  });

  it('should hold no word that asks for help or signals danger', () => {
    const danger = new Set(['police', 'emergency', 'danger', 'hurt', 'scared', 'unsafe', '999', '101', 'crimestoppers', 'report', 'yes']);
    expect(knowledge.pleasantries.filter((p) => wordsOf(p).some((w) => danger.has(w)))).toEqual([]);
    expect(knowledge.pleasantries.filter((p) => wordsOf(p).join(' ') === 'no')).toEqual([]);
    // "help" only as thanks for it: "thanks for your help", "appreciate the help".
    expect(knowledge.pleasantries.filter((p) => wordsOf(p).includes('help') && !/\b(?:the|your) help$/.test(wordsOf(p).join(' ')))).toEqual([]);
  });

  it.each([
    ['Dzień dobry, ile... sorry: how many arrests in Luton?', 'ile... how many arrests in Luton?'],
    ['Dzień dobry! how many arrests in Luton? Dziękuję bardzo', 'how many arrests in Luton?'],
    ['Bună seara! knives in kent? mersi', 'knives in kent?'],
    ['Laba diena, phones in essex', 'phones in essex'],
    ['Oi, tudo bem? how many arrests in Peterborough? Obrigada', 'how many arrests in Peterborough?'],
    ['AOA bhai how many arrests in luton', 'how many arrests in luton'],
    ['Assalamualaikum, how many arrests in Luton? JazakAllah', 'how many arrests in Luton?'],
    ['السلام علیکم! how many arrests in luton? شکریہ', 'how many arrests in luton?'],
    ['আসসালামু আলাইকুম, what is county lines? ধন্যবাদ', 'what is county lines?'],
    ['hiya, right, so what about knives in beds? cheers mate', 'so what about knives in beds?'],
    ['ok cool. phones in essex?', 'phones in essex?'],
    ['Sorry to bother you but how many were arrested', 'but how many were arrested'],
    ['Hello, I hope you are well. How many people were arrested in Kent? Many thanks', 'How many people were arrested in Kent?'],
    ['thank you for the info, what about essex', 'what about essex'],
    ['yo how many got nicked in peterborough lol', 'how many got nicked in peterborough'],
    ['Morning all, any arrests in Luton?', 'any arrests in Luton?'],
    ['hiya!! 😀 arrests in kent??', 'arrests in kent??'],
  ])('should read the question of %j with the real phrases', (text, expected) => {
    expect(stripPleasantries(text, knowledge.pleasantries).text).toBe(expected);
  });

  it('should read no example of another intent as nothing but pleasantries', async () => {
    const intents = resolve(import.meta.dirname, '../../intents');
    const wrong: string[] = [];
    for (const file of await readdir(intents)) {
      const doc = parse(await readFile(join(intents, file), 'utf8')) as { id?: string; examples?: unknown[]; tests?: unknown[] };
      const social = file === 'greeting.yaml' || file === 'thanks.yaml';
      for (const example of [...(doc.examples ?? []), ...(doc.tests ?? [])].map(String)) {
        const empty = stripPleasantries(example, knowledge.pleasantries).text === '';
        if (!social && empty) wrong.push(`${file}: "${example}" would be read as nothing but pleasantries`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(['are the kids ok', 'my mate got stabbed, please help', 'is that right?', 'great yarmouth arrests', 'how many arrests in march', 'bhai got arrested', 'what happened on tuesday evening'])(
    'should leave %j as it is',
    (text) => {
      expect(stripPleasantries(text, knowledge.pleasantries)).toEqual({ text, stripped: [] });
    },
  );
});

describe('loading pleasantries', () => {
  const FIXTURE = resolve(import.meta.dirname, '../fixtures/frame/data');
  const withFile = async (text: string | undefined) => {
    const dir = await mkdtemp(join(tmpdir(), 'clbot-pleasantries-'));
    try {
      await cp(FIXTURE, dir, { recursive: true });
      if (text !== undefined) await writeFile(join(dir, 'pleasantries.yaml'), text);
      return await loadKnowledge(dir, 'data');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('should read every language into one list, each phrase once', async () => {
    const { knowledge, problems } = await withFile('english: [hi, thanks]\nurdu: [salam, shukriya]\nbengali: [salam]\n');
    expect(problems).toEqual([]);
    expect(knowledge!.pleasantries).toEqual(['hi', 'thanks', 'salam', 'shukriya']);
  });

  it('should treat a missing file as no pleasantries', async () => {
    const { knowledge, problems } = await withFile(undefined);
    expect(problems).toEqual([]);
    expect(knowledge!.pleasantries).toEqual([]);
  });

  it.each([
    ['a language written as a single phrase', 'english: hi\n', 'english', 'should be a list of phrases'],
    ['a phrase of punctuation only', 'english: [hi, "!!!"]\n', 'english.1', 'should contain a word'],
    ['an empty phrase', 'english: [hi, ""]\n', 'english.1', 'is empty'],
    ['a language name with capitals', 'English: [hi]\n', 'English', 'lower case'],
  ])('should reject %s, naming the file and field', async (_name, text, field, message) => {
    const { knowledge, problems } = await withFile(text);
    expect(knowledge).toBeUndefined();
    const problem = problems.find((p) => p.message.includes(message));
    expect(problem, problems.map(formatProblem).join('\n')).toBeDefined();
    expect(problem!.file).toBe('data/pleasantries.yaml');
    expect(problem!.field).toBe(field);
  });
});
