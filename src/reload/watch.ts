import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { filesVersion } from './version.js';

/** How long the files must be quiet before a reload: editors save in bursts. */
export const DEFAULT_DEBOUNCE_MS = 400;
/** How often the files are checked when the system cannot notify changes. */
export const POLL_INTERVAL_MS = 2000;

/** Calls `fn` once, `ms` after the last of a burst of calls. */
export function debounce(fn: () => void, ms: number): { trigger(): void; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  return {
    trigger() {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}

function folders(dir: string): string[] {
  try {
    return [dir, ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => folders(join(dir, e.name)))];
  } catch {
    return [];
  }
}

/**
 * Watches folders (and their sub-folders) for YAML changes and calls `onChange` once per burst.
 * Where the system will not watch (out of inotify instances, some network file systems), it checks
 * the files' contents every two seconds instead. Returns a function that stops watching.
 */
export function watchFolders(
  dirs: readonly string[],
  onChange: () => void,
  debounceMs = DEFAULT_DEBOUNCE_MS,
  onFallback?: (error: unknown) => void,
): () => void {
  const debounced = debounce(onChange, debounceMs);
  const watchers: FSWatcher[] = [];
  try {
    for (const dir of dirs.flatMap(folders)) {
      const watcher = watch(dir, (_event, name) => {
        // Editors' swap and backup files do not count; a rename to the real name does.
        if (!name || /\.ya?ml$/.test(name)) debounced.trigger();
      });
      watcher.on('error', () => undefined);
      watchers.push(watcher);
    }
  } catch (error) {
    for (const w of watchers) w.close();
    watchers.length = 0;
    onFallback?.(error);
    return pollFolders(dirs, () => debounced.trigger(), debounced.cancel);
  }
  return () => {
    debounced.cancel();
    for (const w of watchers) w.close();
  };
}

/** Checks a hash of the folders' YAML files on an interval and reports a change. */
export function pollFolders(dirs: readonly string[], onChange: () => void, cancel: () => void): () => void {
  let last: string | undefined;
  let busy = false;
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      const now = await filesVersion(dirs, '/');
      if (last !== undefined && now !== last) onChange();
      last = now;
    } finally {
      busy = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), POLL_INTERVAL_MS);
  timer.unref();
  return () => {
    cancel();
    clearInterval(timer);
  };
}
