import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { PROJECT_ROOT } from './files/project-root.js';

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());

/** The folders staff edit. Every tool (the bot, check, ask, eval, chat, bench) reads them from here. */
const filesShape = {
  DATA_DIR: optionalText,
  INTENTS_DIR: optionalText,
};

/** The environment, as documented in .env.example and the README. Names are relied on by other tools: keep them. */
const envSchema = z
  .object({
    ...filesShape,
    BOT_TOKEN: optionalText.pipe(
      z.string().regex(/^\d+:[\w-]{30,}$/, 'does not look like a bot token (digits, a colon, then about 35 letters); copy it again from @BotFather').optional(),
    ),
    TELEGRAM_API_ROOT: optionalText.pipe(z.url({ error: 'should be a URL such as http://127.0.0.1:8081' }).optional()),
    WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'should be the public https URL Telegram will post updates to' }).optional()),
    WEBHOOK_SECRET: optionalText.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'should be 1 to 256 characters of letters, digits, _ and -').optional(),
    ),
    HOST: optionalText.default('0.0.0.0'),
    PORT: optionalText.default('8080').transform(Number).pipe(z.number({ error: 'should be a port number' }).int('should be a whole number').min(0).max(65535, 'should be a port number from 0 to 65535')),
    ADMIN_IDS: optionalText.default('').transform((s, ctx) => {
      const ids = s.split(',').map((x) => x.trim()).filter(Boolean);
      const bad = ids.filter((x) => !/^\d+$/.test(x));
      if (bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `should be comma-separated numeric Telegram user ids; "${bad[0]}" is not one` });
        return z.NEVER;
      }
      return new Set(ids.map(Number));
    }),
    REDIS_URL: optionalText.pipe(z.url({ protocol: /^rediss?$/, error: 'should be a URL such as redis://127.0.0.1:6379' }).optional()),
    UPDATE_QUEUE_LIMIT: optionalText.default('1000').transform(Number).pipe(z.number({ error: 'should be a number' }).int('should be a whole number').min(1, 'should be at least 1')),
    SHUTDOWN_DRAIN_SECONDS: optionalText.default('10').transform(Number).pipe(z.number({ error: 'should be a number of seconds' }).min(0, 'should be 0 or more').max(300, 'should be at most 300')),
    // The insight for staff (src/insight/). /privacy promises no text is kept unless at least five chats asked the same, and
    // nothing for more than 30 days: these bounds keep that promise true whatever is set.
    INSIGHT_MIN_CHATS: optionalText.default('5').transform(Number).pipe(z.number({ error: 'should be a number of chats' }).int('should be a whole number').min(5, 'should be at least 5: /privacy (intents/privacy.yaml) promises no question is kept unless at least five chats asked it').max(1000, 'should be at most 1000')),
    INSIGHT_KEEP_DAYS: optionalText.default('30').transform(Number).pipe(z.number({ error: 'should be a number of days' }).int('should be a whole number').min(1, 'should be at least 1').max(30, 'should be at most 30: /privacy (intents/privacy.yaml) promises counts are dropped after 30 days')),
    INSIGHT_KEY_DAYS: optionalText.default('30').transform(Number).pipe(z.number({ error: 'should be a number of days' }).int('should be a whole number').min(1, 'should be at least 1').max(30, 'should be at most 30: /privacy (intents/privacy.yaml) promises unanswered questions are dropped after 30 days')),
    LOG_LEVEL: optionalText.default('info').pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'should be one of fatal, error, warn, info, debug, trace, silent' })),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required when WEBHOOK_URL is set, so that only Telegram can post updates' });
    }
  });

export type Config = z.infer<typeof envSchema>;

/** The insight's settings from the environment. */
export function insightSettings(config: Pick<Config, 'INSIGHT_MIN_CHATS' | 'INSIGHT_KEEP_DAYS' | 'INSIGHT_KEY_DAYS'>): { minChats: number; keepDays: number; keyDays: number } {
  return { minChats: config.INSIGHT_MIN_CHATS, keepDays: config.INSIGHT_KEEP_DAYS, keyDays: config.INSIGHT_KEY_DAYS };
}

/** Thrown when the environment is wrong; the message names each variable and what to do. */
export class ConfigError extends Error {
  constructor(readonly issues: string[], options?: ErrorOptions) {
    super(`Invalid config:\n${issues.map((i) => `  ${i}`).join('\n')}`, options);
    this.name = 'ConfigError';
  }
}

function parse<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    { cause: result.error },
  );
}

/** The `.env` file every tool reads: the one in the project folder. */
export const ENV_FILE = resolve(PROJECT_ROOT, '.env');

/**
 * The environment as every tool sees it: the variables set in the shell, over those in `.env`
 * (a variable set in the shell wins). A missing `.env` is fine; one that cannot be read is an error.
 */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env, envFile = ENV_FILE): NodeJS.ProcessEnv {
  if (!existsSync(envFile)) return env;
  let fromFile: NodeJS.Dict<string>;
  try {
    fromFile = parseEnv(readFileSync(envFile, 'utf8'));
  } catch (error) {
    throw new ConfigError([`${envFile}: cannot be read (${String(error)})`], { cause: error });
  }
  return { ...fromFile, ...env };
}

/** Parses the environment (with `.env`) once; a bad value names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = readEnvironment()): Config {
  return parse(envSchema, env);
}

/** Where the data and intent files are read from, and how to name them in messages. */
export interface FileSettings {
  dataDir: string;
  intentsDir: string;
  dataShownAs: string;
  intentsShownAs: string;
}

/**
 * The folders from DATA_DIR and INTENTS_DIR (relative to the working directory), or data/ and intents/
 * in the project. The tools that only read files (check, ask, eval, chat, bench) need nothing else,
 * so a bot setting such as BOT_TOKEN cannot stop them.
 */
export function fileSettings(config: Pick<Config, 'DATA_DIR' | 'INTENTS_DIR'> = parse(z.object(filesShape), readEnvironment())): FileSettings {
  const folder = (value: string | undefined, name: string) => {
    const dir = resolve(value ?? resolve(PROJECT_ROOT, name));
    const inProject = relative(PROJECT_ROOT, dir);
    return { dir, shownAs: inProject && !inProject.startsWith('..') && !isAbsolute(inProject) ? inProject : dir };
  };
  const data = folder(config.DATA_DIR, 'data');
  const intents = folder(config.INTENTS_DIR, 'intents');
  return { dataDir: data.dir, intentsDir: intents.dir, dataShownAs: data.shownAs, intentsShownAs: intents.shownAs };
}
