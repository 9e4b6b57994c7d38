import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAll } from '../../src/engine/load-engine.js';
import { formatProblem } from '../../src/files/problem.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';

describe('npm run check warnings', () => {
  let ws: Workspace;
  beforeEach(async () => (ws = await copyWorkspace()));
  afterEach(() => ws.remove());
  const warnings = async () => {
    const { problems } = await checkAll({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    return problems.filter((p) => p.severity === 'warning').map(formatProblem);
  };

  it('should have no warnings on the project as it stands', async () => {
    expect(await warnings()).toEqual([]);
  });

  it('should warn about an intent with few examples and no tests', async () => {
    await ws.write('intents/thanks.yaml', 'id: thanks\ndescription: Thank you.\nexamples:\n  - thanks\n  - cheers mate\nanswer:\n  text: You are welcome.\n');
    const w = (await warnings()).join('\n');
    expect(w).toContain('intents/thanks.yaml: warning: examples: only 2 example phrases; add at least 6 more');
    expect(w).toContain('intents/thanks.yaml: warning: tests: no held-out test phrases');
  });

  it('should warn about near-identical examples under two intents', async () => {
    await ws.edit('intents/phones.yaml', (t) => t.replace('examples:\n', 'examples:\n  - arrests how many were made?\n'));
    expect((await warnings()).join('\n')).toMatch(/"arrests how many were made\?" is nearly the same as "how many arrests were made" under "arrests"/);
  });

  it('should warn about a figure no template uses', async () => {
    await ws.edit('intents/phones.yaml', (t) => t.replace(/\{phones\}/g, '{all}').replace('metric: phones\n', ''));
    expect((await warnings()).join('\n')).toContain('data/metrics.yaml: warning: phones: the figure "phones" is in the data but no intent template names {phones}');
  });
});
