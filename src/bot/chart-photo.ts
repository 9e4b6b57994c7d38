import { InputFile } from 'grammy';
import { chartOf } from '../chart/spec.js';
import type { EngineReply } from '../engine/engine.js';
import type { BotDeps } from './context.js';

/** How a chart's picture is written in a reply queued in Redis: the PNG, in base64. */
const QUEUED = 'chart_png_base64';

/**
 * A chart's PNG to upload with sendPhoto. Unlike grammY's InputFile, it can wait in the Redis reply queue:
 * it is written there as base64 and made whole again by {@link revivedPayload} before it is sent.
 */
export class ChartFile extends InputFile {
  constructor(readonly png: Buffer) {
    super(png, 'chart.png');
  }

  override toJSON() {
    return { [QUEUED]: this.png.toString('base64') };
  }
}

/** A queued call's payload with any chart picture made an upload again. */
export function revivedPayload(payload: Record<string, unknown>): Record<string, unknown> {
  const photo = payload.photo as Record<string, unknown> | undefined;
  if (!photo || typeof photo !== 'object' || photo instanceof InputFile || typeof photo[QUEUED] !== 'string') return payload;
  return { ...payload, photo: new ChartFile(Buffer.from(photo[QUEUED], 'base64')) };
}

/** A reply's chart as a picture, or undefined: no chart for it, no charts set up, or drawing failed (the text still goes). */
export function chartPicture(deps: BotDeps, reply: EngineReply): { file: ChartFile; title: string } | undefined {
  if (!deps.charts) return undefined;
  try {
    const chart = chartOf(reply, deps.engine().knowledge);
    return chart && { file: new ChartFile(deps.charts.png(chart)), title: chart.title };
  } catch (error) {
    deps.logger.warn({ event: 'chart_failed', err: error }, 'could not draw a chart; sending the answer as text');
    return undefined;
  }
}
