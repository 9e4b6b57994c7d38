import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { compareWithBaseline, readBaseline } from '../../src/evaluation/gate.js';
import { runSuite, type Section } from '../../src/evaluation/suite.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';

/** The evaluation is of the project as it is: its own data/ and intents/. */
const projectEngine = () => loadEngine();
const OPERATION = 'data/operations/2022-03-ersou-week-of-action.yaml';
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
    await ws.edit(OPERATION, (t) =>
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
    const gate = compareWithBaseline(after, await readBaseline(PROJECT_ROOT));
    expect(gate.errors).toEqual([]);
    expect(gate.moved).toEqual([]);
  });
});
