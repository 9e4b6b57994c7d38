import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/knowledge/languages.js';
import { PROJECT_ROOT } from '../../src/files/project-root.js';

const FIXTURE = resolve(PROJECT_ROOT, 'test/fixtures/danger');
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function withFile(name: string, text: string) {
  dir = await mkdtemp(join(tmpdir(), 'lang-'));
  await cp(FIXTURE, dir, { recursive: true });
  await writeFile(join(dir, 'lang', name), text);
  return loadLanguages(dir, 'data');
}

/** Loads the fixture with its en.yaml rewritten by `edit`. */
async function withEnglish(edit: (text: string) => string) {
  dir = await mkdtemp(join(tmpdir(), 'lang-'));
  await cp(FIXTURE, dir, { recursive: true });
  const file = join(dir, 'lang', 'en.yaml');
  const before = await readFile(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error('the edit changed nothing in en.yaml');
  await writeFile(file, after);
  return loadLanguages(dir, 'data');
}

const HEAD = 'language: Testish\nnative: Testisch\ntranslated_by: a test\nreviewed: false\n';

describe('loadLanguages', () => {
  it('reads every language file, with who translated it and whether staff reviewed it', async () => {
    const { languages, problems } = await loadLanguages(FIXTURE, 'data');
    expect(problems).toEqual([]);
    expect([...languages!.keys()].sort()).toEqual(['en', 'xx']);
    expect(languages!.get('xx')).toMatchObject({ code: 'xx', reviewed: false, translated_by: 'written for the tests', file: 'data/lang/xx.yaml' });
  });

  it('refuses a sentence with a typed number, naming the file and the field', async () => {
    const { problems } = await withFile('yy.yaml', `${HEAD}sentences:\n  english_only: "Bel 101 of 999."\n`);
    expect(problems).toEqual([expect.objectContaining({ file: 'data/lang/yy.yaml', field: 'sentences.english_only', line: 6, severity: 'error' })]);
    expect(problems[0]!.message).toContain('{emergency}');
  });

  it('refuses a language said to share the words of a file that does not exist, and takes one that does', async () => {
    const { problems } = await withFile('yy.yaml', `${HEAD}shares_words_with: zz\n`);
    expect(problems).toEqual([expect.objectContaining({ file: 'data/lang/yy.yaml', field: 'shares_words_with', severity: 'error' })]);
    expect(problems[0]!.message).toContain('"zz"');
    const fine = await withFile('yy.yaml', `${HEAD}shares_words_with: xx\n`);
    expect(fine.problems).toEqual([]);
    expect(fine.languages!.get('yy')!.shares_words_with).toBe('xx');
  });

  it('refuses a first danger line without {emergency}', async () => {
    const { problems } = await withFile('yy.yaml', `${HEAD}sentences:\n  danger_first: "Bel nu."\n`);
    expect(problems).toEqual([expect.objectContaining({ field: 'sentences.danger_first', severity: 'error' })]);
  });

  it('refuses a misspelt part of the danger words, naming the parts it knows', async () => {
    const { problems } = await withFile('yy.yaml', `${HEAD}danger:\n  weapons: [messa]\n`);
    expect(problems[0]).toMatchObject({ file: 'data/lang/yy.yaml', severity: 'error' });
    expect(problems[0]!.message).toMatch(/unknown field "weapons".*weapon/);
  });

  it('reads a lexicon and words to skip, and refuses a word listed twice, naming the file, the field and the other place', async () => {
    const ok = await withFile('xy.yaml', `${HEAD}lexicon:\n  how many: [hoeveela, hoe veel]\nskip: [da]\n`);
    expect(ok.languages!.get('xy')!.readAs).toEqual(new Map([['hoeveela', 'how many'], ['hoe veel', 'how many'], ['da', '']]));
    const { languages, problems } = await withFile('xy.yaml', `${HEAD}lexicon:\n  how many: [hoeveela]\n  how much: [hoeveela]\n`);
    expect(languages).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ file: 'data/lang/xy.yaml', field: 'lexicon.how much.0', message: expect.stringContaining('"hoeveela" is also listed at lexicon.how many.0') }));
  });

  it('names where a word skipped was first read as English, however its case and spaces were typed', async () => {
    const { problems } = await withFile('xy.yaml', `${HEAD}lexicon:\n  how many: [hoeveel, Hoeveela ]\nskip: [da, hoeveela]\n`);
    expect(problems).toEqual([expect.objectContaining({ file: 'data/lang/xy.yaml', field: 'skip.1', message: expect.stringContaining('"hoeveela" is also listed at lexicon.how many.1') })]);
  });

  it('refuses a file not named by a language code', async () => {
    const { problems } = await withFile('polish.yaml', HEAD);
    expect(problems).toEqual([expect.objectContaining({ file: 'data/lang/polish.yaml', severity: 'error' })]);
  });

  it('refuses a folder without English, which holds the words that tell danger', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lang-'));
    await cp(FIXTURE, dir, { recursive: true });
    await rm(join(dir, 'lang', 'en.yaml'));
    const { languages, problems } = await loadLanguages(dir, 'data');
    expect(languages).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file: 'data/lang/en.yaml', severity: 'error' })]);
  });

  it('refuses an en.yaml whose wording: lacks a sentence, naming the file, the field and what the sentence is for', async () => {
    const { languages, problems } = await withEnglish((text) => text.replace(/^  outside_region: .*\n/m, ''));
    expect(languages).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file: 'data/lang/en.yaml', field: 'wording.outside_region', severity: 'error' })]);
    expect(problems[0]!.message).toMatch(/a place outside the region/);
  });

  it('refuses a number typed into a sentence of wording:, naming the field', async () => {
    const { languages, problems } = await withEnglish((text) => text.replace('{region_counties}) only.', '{region_counties}) only. Call 101.'));
    expect(languages).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file: 'data/lang/en.yaml', field: 'wording.outside_region', severity: 'error' })]);
  });

  it('refuses an en.yaml whose words: lacks a list, naming the file, the field and what the list is for', async () => {
    const { languages, problems } = await withEnglish((text) => text.replace(/^  fewest: .*\n/m, ''));
    expect(languages).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file: 'data/lang/en.yaml', field: 'words.fewest', severity: 'error' })]);
    expect(problems[0]!.message).toMatch(/missing.*smallest/);
  });

  it('refuses an en.yaml with no words: at all', async () => {
    const { problems } = await withEnglish((text) => text.slice(0, text.indexOf('\nwords:') + 1));
    expect(problems).toEqual([expect.objectContaining({ file: 'data/lang/en.yaml', field: 'words', severity: 'error' })]);
    expect(problems[0]!.message).toMatch(/^is missing.*Restore/);
  });

  it('refuses months that are not twelve, and a season month not among them, naming the field', async () => {
    const { problems } = await withEnglish((text) =>
      text.replace(/^  months: \[january, /m, '  months: [').replace('  seasons: {}', '  seasons:\n    spring: [march, avril]'),
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['words.months', 'words.seasons.spring.1']);
    expect(problems.find((p) => p.field === 'words.months')!.message).toContain('twelve');
    expect(problems.find((p) => p.field === 'words.seasons.spring.1')!.message).toContain('"avril"');
  });

  it('refuses a * stem in words:, which only danger: reads', async () => {
    const { problems } = await withEnglish((text) => text.replace(/^  most: \[\]/m, '  most: [bigg*]'));
    expect(problems).toEqual([expect.objectContaining({ field: 'words.most.0', severity: 'error' })]);
  });

  it('reads a number typed in a list as a word', async () => {
    const { languages, problems } = await withEnglish((text) => text.replace(/^  young_ages: \[\]/m, '  young_ages: [15, "16", sixteen]'));
    expect(problems).toEqual([]);
    expect(languages!.get('en')!.words!.young_ages).toEqual(['15', '16', 'sixteen']);
  });

  it('lets another language give some lists of words:, or none, but no unknown one', async () => {
    expect((await withFile('yy.yaml', `${HEAD}words:\n  fewest: [najmniej]\n`)).problems).toEqual([]);
    const { problems } = await withFile('yy.yaml', `${HEAD}words:\n  fewst: [najmniej]\n`);
    expect(problems).toEqual([expect.objectContaining({ file: 'data/lang/yy.yaml', field: 'words', severity: 'error' })]);
    expect(problems[0]!.message).toMatch(/unknown field "fewst".*fewest/);
  });
});
