// The baseline for `npm run load`: the smallest grammY webhook bot, echoing every text with the
// footer, run the same way as ours (compiled JavaScript). Our throughput is reported as a ratio of this.
import { createServer } from 'node:http';
import { Bot, webhookCallback } from 'grammy';
import { currentFooter } from '../../dist/reply/compose.js';

const FOOTER = currentFooter().text;

const bot = new Bot(process.env.BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.on('message:text', (ctx) => ctx.reply(`${ctx.msg.text}\n\n${FOOTER}`));
await bot.init();
await bot.api.setWebhook(process.env.WEBHOOK_URL, { secret_token: process.env.WEBHOOK_SECRET });
const handle = webhookCallback(bot, 'http', { secretToken: process.env.WEBHOOK_SECRET });
const server = createServer((req, res) => (req.url === '/healthz' ? res.end('ok') : void handle(req, res)));
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(JSON.stringify({ event: 'started', mode: 'webhook', pid: process.pid })));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
