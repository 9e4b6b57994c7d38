import type { Logger } from './logger.js';

type Level = 'error' | 'warn' | 'info';

/**
 * Logs at most one line per kind per window (a minute by default). Requests anyone can send (a wrong
 * secret) and failures that repeat by the thousand (a 429 storm) would otherwise flood the log. Each
 * line says how many of its kind were left out since the last one.
 */
export class LogThrottle {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly logger: Logger,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Logs `fields` (with `event`) at `level`, unless a line of the same `kind` went out within the window. */
  log(level: Level, kind: string, fields: Record<string, unknown> & { event: string }, message: string): void {
    const now = this.now();
    const seen = this.last.get(kind);
    if (seen && now - seen.at < this.windowMs) {
      seen.suppressed += 1;
      return;
    }
    if (this.last.size > 1000) this.last.clear();
    this.last.set(kind, { at: now, suppressed: 0 });
    this.logger[level](seen?.suppressed ? { ...fields, suppressed: seen.suppressed } : fields, message);
  }
}
