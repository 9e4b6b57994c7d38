import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Update } from 'grammy/types';
import { hasFooter } from '../../src/reply/compose.js';
import { BotApiStub, type StubCall } from '../helpers/bot-api-stub.js';
import { copyWorkspace, logicFigure, type Workspace } from '../helpers/fixtures.js';
import { startProcess, type Started } from '../helpers/process.js';
import { BOT_INFO, textUpdate, TOKEN } from '../helpers/telegram.js';

// The bot as a user meets it (`npm start`, polling, the Bot API stand-in), on the frozen fixture figures and the
// project's language files: answers in the message's language, the "English" button, /language and /start.
type LangFile = { sentences: Record<string, string>; menu: { topics: Record<string, string>; commands: Record<string, string> } };
const langFile = (ws: Workspace, code: string) => parse(readFileSync(join(ws.dataDir, 'lang', `${code}.yaml`), 'utf8')) as LangFile;
const fixed = (sentence: string) => sentence.split(/\{[^{}]*\}/).map((p) => p.trim()).sort((a, b) => b.length - a.length)[0]!;
const buttons = (c: StubCall) => ((c.payload.reply_markup?.inline_keyboard ?? []) as { text: string; callback_data?: string }[][]).flat();

/** A press on a button under a message that quotes the user's question, as Telegram sends it. */
function pressUnder(data: string, userId: number, question?: { id: number; text: string }, languageCode?: string): Update {
  const chat = { id: userId, type: 'private' as const, first_name: 'Sam' };
  return {
    update_id: Math.floor(Math.random() * 1e9),
    callback_query: {
      id: `cb${userId}${data}`, from: { id: userId, is_bot: false, first_name: 'Sam', ...(languageCode && { language_code: languageCode }) }, chat_instance: 'ci', data,
      message: { message_id: 900, date: 0, chat, from: BOT_INFO, text: 'answer', ...(question && { reply_to_message: { message_id: question.id, date: 0, chat, text: question.text } }) },
    },
  } as unknown as Update;
}

describe('answers in the languages of data/lang, through the real bot', () => {
  let api: BotApiStub;
  let ws: Workspace;
  let bot: Started | undefined;

  beforeEach(async () => {
    api = new BotApiStub(TOKEN, BOT_INFO as unknown as Record<string, unknown>);
    ws = await copyWorkspace();
    bot = startProcess('npm', ['start'], { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: await api.start(), WEBHOOK_URL: '', WEBHOOK_SECRET: '', ADMIN_IDS: '', REDIS_URL: '', LOG_LEVEL: 'info', DATA_DIR: ws.dataDir });
    await bot.waitForOutput(/"mode":"polling"/);
  });
  afterEach(async () => {
    bot?.killAll();
    await api.stop();
    await ws.remove();
  });

  it('should answer Polish in Polish, quoting the question, and give the same answer in English from the button', async () => {
    const pl = langFile(ws, 'pl');
    const question = textUpdate('ile osób zatrzymano w Kent?', { userId: 601 });
    api.pushUpdate(question);
    const reply = await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 601);
    const kent = logicFigure('kent', 'arrests');
    expect(reply.payload.text).toContain(String(kent));
    expect(reply.payload.text).toContain(fixed(pl.sentences.footer_police!));
    expect(hasFooter(reply.payload.text)).toBe(true);
    expect(reply.payload.reply_parameters?.message_id).toBe(question.message!.message_id);
    expect(buttons(reply)).toEqual([{ text: 'English', callback_data: 'en:' }]);

    // The press carries the quoted question back: nothing was kept to answer it.
    api.pushUpdate(pressUnder('en:', 601, { id: question.message!.message_id, text: question.message!.text! }));
    const english = await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 601 && String(c.payload.text).includes(`In Kent, ${kent} people were arrested`));
    expect(hasFooter(english.payload.text)).toBe(true);
    expect(bot!.output()).not.toContain('ile osób');
  });

  it('should keep a language chosen with /language, offer the menu in it, and welcome in Telegram\'s language', async () => {
    const ro = langFile(ws, 'ro');
    const pt = langFile(ws, 'pt');
    expect(api.callsTo('setMyCommands').find((c) => c.payload.language_code === 'pl')?.payload.commands).toContainEqual({ command: 'language', description: langFile(ws, 'pl').menu.commands.language });

    api.pushUpdate(textUpdate('/language ro', { userId: 602 }));
    const chosen = await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 602);
    expect(chosen.payload.text).toContain(ro.sentences.language_chosen);
    // Written in English, answered in the language chosen.
    api.pushUpdate(textUpdate('how many arrests in essex', { userId: 602 }));
    const essex = await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 602 && c !== chosen);
    expect(essex.payload.text).toContain(String(logicFigure('essex', 'arrests')));
    expect(essex.payload.text).toContain(fixed(ro.sentences.footer_police!));

    const start = textUpdate('/start', { userId: 603 }) as Update & { message: { from: { language_code?: string } } };
    start.message.from.language_code = 'pt';
    api.pushUpdate(start);
    const welcome = await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 603);
    expect(welcome.payload.text).toContain(fixed(pt.sentences.footer_police!));
    expect(buttons(welcome).map((b) => b.text)).toContain(pt.menu.topics.how_to_report);
    // A topic button answers in the same language, with an "English" button that carries the topic.
    api.pushUpdate(pressUnder('t:how_to_report', 603, undefined, 'pt'));
    const topic = await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 603 && c !== welcome);
    expect(buttons(topic)).toEqual([{ text: 'English', callback_data: 'en:t:how_to_report' }]);
  });
});
