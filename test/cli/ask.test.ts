import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { hasFooter } from '../../src/reply/compose.js';

const run = promisify(execFile);
const ask = async (args: string[], input?: string) => {
  const child = run('npm', ['run', '--silent', 'ask', '--', ...args], { cwd: PROJECT_ROOT });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  return child;
};

// `ask` answers from the project's own data/: figures are read from it, so correcting one changes no test.
let kent: { arrests: number; deal_lines: number };
beforeAll(async () => {
  const figures = (await loadEngine()).knowledge.operations[0]!.counties.kent!;
  kent = { arrests: figures.arrests!.value, deal_lines: figures.deal_lines!.value };
});

describe('npm run ask', () => {
  it('should print the reply for a question', async () => {
    const { stdout } = await ask(['how many arrests in kent']);
    expect(stdout).toContain(`In Kent, ${kent.arrests} people were arrested`);
    expect(hasFooter(stdout)).toBe(true);
  });

  it('should print {"reply","intent","confidence","frame"} with --json', async () => {
    const out = JSON.parse((await ask(['--json', 'how many arrests in kent'])).stdout);
    expect(Object.keys(out)).toEqual(['reply', 'intent', 'confidence', 'frame', 'language']);
    expect(Object.keys(out.frame)).toEqual(['act', 'metrics', 'places', 'time', 'facet', 'operation', 'leftovers', 'rule']);
    expect(out.frame).toMatchObject({ act: 'figure', metrics: ['arrests'], places: [{ kind: 'county_with_figures', key: 'kent' }], operation: { kind: 'value' } });
    expect(out.frame.rule).toMatch(/plan-county-figures/);
    expect(out.intent).toBe('arrests');
    expect(out.confidence).toBeGreaterThan(0);
    expect(out.confidence).toBeLessThanOrEqual(1);
  });

  it('should add "frames", each part\'s frame in order, for a message of several parts, keeping "frame" as the first', async () => {
    const out = JSON.parse((await ask(['--json', 'what is county lines and how many were arrested in kent'])).stdout);
    expect(Object.keys(out)).toEqual(['reply', 'intent', 'confidence', 'frame', 'frames', 'language']);
    expect(out.frames).toHaveLength(2);
    expect(out.frames[0]).toEqual(out.frame);
    expect(out.frames[1]).toMatchObject({ act: 'figure', metrics: ['arrests'], places: [{ key: 'kent' }] });
  });

  it('should give intent null when nothing matched', async () => {
    const out = JSON.parse((await ask(['--json', 'tell me a joke'])).stdout);
    expect(out.intent).toBeNull();
    expect(hasFooter(out.reply)).toBe(true);
  });

  it('should answer JSON lines in order, sharing context per chat, and survive bad lines', async () => {
    const input = [
      JSON.stringify({ chat: 'a', text: 'how many arrests in essex' }),
      JSON.stringify({ chat: 'b', text: 'what happened in kent' }),
      'this is not json',
      JSON.stringify({ chat: 'a', text: 'what about kent?' }),
      JSON.stringify({ chat: 'b' }),
      JSON.stringify({ chat: 'b', text: 'how many deal lines?' }),
    ].join('\n');
    const lines = (await ask(['--jsonl'], input)).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(Object.keys(lines[0])).toEqual(['chat', 'text', 'reply', 'intent', 'confidence', 'frame', 'language']);
    expect(lines[0].frame.act).toBe('figure');
    expect(lines[0]).toMatchObject({ chat: 'a', text: 'how many arrests in essex', intent: 'arrests' });
    expect(lines[2].error).toMatch(/line 3: not valid JSON/);
    expect(lines[3].reply).toContain(`In Kent, ${kent.arrests} people were arrested`);
    expect(lines[4].error).toMatch(/line 5: .*text/);
    expect(lines[5].reply).toContain(`In Kent, ${kent.deal_lines} deal lines were seized`);
    expect(lines[5].reply).not.toMatch(/<[a-z]/); // no markup
  });
});
