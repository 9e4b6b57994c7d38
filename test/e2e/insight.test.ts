import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { hasFooter } from '../../src/reply/compose.js';
import { BotApiStub } from '../helpers/bot-api-stub.js';
import { LOGIC_DATA } from '../helpers/fixtures.js';
import { startProcess, type Started } from '../helpers/process.js';
import { redisUnavailable, TestRedis } from '../helpers/redis.js';
import { BOT_INFO, textUpdate, TOKEN } from '../helpers/telegram.js';

const skip = redisUnavailable();
const STAFF = 900;
const DAYS_30 = 30 * 86_400;

// Six people ask the same thing the bot can't answer, each giving a name, a phone number and an address.
const PEOPLE = [
  ['Dave', 'Okafor', '07700 900111', '12 Acacia Avenue'],
  ['Priya', 'Ramanathan', '07700 900222', '3 Larkspur Close'],
  ['Tomasz', 'Wojcik', '+44 7700 900333', '41 Fennel Road'],
  ['Ana', 'Ionescu', '07700-900-444', '7 Willow Way'],
  ['Lina', 'Kazlauskas', '(07700) 900555', '19 Millbrook Lane'],
  ['Joao', 'Ferreira', '07700 900666', '88 Quarry Hill'],
] as const;
const pothole = ([first, last, phone, street]: readonly string[]) =>
  `can the council fix the potholes on my road? I am ${first} ${last}, I live at ${street}, my number is ${phone}`;
// Two people ask something else: below k, so no word of it may be kept.
const pool = (first: string) => `is the swimming pool open on boxing day, my name is ${first}`;

describe.skipIf(skip)('the insight for staff, through the real bot and Redis', () => {
  let redis: TestRedis;
  let api: BotApiStub;
  let bot: Started;
  let client: Redis;

  beforeAll(async () => {
    redis = await TestRedis.start();
    client = new Redis(redis.url);
    api = new BotApiStub(TOKEN, BOT_INFO as unknown as Record<string, unknown>);
    const apiRoot = await api.start();
    bot = startProcess('npm', ['start'], {
      BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, WEBHOOK_URL: '', WEBHOOK_SECRET: '', REDIS_URL: redis.url,
      ADMIN_IDS: String(STAFF), LOG_LEVEL: 'info', DATA_DIR: LOGIC_DATA, INTENTS_DIR: '', INSIGHT_MIN_CHATS: '5',
    });
    await bot.waitForOutput(/"mode":"polling"/);
  });
  afterAll(async () => {
    bot?.killAll();
    await api?.stop();
    client?.disconnect();
    await redis?.stop();
  });

  const repliesTo = (chat: number) => api.callsTo('sendMessage').filter((c) => c.payload.chat_id === chat).map((c) => String(c.payload.text));
  const ask = async (chat: number, text: string) => {
    const before = repliesTo(chat).length;
    api.pushUpdate(textUpdate(text, { userId: chat }));
    await api.waitFor(() => repliesTo(chat).length > before);
    return repliesTo(chat).at(-1)!;
  };
  /** Every key and value the bot wrote to Redis, as one text. */
  const redisDump = async () => {
    const out: string[] = [];
    for (const key of await client.keys('*')) {
      const type = await client.type(key);
      const value = type === 'hash' ? await client.hgetall(key) : type === 'set' ? await client.smembers(key) : type === 'string' ? await client.get(key) : type;
      out.push(key, JSON.stringify(value));
    }
    return out.join('\n');
  };

  it('should show a question six chats asked, with placeholders, and not one two chats asked', async () => {
    for (const [i, person] of PEOPLE.entries()) expect(await ask(801 + i, pothole(person))).toContain("I can only help with");
    await ask(811, pool('Bartholomew'));
    await ask(812, pool('Gwendolyn'));
    await ask(820, 'how many arrests in suffolk');
    // Counting runs beside the reply: wait until Redis has the sixth chat.
    for (let i = 0; i < 100 && !(await redisDump()).includes('"outcome:not_published":"1"'); i++) await new Promise((r) => setTimeout(r, 50));

    const report = await ask(STAFF, '/insight');
    expect(report).toContain('"can the council fix the potholes on my road i am {name} i live at {number} {name} my number is {phone}": 6 chats');
    expect(report).not.toMatch(/swimming|pool/);
    expect(report).toContain('arrests, Suffolk: 1');
    expect(report).toMatch(/not understood \(the fallback\): 8/);
    expect(hasFooter(report)).toBe(true);

    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'insight', '--', '--json'], { cwd: PROJECT_ROOT, env: { ...process.env, REDIS_URL: redis.url, DATA_DIR: LOGIC_DATA } });
    expect(JSON.parse(stdout).unanswered).toEqual([{ text: 'can the council fix the potholes on my road i am {name} i live at {number} {name} my number is {phone}', chats: 6 }]);
  });

  it('should give anyone not on staff the public help for /insight', async () => {
    const help = await ask(951, '/help');
    expect(await ask(950, '/insight')).toBe(help);
  });

  it('should keep no name, number, address or text below k in Redis or the logs, and nothing past 30 days', async () => {
    const dump = await redisDump();
    const secrets = [...PEOPLE.flat(), ...PEOPLE.map((p) => p[2].replace(/\D/g, '').slice(-6)), 'Bartholomew', 'Gwendolyn', 'swimming', 'boxing', 'Sam', 'sam_private'];
    for (const secret of secrets) {
      expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
      expect(bot.output().toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(bot.output()).not.toContain('potholes');
    for (const key of await client.keys('clbot:insight:*')) {
      const ttl = await client.ttl(key);
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(DAYS_30 + 86_400);
    }
  });
});
