import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';
import { startProcess, type Started } from '../helpers/process.js';

const PROMPT = 'you> ';

// Staff who run the bot in the terminal (no BOT_TOKEN) edit the files beside it: the chat must say in plain words
// whether each edit went into service, and an edit that check refuses must never answer anyone.
describe('live reload in the terminal chat', () => {
  let ws: Workspace;
  let chat: Started;

  beforeEach(async () => {
    ws = await copyWorkspace();
    chat = startProcess('npm', ['start'], { BOT_TOKEN: '', REDIS_URL: '', DATA_DIR: ws.dataDir, INTENTS_DIR: ws.intentsDir }, { input: true });
    await chat.waitForOutput(new RegExp(PROMPT));
  });
  afterEach(async () => {
    chat.killAll();
    await ws.remove();
  });

  /** Types a line and returns the reply printed for it. */
  async function say(line: string): Promise<string> {
    const prompts = () => chat.output().split(PROMPT).length - 1;
    const before = prompts();
    chat.type(line);
    const started = Date.now();
    while (prompts() <= before) {
      if (Date.now() - started > 20_000) throw new Error(`no reply to "${line}"; output:\n${chat.output()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return chat.output().split(PROMPT)[before]!;
  }

  it('should refuse an edit that loses "Call 999 now" first, say so and why, and keep answering with 999 first', async () => {
    const danger = 'theres a man with a knife outside my house right now';
    expect(await say(danger)).toMatch(/bot> Call 999 now/);
    await ws.edit('intents/emergency.yaml', (t) => t.replace('danger: true', 'danger: false'));
    await chat.waitForOutput(/Your edit was NOT put in service/, 60_000);
    expect(chat.output()).toMatch(/still answering with the last good version/);
    expect(chat.output()).toMatch(/no longer gets "Call 999 now" first/);
    expect(chat.output()).not.toMatch(/"event":"reload_failed"/);
    expect(await say(danger)).toMatch(/bot> Call 999 now/);
  });

  it('should serve an edit that only moves questions, with its warnings', async () => {
    await ws.write(
      'intents/pizza.yaml',
      [
        'id: pizza',
        'description: Where to get pizza.',
        'examples:',
        ...['best pizza near me', 'where can i get a pizza', 'pizza places', 'good pizza in town', 'pizza delivery', 'cheap pizza', 'pizza open late', 'who does the best pizza'].map((e) => `  - ${e}`),
        'answer:',
        '  text: This bot does not know about pizza.',
        '',
      ].join('\n'),
    );
    await chat.waitForOutput(/Your edit is in service/, 60_000);
    expect(chat.output()).toMatch(/Please read (this warning|these \d+ warnings):\n• test\/eval: warning: Your new topic `pizza` now answers/);
    expect(await say('best pizza near me')).toContain('This bot does not know about pizza.');
  });
});
