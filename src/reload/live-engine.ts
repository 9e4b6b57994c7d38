import { resolve } from 'node:path';
import type { Engine } from '../engine/engine.js';
import { loadAll, PROJECT_ROOT } from '../engine/load-engine.js';
import { putContactsInService } from '../reply/compose.js';
import { formatProblem, InvalidFilesError, type Problem } from '../files/problem.js';
import { filesVersion } from './version.js';

/** What is in service, for /status. */
export interface ServiceVersion {
  /** Short hash of every data and intent file. */
  hash: string;
  loadedAt: Date;
  operations: number;
  intents: number;
  examples: number;
  /** What the gate found but let through (questions that moved since the accepted run), for staff to read. */
  warnings: Problem[];
}

export interface ReloadFailure {
  at: Date;
  problems: Problem[];
}

export interface LiveEngineOptions {
  dataDir?: string;
  intentsDir?: string;
  /** How the folders are named in problems (see `fileSettings` in src/config.ts); `data` and `intents` unless given. */
  dataShownAs?: string;
  intentsShownAs?: string;
  /**
   * Checks a new version before it goes into service, as `npm run check` does (`checkEdit` in
   * src/evaluation/gate.ts): any error it returns refuses the edit, and the last good version stays;
   * warnings go into service with the edit, and /status shows them.
   */
  gate?: (engine: Engine) => Promise<Problem[]>;
  /** Told of every reload, good or bad. */
  onReload?: (result: { ok: true; version: ServiceVersion } | { ok: false; failure: ReloadFailure }) => void;
}

/**
 * The engine in service, swapped whole when the files change. A new version is loaded and
 * validated in full first; only then does `current` switch, in one assignment. Updates already
 * holding the old engine finish on it. If the new files are invalid, the old engine stays.
 */
export class LiveEngine {
  private engine: Engine;
  private served: ServiceVersion;
  private failure: ReloadFailure | undefined;
  private reloading: Promise<boolean> | undefined;
  private again = false;

  private constructor(
    engine: Engine,
    version: ServiceVersion,
    private readonly options: Required<Pick<LiveEngineOptions, 'dataDir' | 'intentsDir'>> & LiveEngineOptions,
  ) {
    this.engine = engine;
    this.served = version;
  }

  /** Loads the first version; throws {@link InvalidFilesError} if the files are invalid (nothing to fall back on yet). */
  static async start(options: LiveEngineOptions = {}): Promise<LiveEngine> {
    const full = { ...options, dataDir: options.dataDir ?? resolve(PROJECT_ROOT, 'data'), intentsDir: options.intentsDir ?? resolve(PROJECT_ROOT, 'intents') };
    // The first version is not gated: with nothing to fall back on, `npm run check` (and CI) stand guard instead.
    const loaded = await LiveEngine.load({ ...full, gate: undefined });
    if ('problems' in loaded) throw new InvalidFilesError(loaded.problems);
    return new LiveEngine(loaded.engine, loaded.version, full);
  }

  private static async load(o: { dataDir: string; intentsDir: string; dataShownAs?: string; intentsShownAs?: string; gate?: LiveEngineOptions['gate'] }): Promise<{ engine: Engine; version: ServiceVersion } | { problems: Problem[] }> {
    // Hash first: if a file changes while loading, the next reload picks it up.
    const hash = await filesVersion([o.dataDir, o.intentsDir], resolve(o.dataDir, '..'));
    const { engine, problems } = await loadAll({ dataDir: o.dataDir, intentsDir: o.intentsDir, dataShownAs: o.dataShownAs, intentsShownAs: o.intentsShownAs, putInService: false });
    if (!engine) return { problems: problems.filter((p) => p.severity === 'error') };
    const checked = (await o.gate?.(engine)) ?? [];
    const refused = checked.filter((p) => p.severity === 'error');
    if (refused.length > 0) return { problems: refused };
    putContactsInService(engine.knowledge.contacts);
    return {
      engine,
      version: {
        hash,
        loadedAt: new Date(),
        operations: engine.knowledge.operations.length,
        intents: engine.intents.length,
        examples: engine.intents.reduce((n, i) => n + i.examples.length, 0),
        warnings: [...problems.filter((p) => p.severity === 'warning'), ...checked],
      },
    };
  }

  /** The engine to answer with now. Take it once per update. */
  get current(): Engine {
    return this.engine;
  }

  get version(): ServiceVersion {
    return this.served;
  }

  /** The last reload that failed, if the files have not been fixed since. */
  get lastFailure(): ReloadFailure | undefined {
    return this.failure;
  }

  /**
   * Reloads from the files. Returns true if a new version went into service. Reloads never
   * overlap: one asked for during another runs straight after it.
   */
  async reload(): Promise<boolean> {
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      let swapped = false;
      do {
        this.again = false;
        swapped = (await this.reloadOnce()) || swapped;
      } while (this.again);
      return swapped;
    })();
    try {
      return await this.reloading;
    } finally {
      this.reloading = undefined;
    }
  }

  private async reloadOnce(): Promise<boolean> {
    const loaded = await LiveEngine.load(this.options).catch((error: unknown) => ({
      problems: [{ file: 'data/ and intents/', field: '', message: `could not be read: ${String(error)}`, severity: 'error' as const }],
    }));
    if ('problems' in loaded) {
      this.failure = { at: new Date(), problems: loaded.problems };
      this.options.onReload?.({ ok: false, failure: this.failure });
      return false;
    }
    this.engine = loaded.engine;
    this.served = loaded.version;
    this.failure = undefined;
    this.options.onReload?.({ ok: true, version: loaded.version });
    return true;
  }
}

/** One line per problem, for logs and /status. */
export function describeFailure(failure: ReloadFailure): string[] {
  return failure.problems.map(formatProblem);
}

/** How many problems a notice lists before pointing to `npm run check` for the rest. */
const LISTED = 10;

const listed = (lines: readonly string[]) => [...lines.slice(0, LISTED).map((l) => `• ${l}`), ...(lines.length > LISTED ? [`• … and ${lines.length - LISTED} more: run npm run check to see them all`] : [])];

/** A reload in plain words for staff: what went into service, or what was refused and why. */
export function reloadNotice(result: { ok: true; version: ServiceVersion } | { ok: false; failure: ReloadFailure }): string[] {
  if (!result.ok) {
    return ['Your edit was NOT put in service: the bot is still answering with the last good version. Why:', ...listed(describeFailure(result.failure))];
  }
  const { version } = result;
  const head = `Your edit is in service (version ${version.hash}).`;
  if (version.warnings.length === 0) return [head];
  return [`${head} Please read ${version.warnings.length === 1 ? 'this warning' : `these ${version.warnings.length} warnings`}:`, ...listed(version.warnings.map(formatProblem))];
}
