import { connect } from 'node:net';
import type { BotApiStub } from './bot-api-stub.js';
import { freePort, startProcess, type Started } from './process.js';
import { LOGIC_DATA } from './fixtures.js';
import { TOKEN } from './telegram.js';

export const WEBHOOK_SECRET = 'webhook-test-secret';

/** A bot process in webhook mode (`npm start`), against the Bot API stand-in at `apiRoot`. */
export interface WebhookBot {
  bot: Started;
  port: number;
  hook: string;
  /** Posts an update as Telegram does; resolves with the status and how long the answer took. */
  post(update: object): Promise<{ status: number; ms: number }>;
}

export async function startWebhookBot(apiRoot: string, env: Record<string, string> = {}): Promise<WebhookBot> {
  const port = await freePort();
  const hook = `http://127.0.0.1:${port}/hook`;
  const bot = startProcess('npm', ['start'], {
    BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, WEBHOOK_URL: hook, WEBHOOK_SECRET, HOST: '127.0.0.1', PORT: String(port),
    // The frozen copy of the week: what the tests expect stays true when staff correct data/.
    REDIS_URL: '', ADMIN_IDS: '', LOG_LEVEL: 'info', DATA_DIR: LOGIC_DATA, INTENTS_DIR: '', ...env,
  });
  await bot.waitForOutput(/"mode":"webhook"/, 60_000);
  return {
    bot,
    port,
    hook,
    async post(update) {
      const started = performance.now();
      const res = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET }, body: JSON.stringify(update) });
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - started };
    },
  };
}

/** Sends raw bytes over a new connection and resolves with the response's status (0 if the server closed it without one). */
export function rawRequest(port: number, bytes: string, options: { hangUpAfterMs?: number } = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(bytes);
      if (options.hangUpAfterMs !== undefined) setTimeout(() => socket.destroy(), options.hangUpAfterMs);
    });
    let response = '';
    socket.on('data', (d) => (response += String(d)));
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0)));
    socket.on('error', () => undefined);
  });
}

/** Messages each chat received, from the stand-in's successful sendMessage calls. */
export function answersByChat(api: BotApiStub): Map<number, string[]> {
  const byChat = new Map<number, string[]>();
  for (const c of api.delivered('sendMessage')) byChat.set(c.payload.chat_id, [...(byChat.get(c.payload.chat_id) ?? []), String(c.payload.text)]);
  return byChat;
}

/** Waits until `done()` holds, checking every 50 ms, or throws after `timeoutMs`. */
export async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
