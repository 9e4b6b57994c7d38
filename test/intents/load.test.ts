import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { formatProblem } from '../../src/files/problem.js';
import { loadIntents } from '../../src/intents/load.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';

async function problemsFor(ws: Workspace): Promise<string[]> {
  const { knowledge } = await loadKnowledge(ws.dataDir);
  const { problems } = await loadIntents(ws.intentsDir, knowledge);
  return problems.map(formatProblem);
}

describe('loadIntents', () => {
  let ws: Workspace;
  beforeEach(async () => (ws = await copyWorkspace()));
  afterEach(() => ws.remove());

  it('should load every intent file in the project without problems', async () => {
    expect(await problemsFor(ws)).toEqual([]);
  });

  it('should name a misspelt template field and list the known ones', async () => {
    await ws.edit('intents/arrests.yaml', (t) => t.replace('In {county}, {arrests} people', 'In {county}, {arests} people'));
    const problems = await problemsFor(ws);
    expect(problems.some((p) => /^intents\/arrests\.yaml:\d+: answer\.county: unknown field "arests"\. Did you mean \{arrests\}/.test(p))).toBe(true);
  });

  it('should refuse a figure typed into a template', async () => {
    await ws.edit('intents/arrests.yaml', (t) => t.replace('In {county}, {arrests} people', 'In {county}, 44 people'));
    expect((await problemsFor(ws)).join('\n')).toMatch(/intents\/arrests\.yaml:\d+: answer\.county: "44" is typed into the template/);
  });

  it('should flag the same example under two intents', async () => {
    await ws.edit('intents/phones.yaml', (t) => t.replace('  - phones taken\n', '  - phones taken\n  - how many arrests were made\n'));
    expect((await problemsFor(ws)).join('\n')).toMatch(/"how many arrests were made" is also an example under "arrests"/);
  });

  it('should name a speakers: entry that sends someone to an intent that does not exist', async () => {
    await ws.edit('intents/friend_worried.yaml', (t) => t.replace('  parent: exploitation_signs', '  parent: exploitation_sign'));
    expect((await problemsFor(ws)).join('\n')).toMatch(/intents\/friend_worried\.yaml:\d+: speakers\.parent: "exploitation_sign" is not an intent id/);
  });

  it('should flag a test phrase that is also a training example', async () => {
    await ws.edit('intents/when.yaml', (t) => t.replace('  - wen was the operation', '  - when did it happen'));
    expect((await problemsFor(ws)).join('\n')).toMatch(/intents\/when\.yaml:\d+: tests\.0: "when did it happen" is also a training example/);
  });

  it('should flag a misspelt top-level field and a missing one', async () => {
    await ws.edit('intents/thanks.yaml', (t) => t.replace('examples:', 'exmaples:'));
    const problems = (await problemsFor(ws)).join('\n');
    expect(problems).toMatch(/intents\/thanks\.yaml:\d+: unknown field "exmaples" \(known: id, description/);
    // On the misspelt field's own line, not the first line of the file.
    const line = Number(/thanks\.yaml:(\d+): unknown field "exmaples"/.exec(problems)![1]);
    expect((await readFile(join(ws.intentsDir, 'thanks.yaml'), 'utf8')).split('\n')[line - 1]).toMatch(/^exmaples:/);
    expect(problems).toMatch(/intents\/thanks\.yaml(:\d+)?: examples: should be a list of example questions/);
  });

  it('should require the fallback intent', async () => {
    const { rm } = await import('node:fs/promises');
    await rm(join(ws.intentsDir, 'fallback.yaml'));
    expect((await problemsFor(ws)).join('\n')).toContain('the "fallback" intent is missing');
  });
});

describe('intent files', () => {
  // Figures live only in data/: no answer may type a number of any week, so correcting a figure in data/
  // corrects every answer. Examples may hold numbers ("was it 28?", "the m11"): they are never published.
  it('should type no figure from the dataset in an answer', async () => {
    const { knowledge } = await loadKnowledge(resolve(PROJECT_ROOT, 'data'));
    const values = knowledge!.operations.flatMap((op) => [...Object.values(op.region), ...Object.values(op.counties).flatMap((c) => Object.values(c))].map((f) => f.value));
    const spellings = new Set([...new Set(values)].flatMap((v) => [String(v), v.toLocaleString('en-GB')]));
    const { intents } = await loadIntents(resolve(PROJECT_ROOT, 'intents'), knowledge);
    for (const intent of intents) {
      const answers = JSON.stringify(intent.answer);
      const numbers = answers.match(/(?<![\w£.])\d[\d,]*(?![\w.]\d)/g) ?? [];
      for (const n of numbers) expect(spellings.has(n.replace(/,$/, '')), `${intent.id}'s answer types ${n}`).toBe(false);
    }
  });
});
