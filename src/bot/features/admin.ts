import { Composer } from 'grammy';
import { composeReply } from '../../reply/compose.js';
import { formatReport } from '../../insight/report.js';
import { reloadNotice } from '../../reload/live-engine.js';
import type { BotContext, BotDeps } from '../context.js';
import { sendText } from '../send.js';

function uptime(since: Date): string {
  const s = Math.floor((Date.now() - since.getTime()) / 1000);
  const [d, h, m] = [Math.floor(s / 86400), Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60)];
  return `${d > 0 ? `${d}d ` : ''}${h}h ${m}m ${s % 60}s`;
}

/** The status report for staff: version in service, last reload error, uptime. */
export function statusText(deps: BotDeps): string {
  const live = deps.live!;
  const v = live.version;
  const lines = [
    `Version in service: ${v.hash}`,
    `Loaded: ${v.loadedAt.toISOString()}`,
    `Operations: ${v.operations}, intents: ${v.intents}, examples: ${v.examples}`,
    `Uptime: ${uptime(deps.startedAt ?? v.loadedAt)}`,
  ];
  const failure = live.lastFailure;
  if (failure) lines.push('', `Last reload at ${failure.at.toISOString()}:`, ...reloadNotice({ ok: false, failure }));
  else lines.push('', 'Last reload: OK', ...reloadNotice({ ok: true, version: v }).slice(1));
  return lines.join('\n');
}

/**
 * Staff-only /status, /reload and /insight, for users in ADMIN_IDS in a private chat. Anyone else gets the normal
 * public behaviour: the update falls through to the public help, with no hint these commands exist.
 */
export function admin(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const staff = composer.filter((ctx) => ctx.chat?.type === 'private' && ctx.from !== undefined && deps.adminIds.has(ctx.from.id));
  if (deps.insight) {
    const insight = deps.insight;
    staff.command('insight', async (ctx) => {
      ctx.handled.intent = 'admin-insight';
      await sendText(ctx, composeReply(formatReport(await insight.report(), deps.engine().knowledge)));
    });
  }
  if (!deps.live) return composer;
  staff.command('status', async (ctx) => {
    ctx.handled.intent = 'admin-status';
    await sendText(ctx, composeReply(statusText(deps)));
  });
  staff.command('reload', async (ctx) => {
    ctx.handled.intent = 'admin-reload';
    const swapped = await deps.live!.reload();
    const head = swapped ? 'Reloaded.' : 'Reload failed: the files have errors, so the previous version stays in service.';
    await sendText(ctx, composeReply(`${head}\n\n${statusText(deps)}`));
  });
  return composer;
}
