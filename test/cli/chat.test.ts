import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { TOPICS } from '../../src/engine/commands.js';
import { PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { copyWorkspace, LOGIC_DATA, logicFigure, realEngine, type Workspace } from '../helpers/fixtures.js';
import { languageMenu } from '../../src/engine/commands.js';
import { loadEngine } from '../../src/engine/load-engine.js';
import { testBot, textUpdate } from '../helpers/telegram.js';

const PROMPT = 'you> ';
/** The chat runs on the frozen fixture data (DATA_DIR), not on today's figures. */
const ESSEX_ARRESTS = logicFigure('essex', 'arrests');

/** The terminal chat (`npm run chat`) as a person uses it: a real process, typed lines, printed replies. */
class ChatProcess {
  private output = '';
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(dataDir = LOGIC_DATA) {
    this.child = spawn(resolve(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['src/cli/chat.ts'], { cwd: PROJECT_ROOT, detached: true, stdio: 'pipe', env: { ...process.env, DATA_DIR: dataDir } });
    this.child.stdout.on('data', (d) => (this.output += String(d)));
    this.child.stderr.on('data', (d) => (this.output += String(d)));
  }

  private prompts = () => this.output.split(PROMPT).length - 1;

  private async waitForPrompts(n: number): Promise<void> {
    while (this.prompts() < n) {
      if (this.child.exitCode !== null) throw new Error(`chat exited early:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Types a line and returns the bot's reply: its text as the user reads it, and the numbered choices under it. */
  async say(line: string): Promise<{ text: string; choices: string[] }> {
    await this.waitForPrompts(1);
    const before = this.prompts();
    this.child.stdin.write(`${line}\n`);
    await this.waitForPrompts(before + 1);
    const chunk = this.output.split(PROMPT)[before]!;
    const [reply = '', tries = ''] = chunk.replace(/^\nbot> /, '').split('\n\n  Try (type a number):\n');
    return {
      text: reply.replace(/\n {5}/g, '\n').trimEnd(),
      choices: tries.split('\n').flatMap((l) => /^ {4}\d+\. (.*)$/.exec(l)?.[1] ?? []),
    };
  }

  stop(): void {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

const unescape = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

let engine: Engine;
let chat: ChatProcess;
beforeAll(async () => {
  engine = await realEngine();
  chat = new ChatProcess();
});
afterAll(() => chat.stop());

/** What the Telegram bot sends for a message, as plain text. */
async function telegram(text: string): Promise<string> {
  const { bot, sent } = testBot(engine);
  await bot.handleUpdate(textUpdate(text));
  return unescape(sent()[0]!);
}

describe('npm run chat', () => {
  it.each(['/start', '/help', '/about', '/privacy', '/report'])('should answer %s as the Telegram bot does', async (command) => {
    const reply = await chat.say(command);
    expect(reply.text).toBe(await telegram(command));
  });

  it('should offer the /start topics, as Telegram shows them as buttons, and open one by its number', async () => {
    const start = await chat.say('/start');
    expect(start.choices).toEqual(TOPICS.map((t) => t.label));
    const picked = TOPICS.findIndex((t) => t.intent === 'how_to_report');
    const reply = await chat.say(String(picked + 1));
    expect(reply.text).toBe(engine.answerTopic('how_to_report').text);
  });

  it('should let a suggested question be picked by its number, keeping the conversation', async () => {
    const first = await chat.say('how many arrests in essex');
    expect(first.text).toContain(`In Essex, ${ESSEX_ARRESTS} people were arrested`);
    const n = first.choices.indexOf('Which county had the most arrests?');
    expect(n).toBeGreaterThanOrEqual(0);
    const picked = await chat.say(String(n + 1));
    expect(picked.text).toContain(`Essex had the most arrests: ${ESSEX_ARRESTS}`);
  });

  it('should treat a number with no choice behind it as a question', async () => {
    await chat.say('/help');
    const reply = await chat.say('99');
    expect(reply.text).toContain('101');
  });

  it('should open with the 999 line for danger, in English and then in the message\'s language', async () => {
    const english = await chat.say('theres a man with a knife outside my house right now');
    expect(english.text.startsWith('Call 999 now')).toBe(true);
    const other = await chat.say('hulpa messa bij deura');
    const [first, second] = other.text.split('\n');
    expect(first).toMatch(/^Call 999 now/);
    expect(second).toContain('Zork 999 nu');
  });
});

// The fixture figures with the project's language files, which answer in Polish, Romanian and the others.
describe('npm run chat, /language', () => {
  let ws: Workspace;
  let withLanguages: Engine;
  let languages: ChatProcess;
  beforeAll(async () => {
    ws = await copyWorkspace();
    withLanguages = await loadEngine({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
    languages = new ChatProcess(ws.dataDir);
  });
  afterAll(async () => {
    languages.stop();
    await ws.remove();
  });

  it('should offer the languages the bot answers in, as Telegram does, and choose one by its number', async () => {
    const menu = await languages.say('/language');
    const offered = languageMenu(withLanguages.knowledge.languages);
    expect(menu.text).toContain(offered.text);
    expect(menu.choices).toEqual(offered.choices.map((c) => c.label));
    const polish = offered.choices.findIndex((c) => c.code === 'pl');
    const chosen = await languages.say(String(polish + 1));
    expect(chosen.text.startsWith(withLanguages.knowledge.languages.get('pl')!.sentences.language_chosen!)).toBe(true);
    // Answered in Polish though asked in English, with no English questions to pick under it.
    const answer = await languages.say('how many arrests in essex');
    expect(answer.text).toContain(String(logicFigure('essex', 'arrests')));
    expect(answer.text).not.toContain('were arrested');
    expect(answer.choices).toEqual([]);
  });

  it('should welcome in English once English is chosen, whatever language the conversation was in', async () => {
    await languages.say('ile osób zatrzymano w kent?');
    const english = await languages.say('/language en');
    expect(english.text).toMatch(/^I will answer in English\.\n\nHello/);
  });
});
