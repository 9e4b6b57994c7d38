import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasFooter } from '../../src/reply/compose.js';
import { BotApiStub } from '../helpers/bot-api-stub.js';
import { LOGIC_DATA } from '../helpers/fixtures.js';
import { freePort, startProcess, type Started } from '../helpers/process.js';
import { BOT_INFO, textUpdate, TOKEN } from '../helpers/telegram.js';

// These tests start the bot the way a user does (`npm start`) against a Bot API stand-in on 127.0.0.1,
// so the real HTTP client, long polling, retries, the webhook server and signal handling all run.

const BASE_ENV = { BOT_TOKEN: TOKEN, WEBHOOK_URL: '', WEBHOOK_SECRET: '', ADMIN_IDS: '', REDIS_URL: '', LOG_LEVEL: 'info', DATA_DIR: LOGIC_DATA };

describe('the bot process', () => {
  let api: BotApiStub;
  let apiRoot: string;
  let bot: Started | undefined;

  beforeEach(async () => {
    api = new BotApiStub(TOKEN, BOT_INFO as unknown as Record<string, unknown>);
    apiRoot = await api.start();
  });
  afterEach(async () => {
    bot?.killAll();
    bot = undefined;
    await api.stop();
  });

  it('should poll, answer, survive a 500 and a 429, and stop cleanly on SIGTERM', async () => {
    api.failNext('getUpdates', { code: 500 });
    bot = startProcess('npm', ['start'], { ...BASE_ENV, TELEGRAM_API_ROOT: apiRoot });
    await bot.waitForOutput(/"mode":"polling"/);
    expect(api.callsTo('setMyCommands')[0]!.payload.commands.map((c: { command: string }) => c.command)).toEqual(['start', 'help', 'report', 'about', 'privacy', 'language']);
    expect(api.callsTo('setMyDescription')).toHaveLength(1);
    expect(api.callsTo('setMyShortDescription')).toHaveLength(1);
    expect(api.callsTo('deleteWebhook')).toHaveLength(1);

    // The 500 on getUpdates is logged and polling goes on.
    await bot.waitForOutput(/"event":"api_error","method":"getUpdates","code":500/);
    const update = textUpdate('how many arrests in essex', { userId: 501 });
    api.pushUpdate(update);
    const first = await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 501);
    expect(first.payload.text).toContain('In Essex, 44 people were arrested');
    expect(hasFooter(first.payload.text)).toBe(true);

    // A 429 on sendMessage is retried after retry_after, and the user still gets the answer.
    api.failNext('sendMessage', { code: 429, retryAfter: 1 });
    api.pushUpdate(textUpdate('what about kent', { userId: 501 }));
    const kent = (c: { method: string; payload: Record<string, unknown> }) => c.method === 'sendMessage' && String(c.payload.text).includes('In Kent, 28 people were arrested');
    await api.waitFor((c) => kent(c) && api.calls.filter(kent).length === 2);
    expect(bot.output()).toMatch(/"method":"sendMessage","code":429/);

    bot.signalBot('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('"event":"stopped"');
    expect(bot.output()).not.toContain(TOKEN);
    expect(bot.output()).not.toContain('how many arrests');
  });

  it('should serve a webhook that checks the secret, answers each update once, and has /healthz', async () => {
    const port = await freePort();
    const hook = `http://127.0.0.1:${port}/telegram/hook`;
    bot = startProcess('npm', ['start'], { ...BASE_ENV, TELEGRAM_API_ROOT: apiRoot, WEBHOOK_URL: hook, WEBHOOK_SECRET: 'right-secret', HOST: '127.0.0.1', PORT: String(port) });
    await bot.waitForOutput(/"mode":"webhook"/);
    const setWebhook = api.callsTo('setWebhook')[0]!;
    expect(setWebhook.payload).toMatchObject({ url: hook, secret_token: 'right-secret' });

    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const post = (body: unknown, secret?: string) =>
      fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) }, body: JSON.stringify(body) });

    const update = textUpdate('whats a county line', { userId: 777 });
    expect((await post(update)).status).toBe(401);
    expect((await post(update, 'wrong-secret')).status).toBe(401);
    expect(api.callsTo('sendMessage')).toHaveLength(0);

    expect((await post(update, 'right-secret')).status).toBe(200);
    expect((await post(update, 'right-secret')).status).toBe(200); // Telegram delivering it twice
    expect((await post({ not: 'an update' }, 'right-secret')).status).toBe(400);
    // Replies go out after the webhook has answered.
    await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 777);
    await new Promise((r) => setTimeout(r, 300));
    const replies = api.callsTo('sendMessage').filter((c) => c.payload.chat_id === 777);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.payload.text).toContain('dedicated phone line');

    // SIGTERM while an answer is being sent: it is finished first, then the process exits 0.
    api.slowNext('sendMessage', 1500);
    const inFlight = post(textUpdate('how many arrests in kent', { userId: 778 }), 'right-secret');
    await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 778);
    bot.signalBot('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toMatch(/"event":"update","update_id":\d+,"type":"message","chat_type":"private","intent":"arrests"/);
  });

  it('should refuse to start with a bad setting, naming the variable', async () => {
    bot = startProcess('npm', ['start'], { ...BASE_ENV, TELEGRAM_API_ROOT: apiRoot, WEBHOOK_URL: 'https://example.org/hook', WEBHOOK_SECRET: '' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/WEBHOOK_SECRET: is required when WEBHOOK_URL is set/);
  });
});
