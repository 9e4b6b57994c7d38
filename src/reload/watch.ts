import { watch, type FSWatcher } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** How long the files must be quiet before a reload: editors save in bursts. */
export const DEFAULT_DEBOUNCE_MS = 400;

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

/**
 * Watches folders (and their sub-folders) for YAML changes and calls `onChange` once per burst.
 * Returns a function that stops watching.
 */
export function watchFolders(dirs: readonly string[], onChange: () => void, debounceMs = DEFAULT_DEBOUNCE_MS): () => void {
  const debounced = debounce(onChange, debounceMs);
  const watchers: FSWatcher[] = [];
  const folders = (dir: string): string[] => {
    try {
      return [dir, ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => folders(join(dir, e.name)))];
    } catch {
      return [];
    }
  };
  for (const dir of dirs.flatMap(folders)) {
    const watcher = watch(dir, (_event, name) => {
      // Editors' swap and backup files do not count; a rename to the real name does.
      if (!name || /\.ya?ml$/.test(name)) debounced.trigger();
    });
    watcher.on('error', () => undefined);
    watchers.push(watcher);
  }
  return () => {
    debounced.cancel();
    for (const w of watchers) w.close();
  };
}
