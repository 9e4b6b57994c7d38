import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, fileSettings, insightSettings, loadConfig, readEnvironment } from '../src/config.js';
import { PROJECT_ROOT } from '../src/engine/load-engine.js';
import { copyWorkspace, type Workspace } from './helpers/fixtures.js';

const run = promisify(execFile);
const npm = (script: string, args: string[], env: Record<string, string>) =>
  run('npm', ['run', '--silent', script, '--', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
  );

describe('readEnvironment', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'clbot-env-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('should read .env, with a variable set in the shell winning', async () => {
    await writeFile(join(dir, '.env'), 'DATA_DIR=from-file\nINTENTS_DIR=intents-from-file\n# a comment\nLOG_LEVEL=debug\n');
    const env = readEnvironment({ DATA_DIR: 'from-shell' }, join(dir, '.env'));
    expect(env).toMatchObject({ DATA_DIR: 'from-shell', INTENTS_DIR: 'intents-from-file', LOG_LEVEL: 'debug' });
    expect(loadConfig(env).LOG_LEVEL).toBe('debug');
  });

  it('should be fine without a .env file', () => {
    expect(readEnvironment({ PORT: '1' }, join(dir, 'missing.env'))).toEqual({ PORT: '1' });
  });
});

describe('fileSettings', () => {
  it('should default to data/ and intents/ in the project, named as such', () => {
    expect(fileSettings({})).toEqual({
      dataDir: resolve(PROJECT_ROOT, 'data'),
      intentsDir: resolve(PROJECT_ROOT, 'intents'),
      dataShownAs: 'data',
      intentsShownAs: 'intents',
    });
  });

  it('should name a folder outside the project by its full path', () => {
    const settings = fileSettings({ DATA_DIR: '/srv/bot/data' });
    expect(settings).toMatchObject({ dataDir: '/srv/bot/data', dataShownAs: '/srv/bot/data', intentsShownAs: 'intents' });
  });

  it('should name the variable when the bot settings are wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
  });

  it('should default the insight to k = 5 and 30 days, and refuse settings that would break /privacy\'s promise', () => {
    expect(insightSettings(loadConfig({}))).toEqual({ minChats: 5, keepDays: 30, keyDays: 30 });
    expect(insightSettings(loadConfig({ INSIGHT_MIN_CHATS: '8', INSIGHT_KEEP_DAYS: '7' }))).toMatchObject({ minChats: 8, keepDays: 7 });
    expect(() => loadConfig({ INSIGHT_MIN_CHATS: '2' })).toThrow(/INSIGHT_MIN_CHATS: should be at least 5: \/privacy/);
    expect(() => loadConfig({ INSIGHT_KEEP_DAYS: '90' })).toThrow(/INSIGHT_KEEP_DAYS: should be at most 30/);
    expect(() => loadConfig({ INSIGHT_KEY_DAYS: 'monthly' })).toThrow(/INSIGHT_KEY_DAYS: should be a number of days/);
  });
});

// Before: check, ask, eval and chat ignored DATA_DIR and INTENTS_DIR; only `npm start` read them.
describe('every tool reads DATA_DIR and INTENTS_DIR', () => {
  let ws: Workspace;
  beforeEach(async () => (ws = await copyWorkspace()));
  afterEach(() => ws.remove());

  it('should make npm run check fail on a broken file in DATA_DIR, naming it', async () => {
    await ws.edit('data/operations/2022-03-ersou-week-of-action.yaml', (t) => t.replace(/arrests: \{ value: (\d+) \}/, 'arrests: { value: $1'));
    const { code, output } = await npm('check', [], { DATA_DIR: ws.dataDir, INTENTS_DIR: ws.intentsDir });
    expect(code).toBe(1);
    expect(output).toContain(`${ws.dataDir}/operations/2022-03-ersou-week-of-action.yaml:`);
    expect(output).toContain('not valid YAML');
  });

  it('should make npm run check fail on a broken intent in INTENTS_DIR, naming it', async () => {
    await ws.edit('intents/arrests.yaml', (t) => t.replace('{arrests}', '{arests}'));
    const { code, output } = await npm('check', [], { INTENTS_DIR: ws.intentsDir });
    expect(code).toBe(1);
    expect(output).toContain(`${ws.intentsDir}/arrests.yaml:`);
  });

  it('should make npm run ask answer from DATA_DIR', async () => {
    await ws.edit('data/operations/2022-03-ersou-week-of-action.yaml', (t) => t.replace('arrests: { value: 28 }', 'arrests: { value: 29 }'));
    const { code, output } = await npm('ask', ['how many arrests in kent'], { DATA_DIR: ws.dataDir });
    expect(code).toBe(0);
    expect(output).toContain('In Kent, 29 people were arrested');
  });
});
