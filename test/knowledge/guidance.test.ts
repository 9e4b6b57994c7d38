import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAll } from '../../src/engine/load-engine.js';
import { formatProblem } from '../../src/files/problem.js';
import { guidanceLookup } from '../../src/knowledge/guidance.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';

const GUIDANCE = 'data/guidance.yaml';

describe('data/guidance.yaml', () => {
  let ws: Workspace;
  beforeEach(async () => (ws = await copyWorkspace()));
  afterEach(() => ws.remove());

  it('should give every item a publisher, title, address and checked date', async () => {
    const { knowledge, problems } = await loadKnowledge(ws.dataDir);
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(knowledge!.guidance.size).toBeGreaterThan(5);
    for (const [id, item] of knowledge!.guidance) {
      expect(item.source.url, id).toMatch(/^https?:\/\//);
      expect(item.source.checked, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(item.text, id).not.toMatch(/\d/);
    }
  });

  it('should look up the text and who wrote it', async () => {
    const { knowledge } = await loadKnowledge(ws.dataDir);
    expect(guidanceLookup(knowledge!.guidance, 'guidance.victims.by')).toBe('Home Office');
    expect(guidanceLookup(knowledge!.guidance, 'guidance.victims')).toContain('victims');
    expect(guidanceLookup(knowledge!.guidance, 'guidance.nothing')).toBeUndefined();
  });

  // npm run check must refuse guidance that cannot be traced to its page.
  it.each([
    ['no source at all', (t: string) => t.replace(/(cuckooing_what:[\s\S]*?)\n  source:\n(    .*\n){4}/, '$1\n'), 'cuckooing_what.source'],
    ['no checked date', (t: string) => t.replace(/(cuckooing_what:[\s\S]*?)\n    checked: 2026-11-28/, '$1'), 'cuckooing_what.source.checked'],
    ['a checked date in words', (t: string) => t.replace(/(cuckooing_what:[\s\S]*?checked: )2026-11-28/, '$1last week'), 'cuckooing_what.source.checked'],
    ['no address', (t: string) => t.replace(/(cuckooing_what:[\s\S]*?)\n    url: \S+/, '$1'), 'cuckooing_what.source.url'],
    ['a phone number in the text', (t: string) => t.replace('use it to sell', 'use it to call 0800 1111 and sell'), 'cuckooing_what.text'],
  ])('should refuse an item with %s, naming the file and field', async (_name, edit, field) => {
    await ws.edit(GUIDANCE, edit);
    const { knowledge, problems } = await checkAll({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
    expect(knowledge).toBeUndefined();
    const problem = problems.find((p) => p.field === field);
    expect(problem, problems.map(formatProblem).join('\n')).toBeDefined();
    expect(problem!.file).toBe(GUIDANCE);
    expect(problem!.severity).toBe('error');
  });
});
