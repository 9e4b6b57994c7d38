import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/files/problem.js';
import { latestOperation } from '../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';

const OPERATION = 'data/operations/2022-03-ersou-week-of-action.yaml';

describe('loadKnowledge', () => {
  let ws: Workspace;
  beforeEach(async () => (ws = await copyWorkspace()));
  afterEach(() => ws.remove());

  it('should load the published figures exactly, with their qualifiers', async () => {
    const { knowledge, problems } = await loadKnowledge(ws.dataDir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const op = latestOperation(knowledge!);
    expect(op.region.arrests).toEqual({ value: 151 });
    expect(op.region.cash).toEqual({ value: 150000, qualifier: 'more_than' });
    expect(op.region.drugs).toEqual({ value: 48000, qualifier: 'estimated' });
    expect(op.counties.norfolk).toEqual({ engaged: { value: 43 }, arrests: { value: 5 } });
    expect(op.counties.suffolk).toBeUndefined();
    expect(op.counties.essex?.knives).toBeUndefined();
  });

  // Each broken edit must be reported with the file, the field and a hint.
  it.each([
    ['a misspelt figure name', (t: string) => t.replace('arrests: { value: 44 }', 'arests: { value: 44 }'), 'counties.essex.arests', 'unknown figure "arests" (known: arrests'],
    ['a figure typed as words', (t: string) => t.replace('{ value: 28 }', '{ value: twenty-eight }'), 'counties.kent.arrests.value', 'should be a number'],
    ['an unknown qualifier', (t: string) => t.replace('qualifier: estimated', 'qualifier: roughly'), 'region.drugs.qualifier', 'more_than or estimated'],
    ['an unknown county', (t: string) => t.replace('  kent:\n', '  knet:\n'), 'counties.knet', 'unknown county "knet"'],
    ['a misspelt field', (t: string) => t.replace('published: 2022-03-18', 'publshed: 2022-03-18'), '', 'unknown field "publshed"'],
    ['a bad date', (t: string) => t.replace('end: 2022-03-11', 'end: 11th March'), 'end', 'YYYY-MM-DD'],
  ])('should reject %s, naming the file and field', async (_name, edit, field, message) => {
    await ws.edit(OPERATION, edit);
    const { knowledge, problems } = await loadKnowledge(ws.dataDir);
    expect(knowledge).toBeUndefined();
    const problem = problems.find((p) => p.message.includes(message));
    expect(problem, problems.map(formatProblem).join('\n')).toBeDefined();
    expect(problem!.file).toBe(OPERATION);
    if (field) expect(problem!.field).toBe(field);
    expect(problem!.line).toBeGreaterThan(0);
  });

  it('should report invalid YAML with its line', async () => {
    await ws.edit(OPERATION, (t) => t.replace('  kent:\n    arrests: { value: 28 }', '  kent:\n    arrests: { value: 28 \n'));
    const { problems } = await loadKnowledge(ws.dataDir);
    expect(problems[0]).toMatchObject({ file: OPERATION, severity: 'error' });
    expect(problems[0]!.message).toContain('not valid YAML');
    expect(problems[0]!.line).toBeGreaterThan(0);
  });

  it('should take a second operation from one new file and answer from the latest', async () => {
    await ws.write(
      'data/operations/2022-10-ersou-week-of-action.yaml',
      `id: ersou-2022-10
name: Autumn week of action
ran_by: { name: Eastern Region Special Operations Unit, short: ERSOU }
start: 2022-10-03
end: 2022-10-07
published: 2022-10-14
source: { publisher: Bedfordshire Police, title: Autumn results, file: autumn.txt }
region:
  arrests: { value: 7 }
counties: {}
facts: {}
`,
    );
    const { knowledge, problems } = await loadKnowledge(ws.dataDir);
    expect(problems).toEqual([]);
    expect(knowledge!.operations.map((o) => o.id)).toEqual(['ersou-2022-10', 'ersou-2022-03']);
  });

  it('should flag the same slang word under two plain words', async () => {
    await ws.edit('data/words.yaml', (t) => t.replace('cash: [dosh,', 'cash: [nicked, dosh,'));
    const { problems } = await loadKnowledge(ws.dataDir);
    expect(problems.map(formatProblem).join('\n')).toMatch(/data\/words\.yaml:\d+: cash\.0: "nicked" is also listed under "arrested"/);
  });
});
