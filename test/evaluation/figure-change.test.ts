import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { compareWithBaseline, readBaseline, runGate } from '../../src/evaluation/gate.js';
import { runSuite, type Section } from '../../src/evaluation/suite.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';

/** The evaluation is of the project as it is: its own data/ and intents/. */
const projectEngine = () => loadEngine();
/** The file of the week the bot answers from when no time is named: the latest, whatever staff have added. */
async function latestWeekFile(id: string): Promise<string> {
  const dir = resolve(PROJECT_ROOT, 'data/operations');
  for (const name of await readdir(dir)) {
    if (new RegExp(`^id: ${id}$`, 'm').test(await readFile(resolve(dir, name), 'utf8'))) return `data/operations/${name}`;
  }
  throw new Error(`no file in data/operations holds the week ${id}`);
}
const rightOnes = (sections: Section[]) => sections.flatMap((s) => s.report.results.filter((r) => r.correct).map((r) => `${s.key}: ${r.case.text}`));

// A member of staff corrected Kent's arrests from 28 to 29 and the evaluation dropped, because the sets typed 28.
describe('the evaluation after a correct edit of figures', () => {
  let ws: Workspace;
  let before: Section[];
  let after: Section[];
  let kentBefore: string;
  let kentAfter: string;

  beforeAll(async () => {
    const real = await projectEngine();
    const kent = real.knowledge.operations[0]!.counties.kent!.arrests!.value;
    const essexLines = real.knowledge.operations[0]!.counties.essex!.deal_lines!.value;
    ws = await copyWorkspace({ data: resolve(PROJECT_ROOT, 'data') });
    await ws.edit(await latestWeekFile(real.knowledge.operations[0]!.id), (t) =>
      t
        .replace(`arrests: { value: ${kent} }`, `arrests: { value: ${kent + 1} }`)
        .replace(`deal_lines: { value: ${essexLines} }`, `deal_lines: { value: ${essexLines + 3} }`),
    );
    const edited = await loadEngine({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
    before = await runSuite(real, PROJECT_ROOT);
    after = await runSuite(edited, PROJECT_ROOT);
    kentBefore = real.answer('how many arrests in kent').text;
    kentAfter = edited.answer('how many arrests in kent').text;
    expect(kentAfter).toContain(String(kent + 1));
  });
  afterAll(() => ws?.remove());

  it('should answer the same questions right, with the new figures', () => {
    expect(kentAfter).not.toBe(kentBefore);
    expect(rightOnes(after)).toEqual(rightOnes(before));
  });

  it('should leave the regression gate with no error and nothing moved', async () => {
    const baseline = await readBaseline(PROJECT_ROOT);
    const gate = compareWithBaseline(after, baseline);
    expect(gate.errors).toEqual([]);
    // Correcting a figure moves no question: whatever stood moved before the edit stands moved after it.
    expect(gate.moved).toEqual(compareWithBaseline(before, baseline).moved);
  });
});

// A member of staff added a second week, as docs/editing-intents.md says, leaving out what its release did not
// publish; the gate failed 491 questions written about the first week (Cambridgeshire's arrests "not published").
describe('the evaluation after a new week that publishes fewer figures', { timeout: 120_000 }, () => {
  let ws: Workspace;
  const NEW_WEEK = `id: staff-added-week
name: A later week of action
ran_by: { name: Eastern Region Special Operations Unit, short: ERSOU }
start: 2031-10-06
end: 2031-10-12
published: 2031-10-17
source: { publisher: Essex Police, title: Results of a later week of action, file: later-week.txt }
region:
  arrests: { value: 120 }
counties:
  essex:
    arrests: { value: 37 }
facts:
  awareness: Officers visited schools to help staff spot the signs of exploitation.
  statement: 'A spokesperson said: "Officers worked hard this week."'
`;

  beforeAll(async () => {
    ws = await copyWorkspace({ data: resolve(PROJECT_ROOT, 'data') });
    await ws.write('data/operations/2031-10-later-week.yaml', NEW_WEEK);
  });
  afterAll(() => ws?.remove());

  it('should answer from the new week, and judge the questions as of the week they were written about', async () => {
    const real = await projectEngine();
    const edited = await loadEngine({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
    expect(edited.knowledge.operations[0]!.id).toBe('staff-added-week');
    expect(edited.answer('how many arrests in essex').text).toContain('37');
    expect(edited.answer('how many arrests in cambridgeshire').text).toMatch(/not published/i);
    const [{ gate, sections }, { sections: realSections }] = await Promise.all([runGate(edited, PROJECT_ROOT), runGate(real, PROJECT_ROOT)]);
    expect(gate.errors).toEqual([]);
    expect(rightOnes(sections)).toEqual(rightOnes(realSections));
  });
});
