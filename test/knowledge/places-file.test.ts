import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/files/problem.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/frame/data');

describe('data/places.yaml: region counties and their towns', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clbot-places-'));
    await cp(FIXTURE, dir, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const edit = async (change: (t: string) => string) => {
    const file = join(dir, 'places.yaml');
    const before = await readFile(file, 'utf8');
    const after = change(before);
    expect(after).not.toBe(before);
    await writeFile(file, after);
  };

  it('should load in_region and towns', async () => {
    const { knowledge, problems } = await loadKnowledge(dir);
    expect(problems).toEqual([]);
    expect(knowledge!.places.get('cambridgeshire')).toMatchObject({ in_region: true, towns: expect.arrayContaining(['peterborough']) });
    expect(knowledge!.places.get('scotland')?.in_region).toBeUndefined();
  });

  it.each([
    ['towns on a place outside the region', (t: string) => t.replace('wales: { name: Wales }', 'wales: { name: Wales, towns: [cardiff] }'), 'wales.towns', 'only for counties in the region'],
    ['in_region written as words', (t: string) => t.replace('name: Norfolk\n  in_region: true', 'name: Norfolk\n  in_region: yes please'), 'norfolk.in_region', 'true or false'],
    ['a town under two counties', (t: string) => t.replace('towns: [maidstone, canterbury]', 'towns: [maidstone, canterbury, colchester]'), 'kent.towns.2', 'also listed under "essex"'],
  ])('should reject %s, naming the file and field', async (_name, change, field, message) => {
    await edit(change);
    const { knowledge, problems } = await loadKnowledge(dir, 'data');
    expect(knowledge).toBeUndefined();
    const problem = problems.find((p) => p.message.includes(message));
    expect(problem, problems.map(formatProblem).join('\n')).toBeDefined();
    expect(problem!.file).toBe('data/places.yaml');
    expect(problem!.field).toBe(field);
  });
});
