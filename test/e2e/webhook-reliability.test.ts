import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiStub } from '../helpers/bot-api-stub.js';
import { BOT_INFO, textUpdate, TOKEN } from '../helpers/telegram.js';
import { answersByChat, rawRequest, startWebhookBot, until, WEBHOOK_SECRET, type WebhookBot } from '../helpers/webhook.js';

// The real bot process in webhook mode, without Redis, against the Bot API stand-in.
// Timings can be shortened or stretched: TEST_OUTAGE_SECONDS (default 6) and TEST_RETRY_AFTER (default 2).
const OUTAGE_MS = Number(process.env.TEST_OUTAGE_SECONDS ?? 6) * 1000;
const RETRY_AFTER = Number(process.env.TEST_RETRY_AFTER ?? 2);
const APOLOGY = /something went wrong/;
const lines = (output: string, pattern: RegExp) => output.split('\n').filter((l) => pattern.test(l));

describe('the webhook, in one instance without Redis', () => {
  let api: BotApiStub;
  let apiRoot: string;
  let one: WebhookBot;

  beforeAll(async () => {
    api = new BotApiStub(TOKEN, BOT_INFO as unknown as Record<string, unknown>);
    apiRoot = await api.start();
    one = await startWebhookBot(apiRoot, { LOG_LEVEL: 'debug' });
  });
  afterAll(async () => {
    one?.bot.killAll();
    await api.stop();
  });

  // Regression: the webhook awaited the answer, auto-retry included, so one 429 held every request for
  // 10 s or more (past Telegram's own patience), and a long one turned answers into apologies.
  it('should answer every update within 2 s during a 429 storm, then send each answer once, none an apology', async () => {
    api.startOutage('sendMessage', OUTAGE_MS, RETRY_AFTER);
    const users = Array.from({ length: 40 }, (_, i) => 9100 + i);
    const results = await Promise.all(users.map((u) => one.post(textUpdate('how many arrests in essex', { userId: u }))));
    expect(results.map((r) => r.status)).toEqual(users.map(() => 200));
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(2000);
    expect(api.inOutage('sendMessage')).toBe(true);

    await until(() => users.every((u) => answersByChat(api).has(u)), OUTAGE_MS + 30_000, 'every chat to be answered');
    await new Promise((r) => setTimeout(r, 500));
    const answers = answersByChat(api);
    for (const u of users) {
      expect(answers.get(u), `chat ${u}`).toHaveLength(1);
      expect(answers.get(u)![0]).toContain('In Essex, 44 people were arrested');
      expect(answers.get(u)![0]).not.toMatch(APOLOGY);
    }
    // The storm is logged, once a minute, not once per failed call.
    expect(lines(one.bot.output(), /"event":"api_error","method":"sendMessage","code":429/)).toHaveLength(1);
  });

  // Regression: a malformed URL gave 500 and an error line; a dropped client an error line; HEAD /healthz 404.
  it('should answer malformed requests with 400 and log them at debug level, never as errors', async () => {
    const before = one.bot.output().length;
    expect(await rawRequest(one.port, 'POST //[ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n')).toBe(400);
    // A client that hangs up halfway through the body.
    const body = JSON.stringify(textUpdate('how many arrests in kent', { userId: 9300 }));
    await rawRequest(one.port, `POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${WEBHOOK_SECRET}\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 20)}`, { hangUpAfterMs: 100 });
    await one.bot.waitForOutput(/"event":"webhook_client_gone"/, 5000);
    const output = one.bot.output().slice(before);
    expect(lines(output, /"event":"webhook_bad_url"/)[0]).toMatch(/"level":20/);
    expect(lines(output, /"event":"webhook_client_gone"/)[0]).toMatch(/"level":20/);
    expect(lines(output, /"level":(50|60)/)).toEqual([]);
    expect(one.bot.child.exitCode).toBeNull();
  });

  it('should answer HEAD /healthz with 200', async () => {
    const res = await fetch(`http://127.0.0.1:${one.port}/healthz`, { method: 'HEAD' });
    expect(res.status).toBe(200);
  });

  // Regression: anyone could fill the log with one line per request that lacked the secret.
  it('should log requests without the secret once a minute, not once each', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await fetch(one.hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong' }, body: '{}' });
      expect(res.status).toBe(401);
    }
    expect(lines(one.bot.output(), /"event":"webhook_unauthorised"/)).toHaveLength(1);
  });
});

describe('the in-memory reply queue', () => {
  it('should stop on SIGTERM after draining for SHUTDOWN_DRAIN_SECONDS, logging the replies it could not send', async () => {
    const api = new BotApiStub(TOKEN, BOT_INFO as unknown as Record<string, unknown>);
    const apiRoot = await api.start();
    const bot = await startWebhookBot(apiRoot, { SHUTDOWN_DRAIN_SECONDS: '1' });
    try {
      api.startOutage('sendMessage', 60_000, 30);
      for (let i = 0; i < 3; i++) expect((await bot.post(textUpdate('whats a county line', { userId: 9500 + i }))).status).toBe(200);
      bot.bot.signalBot('SIGTERM');
      expect(await bot.bot.exited).toBe(0);
      expect(bot.bot.output()).toMatch(/"event":"replies_dropped","updates":3/);
      expect(answersByChat(api).size).toBe(0);
    } finally {
      bot.bot.killAll();
      await api.stop();
    }
  });

  it('should answer 503 when full, so that Telegram resends, and answer the resent update once', async () => {
    const api = new BotApiStub(TOKEN, BOT_INFO as unknown as Record<string, unknown>);
    const apiRoot = await api.start();
    const small = await startWebhookBot(apiRoot, { UPDATE_QUEUE_LIMIT: '3' });
    try {
      api.startOutage('sendMessage', OUTAGE_MS, RETRY_AFTER);
      const updates = Array.from({ length: 5 }, (_, i) => textUpdate('whats a county line', { userId: 9400 + i }));
      const statuses: number[] = [];
      for (const u of updates) statuses.push((await small.post(u)).status);
      expect(statuses).toEqual([200, 200, 200, 503, 503]);
      // Telegram delivers the refused ones again later.
      await until(() => !api.inOutage('sendMessage'), OUTAGE_MS + 1000, 'the outage to end');
      await until(() => answersByChat(api).size >= 3, 30_000, 'the queued answers');
      for (const u of updates.slice(3)) expect((await small.post(u)).status).toBe(200);
      await until(() => answersByChat(api).size === 5, 30_000, 'every chat to be answered');
      await new Promise((r) => setTimeout(r, 500));
      expect([...answersByChat(api).values()].map((a) => a.length)).toEqual([1, 1, 1, 1, 1]);
    } finally {
      small.bot.killAll();
      await api.stop();
    }
  });
});
