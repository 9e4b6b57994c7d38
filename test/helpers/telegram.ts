import { Writable } from 'node:stream';
import type { Update, UserFromGetMe } from 'grammy/types';
import { createBot } from '../../src/bot/create-bot.js';
import type { BotDeps } from '../../src/bot/context.js';
import { createLogger } from '../../src/bot/logger.js';
import { MemoryContextStore } from '../../src/engine/context-store.js';
import type { Engine } from '../../src/engine/engine.js';

export const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz012';
export const BOT_INFO: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: 'County Lines Info',
  username: 'county_lines_info_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export interface Call {
  method: string;
  payload: Record<string, any>;
}

/** A bot wired to fakes: every API call is captured and answered with a plausible result, no network. */
export function testBot(engine: Engine, overrides: Partial<BotDeps> = {}) {
  const calls: Call[] = [];
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('debug', TOKEN, sink);
  const deps: BotDeps = { engine: () => engine, contexts: new MemoryContextStore(), logger, adminIds: new Set([42]), ...overrides };
  const bot = createBot(TOKEN, deps, { botInfo: BOT_INFO, retry: false });
  let messageId = 1000;
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, any> });
    const p = payload as Record<string, any>;
    const result = method === 'sendMessage' || method === 'editMessageText'
      ? { message_id: ++messageId, date: 0, chat: { id: p.chat_id, type: 'private' }, text: p.text }
      : true;
    return { ok: true, result } as any;
  });
  return { bot, calls, logLines, deps, sent: () => calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.text as string) };
}

let nextUpdateId = 1;
const user = (id = 7) => ({ id, is_bot: false, first_name: 'Sam', last_name: 'Private', username: 'sam_private' });
const privateChat = (id = 7) => ({ id, type: 'private' as const, first_name: 'Sam' });
const groupChat = { id: -100200, type: 'supergroup' as const, title: 'Neighbourhood watch' };

function entitiesFor(text: string) {
  const entities: { type: string; offset: number; length: number }[] = [];
  const command = /^\/\w+(@\w+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/@\w+/g)) if (!(command && m.index === command[0].indexOf('@'))) entities.push({ type: 'mention', offset: m.index!, length: m[0].length });
  return entities.length > 0 ? { entities } : {};
}

/** A text message update, in a private chat unless `group` is set. */
export function textUpdate(text: string, opts: { userId?: number; group?: boolean; replyToBot?: boolean } = {}): Update {
  const chat = opts.group ? groupChat : privateChat(opts.userId);
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextUpdateId,
      date: 1_700_000_000,
      chat,
      from: user(opts.userId),
      text,
      ...entitiesFor(text),
      ...(opts.replyToBot ? { reply_to_message: { message_id: 1, date: 0, chat, from: BOT_INFO, text: 'earlier answer' } } : {}),
    },
  } as Update;
}

/** A message update carrying something other than text (sticker, photo, location…). */
export function mediaUpdate(content: Record<string, unknown>, opts: { group?: boolean } = {}): Update {
  return {
    update_id: nextUpdateId++,
    message: { message_id: nextUpdateId, date: 1_700_000_000, chat: opts.group ? groupChat : privateChat(), from: user(), ...content },
  } as Update;
}

export function callbackUpdate(data: string, userId = 7): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: `cb${nextUpdateId}`,
      from: user(userId),
      chat_instance: 'ci',
      data,
      message: { message_id: 5, date: 0, chat: privateChat(userId), from: BOT_INFO, text: 'menu' },
    },
  } as Update;
}

export function inlineUpdate(query: string): Update {
  return { update_id: nextUpdateId++, inline_query: { id: `iq${nextUpdateId}`, from: user(), query, offset: '' } } as Update;
}
