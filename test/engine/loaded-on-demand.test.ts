import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { copyWorkspace, LOGIC_DATA, type Workspace } from '../helpers/fixtures.js';

const run = promisify(execFile);

/**
 * Packages a start-up does without, by a CommonJS file each loads (the CommonJS files a process has loaded can be
 * listed; modules cannot): `yaml` itself, and `pluralize`, which text-readability (an ES module) loads to score
 * reading ages.
 */
const ON_DEMAND = { yaml: '/node_modules/yaml/', readability: '/node_modules/pluralize/' } as const;
type Loaded = Record<keyof typeof ON_DEMAND, boolean>;

/**
 * Checks the files in a process of its own (as the bot and every command do) over `dataDir`, with the editors'
 * warnings or without (as a start-up), and says which of {@link ON_DEMAND} were loaded and what problems it gave.
 */
async function loadInProcess(dataDir: string, { intentsDir, warnings = false }: { intentsDir?: string; warnings?: boolean } = {}): Promise<{ loaded: Loaded; problems: { file: string; line?: number; field: string; severity: string }[] }> {
  const script = `
    (async () => {
      const { checkAll } = await import(${JSON.stringify(resolve(PROJECT_ROOT, 'src/engine/load-engine.ts'))});
      const settings = { dataDir: ${JSON.stringify(dataDir)}${intentsDir ? `, intentsDir: ${JSON.stringify(intentsDir)}` : ''} };
      const { problems } = await checkAll(settings, { warnings: ${warnings} });
      const files = Object.keys(require.cache);
      const loaded = Object.fromEntries(Object.entries(${JSON.stringify(ON_DEMAND)}).map(([name, path]) => [name, files.some((f) => f.includes(path))]));
      console.log(JSON.stringify({ loaded, problems: problems.map(({ file, line, field, severity }) => ({ file, line, field, severity })) }));
    })();
  `;
  const { stdout } = await run(resolve(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['--eval', script], { cwd: PROJECT_ROOT });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

describe('packages loaded on demand', () => {
  let ws: Workspace | undefined;
  afterEach(() => ws?.remove());

  // js-yaml reads well-made files; `yaml`, which knows where each value sits, is needed only to point at a problem.
  // Reading ages are advice for editors, which only npm run check gives.
  it('should not be loaded by a start-up whose files are well made', async () => {
    const { loaded, problems } = await loadInProcess(LOGIC_DATA);
    expect(problems).toEqual([]);
    expect(loaded).toEqual({ yaml: false, readability: false });
  }, 60_000);

  it('should load the reading-age scorer when the editors\' warnings are asked for', async () => {
    const { loaded } = await loadInProcess(LOGIC_DATA, { warnings: true });
    expect(loaded.readability).toBe(true);
  }, 60_000);

  it('should load yaml when a file needs a line pointed at, and give the line', async () => {
    ws = await copyWorkspace();
    await ws.edit('data/metrics.yaml', (text) => text.replace(/^ {2}label: .*/m, '  label: [one, two]'));
    const { loaded, problems } = await loadInProcess(ws.dataDir, { intentsDir: ws.intentsDir });
    expect(loaded.yaml).toBe(true);
    expect(problems).toEqual([expect.objectContaining({ file: expect.stringContaining('metrics.yaml'), field: expect.stringMatching(/label$/), line: expect.any(Number) })]);
  }, 60_000);
});
