import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeFailure, LiveEngine } from '../../src/reload/live-engine.js';
import { liveWorkspace, type Workspace } from '../helpers/fixtures.js';

const OPERATION = 'data/operations/2022-03-ersou-week-of-action.yaml';
const kentArrests = (live: LiveEngine) => live.current.answer('how many arrests in kent').text;

describe('LiveEngine', () => {
  let ws: Workspace;
  let live: LiveEngine;
  beforeEach(async () => ({ ws, live } = await liveWorkspace()));
  afterEach(() => ws.remove());

  it('should put a good edit into service and change the version', async () => {
    const before = live.version.hash;
    const old = live.current;
    await ws.edit(OPERATION, (t) => t.replace('arrests: { value: 28 }', 'arrests: { value: 29 }'));
    expect(await live.reload()).toBe(true);
    expect(kentArrests(live)).toContain('In Kent, 29 people were arrested');
    expect(live.version.hash).not.toBe(before);
    // Whoever still holds the old engine finishes on the old version.
    expect(old.answer('how many arrests in kent').text).toContain('28 people');
  });

  it('should keep serving the last good version when a file is not valid YAML, naming the file', async () => {
    await ws.edit(OPERATION, (t) => t.replace('arrests: { value: 28 }', 'arrests: { value: 29'));
    expect(await live.reload()).toBe(false);
    expect(kentArrests(live)).toContain('In Kent, 28 people were arrested');
    expect(describeFailure(live.lastFailure!).join('\n')).toMatch(/data\/operations\/2022-03-ersou-week-of-action\.yaml:\d+: the file is not valid YAML/);
  });

  it('should keep serving the last good version on a schema error, naming the file and field', async () => {
    await ws.edit('intents/arrests.yaml', (t) => t.replace('In {county}, {arrests}', 'In {county}, {arests}'));
    expect(await live.reload()).toBe(false);
    expect(kentArrests(live)).toContain('In Kent, 28 people were arrested');
    expect(describeFailure(live.lastFailure!).join('\n')).toMatch(/intents\/arrests\.yaml:\d+: answer\.county: unknown field "arests"/);
  });

  it('should clear the failure once the files are fixed', async () => {
    await ws.edit('intents/thanks.yaml', (t) => t.replace('id: thanks', 'id: [thanks'));
    await live.reload();
    expect(live.lastFailure).toBeDefined();
    await ws.edit('intents/thanks.yaml', (t) => t.replace('id: [thanks', 'id: thanks'));
    expect(await live.reload()).toBe(true);
    expect(live.lastFailure).toBeUndefined();
  });

  it('should never run two reloads at once', async () => {
    let loads = 0;
    const counted = await LiveEngine.start({ dataDir: ws.dataDir, intentsDir: ws.intentsDir, onReload: () => loads++ });
    await Promise.all([counted.reload(), counted.reload(), counted.reload()]);
    expect(loads).toBeLessThanOrEqual(2); // the first, and one catching up on everything asked during it
  });
});
