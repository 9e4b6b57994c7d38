import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveEngine } from '../../src/reload/live-engine.js';
import { hasFooter } from '../../src/reply/compose.js';
import { liveWorkspace, logicFigure, type Workspace } from '../helpers/fixtures.js';
import { testBot, textUpdate } from '../helpers/telegram.js';

const ADMIN = 42; // in testBot's ADMIN_IDS
const PUBLIC = 7;
const KENT_ARRESTS = logicFigure('kent', 'arrests');

describe('staff-only commands', () => {
  let ws: Workspace;
  let live: LiveEngine;
  beforeEach(async () => ({ ws, live } = await liveWorkspace()));
  afterEach(() => ws.remove());
  const bot = () => testBot(live.current, { engine: () => live.current, live, startedAt: new Date(Date.now() - 90_000) });

  it('should show an admin the version, counts, last reload and uptime', async () => {
    const { bot: b, sent } = bot();
    await b.handleUpdate(textUpdate('/status', { userId: ADMIN }));
    expect(sent()[0]).toContain(`Version in service: ${live.version.hash}`);
    expect(sent()[0]).toMatch(/intents: \d+, examples: \d+/);
    expect(sent()[0]).toContain('Last reload: OK');
    expect(sent()[0]).toMatch(/Uptime: 0h 1m 3\ds/);
    expect(hasFooter(sent()[0]!)).toBe(true);
  });

  it('should reload for an admin and report a broken file without taking the bot down', async () => {
    const { bot: b, sent } = bot();
    await ws.edit('data/operations/2022-03-ersou-week-of-action.yaml', (t) => t.replace(`arrests: { value: ${KENT_ARRESTS} }`, `arests: { value: ${KENT_ARRESTS + 1} }`));
    await b.handleUpdate(textUpdate('/reload', { userId: ADMIN }));
    expect(sent()[0]).toContain('Reload failed');
    expect(sent()[0]).toMatch(/2022-03-ersou-week-of-action\.yaml:\d+: counties\.kent\.arests: unknown figure "arests"/);
    await b.handleUpdate(textUpdate('arrests in kent', { userId: PUBLIC }));
    expect(sent()[1]).toContain(`In Kent, ${KENT_ARRESTS} people were arrested`);
  });

  it.each(['/status', '/reload'])('should give anyone else the normal public reply to %s, with no hint', async (command) => {
    const { bot: b, sent } = bot();
    await b.handleUpdate(textUpdate(command, { userId: PUBLIC }));
    await b.handleUpdate(textUpdate('/nosuchcommand', { userId: PUBLIC }));
    expect(sent()).toHaveLength(2);
    expect(sent()[0]).toBe(sent()[1]);
    expect(sent()[0]).not.toMatch(/Version|reload|status/i);
  });
});
