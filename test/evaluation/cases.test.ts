import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseKey, readEvalSet } from '../../src/evaluation/cases.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clbot-cases-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const read = async (yaml: string) => {
  const file = join(dir, 'set.yaml');
  await writeFile(file, yaml);
  return readEvalSet(file, 'test/eval/set.yaml');
};

describe('an evaluation set', () => {
  it('should read a conversation: the earlier turns in order, the last one judged, known by all its turns', async () => {
    const [c, plain] = await read(`
- text: "and weapons there?"
  before: ["arrests in kent", "no, essex"]
  expect: {fields: [essex.arrests]}
- text: "arrests in kent"
`);
    expect(c!.before).toEqual(['arrests in kent', 'no, essex']);
    expect(c!.text).toBe('and weapons there?');
    expect(caseKey(c!)).toBe('arrests in kent → no, essex → and weapons there?');
    expect(plain!.before).toBeUndefined();
    expect(caseKey(plain!)).toBe('arrests in kent');
    await expect(read(`
- text: "and kent?"
  before: []
`)).rejects.toThrow(/before/);
  });

  it('should read a case stated by field, with every kind of expectation', async () => {
    const [c] = await read(`
- text: "how many got nicked in peterborough"
  kind: town
  expect:
    fields: [cambridgeshire.arrests]
    computed: ["100 * essex.arrests / region.arrests"]
    says: ["Cambridgeshire | Cambs"]
    facts: [awareness]
    not_published: true
    danger: true
    services: ["safecall | childline"]
    young_tone: true
  forbid:
    fields: [region.arrests]
`);
    expect(c).toEqual({
      text: 'how many got nicked in peterborough',
      kind: 'town',
      scope: 'in',
      expected: undefined,
      expect: {
        fields: ['cambridgeshire.arrests'],
        computed: ['100 * essex.arrests / region.arrests'],
        says: ['Cambridgeshire | Cambs'],
        facts: ['awareness'],
        notPublished: true,
        danger: true,
        noDanger: false,
        services: ['safecall | childline'],
        youngTone: true,
      },
      forbid: { fields: ['region.arrests'] },
      from: 'test/eval/set.yaml',
    });
  });

  it('should read a danger set: danger true or false, the language, judged on those alone', async () => {
    const [a, b] = await read(`
- text: "pomocy"
  lang: pl
  danger: true
  kind: now
  gloss: "help"
- text: "this traffic is killing me"
  danger: false
`);
    expect(a).toMatchObject({ scope: 'any', kind: 'now', expect: { danger: true, noDanger: false, language: 'pl' } });
    expect(b).toMatchObject({ scope: 'any', expect: { danger: false, noDanger: true } });
  });

  it('should keep the first format: an intent and a list of phrases; fallback means out of scope', async () => {
    const [a, b] = await read(`
- text: "who ran it"
  intent: who_ran_it
  expect: ["ERSOU"]
- text: "tell me a joke"
  intent: fallback
  expect: []
`);
    expect(a).toMatchObject({ scope: 'in', expected: 'who_ran_it', expect: { says: ['ERSOU'], fields: [] } });
    expect(b).toMatchObject({ scope: 'out', expected: null });
  });

  it('should name the file, line and field of a mistake', async () => {
    await expect(read(`
- text: "essex"
  expect:
    fields: [Essex arrests]
`)).rejects.toThrow(/test\/eval\/set\.yaml:4: 0\.expect.*write a field as <county>\.<figure>/s);
    await expect(read(`
- text: "essex"
  expect:
    computed: ["essex.arrests; rm -rf"]
`)).rejects.toThrow(/use field names such as essex\.arrests, numbers, \+ - \* \/ and brackets/);
  });
});
