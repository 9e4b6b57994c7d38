import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
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

  it('refuses a first danger line without {emergency}', async () => {
    const { problems } = await withFile('yy.yaml', `${HEAD}sentences:\n  danger_first: "Bel nu."\n`);
    expect(problems).toEqual([expect.objectContaining({ field: 'sentences.danger_first', severity: 'error' })]);
  });

  it('refuses a misspelt part of the danger words, naming the parts it knows', async () => {
    const { problems } = await withFile('yy.yaml', `${HEAD}danger:\n  weapons: [messa]\n`);
    expect(problems[0]).toMatchObject({ file: 'data/lang/yy.yaml', severity: 'error' });
    expect(problems[0]!.message).toMatch(/unknown field "weapons".*weapon/);
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
});
