import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { copyWorkspace, LOGIC_DATA, type Workspace } from '../helpers/fixtures.js';

const run = promisify(execFile);

/**
 * Loads the engine in a process of its own (as the bot and every command do) over `dataDir`, and says whether the
 * `yaml` package was loaded and what problems the load gave, as JSON.
 */
async function loadInProcess(dataDir: string, intentsDir?: string): Promise<{ yamlLoaded: boolean; problems: { file: string; line?: number; field: string }[] }> {
  const script = `
    (async () => {
      const { checkAll } = await import(${JSON.stringify(resolve(PROJECT_ROOT, 'src/engine/load-engine.ts'))});
      const settings = { dataDir: ${JSON.stringify(dataDir)}${intentsDir ? `, intentsDir: ${JSON.stringify(intentsDir)}` : ''} };
      const { problems } = await checkAll(settings, { warnings: false });
      const loaded = Object.keys(require.cache).some((k) => k.includes('/node_modules/yaml/'));
      console.log(JSON.stringify({ yamlLoaded: loaded, problems: problems.map(({ file, line, field }) => ({ file, line, field })) }));
    })();
  `;
  const { stdout } = await run(resolve(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['--eval', script], { cwd: PROJECT_ROOT });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

describe('the yaml package, loaded on demand', () => {
  let ws: Workspace | undefined;
  afterEach(() => ws?.remove());

  // js-yaml reads well-made files; `yaml`, which knows where each value sits, is needed only to point at a problem.
  it('should not be loaded by a start-up whose files are well made', async () => {
    const loaded = await loadInProcess(LOGIC_DATA);
    expect(loaded.problems).toEqual([]);
    expect(loaded.yamlLoaded).toBe(false);
  }, 60_000);

  it('should be loaded when a file needs a line pointed at, and give the line', async () => {
    ws = await copyWorkspace();
    await ws.edit('data/metrics.yaml', (text) => text.replace(/^ {2}label: .*/m, '  label: [one, two]'));
    const loaded = await loadInProcess(ws.dataDir, ws.intentsDir);
    expect(loaded.yamlLoaded).toBe(true);
    expect(loaded.problems).toEqual([expect.objectContaining({ file: expect.stringContaining('metrics.yaml'), field: expect.stringMatching(/label$/), line: expect.any(Number) })]);
  }, 60_000);
});
