import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotApiStub } from '../helpers/bot-api-stub.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';
import { startProcess, type Started } from '../helpers/process.js';
import { BOT_INFO, textUpdate, TOKEN } from '../helpers/telegram.js';

const OPERATION = 'data/operations/2022-03-ersou-week-of-action.yaml';

// A member of staff edits the files while the bot runs; the next message gets the new answer, no restart.
describe('live reload in a running bot', () => {
  let api: BotApiStub;
  let ws: Workspace;
  let bot: Started | undefined;
  let userId = 900;

  beforeEach(async () => {
    api = new BotApiStub(TOKEN, BOT_INFO as unknown as Record<string, unknown>);
    ws = await copyWorkspace();
    bot = startProcess('npm', ['start'], {
      BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: await api.start(), WEBHOOK_URL: '', WEBHOOK_SECRET: '', REDIS_URL: '', ADMIN_IDS: '',
      DATA_DIR: ws.dataDir, INTENTS_DIR: ws.intentsDir, LOG_LEVEL: 'info',
    });
    await bot.waitForOutput(/"mode":"polling"/);
  });
  afterEach(async () => {
    bot?.killAll();
    await api.stop();
    await ws.remove();
  });

  async function ask(text: string): Promise<string> {
    const id = ++userId;
    api.pushUpdate(textUpdate(text, { userId: id }));
    return String((await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === id)).payload.text);
  }

  it('should answer with a corrected figure within seconds of the file being saved', async () => {
    expect(await ask('how many arrests in kent')).toContain('In Kent, 28 people were arrested');
    await ws.edit(OPERATION, (t) => t.replace('arrests: { value: 28 }', 'arrests: { value: 29 }'));
    await bot!.waitForOutput(/"event":"reloaded"/, 30_000); // the reload runs the whole evaluation first
    expect(await ask('how many arrests in kent')).toContain('In Kent, 29 people were arrested');
  });

  it('should answer a new phrasing added to an intent', async () => {
    expect(await ask('zoinks how many')).toContain('Sorry, I can only help with');
    await ws.edit('intents/arrests.yaml', (t) => t.replace('examples:\n', 'examples:\n  - zoinks how many\n  - zoinks how many were there\n  - zoinks tell me how many\n'));
    await bot!.waitForOutput(/"event":"reloaded"/, 30_000); // the reload runs the whole evaluation first
    expect(await ask('zoinks how many')).toContain('151');
  });

  it.each([
    ['broken YAML', (t: string) => t.replace('arrests: { value: 28 }', 'arrests: { value: 29'), /2022-03-ersou-week-of-action\.yaml:\d+: the file is not valid YAML/],
    ['a schema error', (t: string) => t.replace('arrests: { value: 28 }', 'arrests: { value: lots }'), /2022-03-ersou-week-of-action\.yaml:\d+: counties\.kent\.arrests\.value: should be a number/],
  ])('should keep serving the old answers after %s, and log the file', async (_name, edit, logged) => {
    await ws.edit(OPERATION, edit);
    await bot!.waitForOutput(/"event":"reload_failed"/, 10_000);
    expect(bot!.output()).toMatch(logged);
    expect(await ask('how many arrests in kent')).toContain('In Kent, 28 people were arrested');
  });

  it('should refuse an edit that loses "Call 999 now" first, as npm run check does, and keep serving 999 first', async () => {
    const danger = 'theres a man with a knife outside my house right now';
    expect(await ask(danger)).toMatch(/^Call 999 now/);
    await ws.edit('intents/emergency.yaml', (t) => t.replace('danger: true', 'danger: false'));
    await bot!.waitForOutput(/"event":"reload_failed"/, 30_000);
    expect(bot!.output()).toMatch(/no longer gets \\"Call 999 now\\" first/);
    expect(await ask(danger)).toMatch(/^Call 999 now/);
  });
});
