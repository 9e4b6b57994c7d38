import { readdir } from 'node:fs/promises';
import type { Problem } from './problem.js';

/** A file name the bot reads as YAML: `.yaml` or `.yml`, in any case (`.YAML` too). */
export const YAML_FILE = /\.ya?ml$/i;

/** Editors' backup, swap and lock files: `when.yaml~`, `#when.yaml#`, `when.yaml.swp`, `when.yaml.bak`, `when.yaml.orig`. */
export const EDITOR_LEFTOVER = /(~|\.sw[a-p]|\.bak|\.orig|\.tmp)$|^#.*#$/i;

/** The name without its `.yaml`/`.yml` ending. */
export const stem = (name: string) => name.replace(YAML_FILE, '');

/**
 * Lists a folder's YAML files, and reports every other file, which the bot would otherwise ignore
 * without a word ("notes.txt is not read"). Hidden files (.gitkeep, `.#when.yaml` locks, vim swap files) and
 * `.md` notes are left alone; editors' backups (`when.yaml~`, `when.yaml.bak`) are skipped with a warning.
 * Subfolders other than `folders` are reported as warnings.
 */
export async function yamlFilesIn(dir: string, shownAs: string, folders: readonly string[] = []): Promise<{ names: string[]; problems: Problem[] } | undefined> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const names: string[] = [];
  const problems: Problem[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const { name } = entry;
    if (name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      if (!folders.includes(name)) {
        problems.push({ file: `${shownAs}/${name}/`, field: '', message: `folders inside ${shownAs}/ are not read. Move its .yaml files up into ${shownAs}/.`, severity: 'warning' });
      }
      continue;
    }
    if (EDITOR_LEFTOVER.test(name)) {
      // A copy an editor keeps beside the real file: skipped, with one line of notice. (Renaming it would overwrite the real file.)
      problems.push({ file: `${shownAs}/${name}`, field: '', message: `skipped: an editor's backup or lock file. The bot reads the real file beside it; you can delete this one.`, severity: 'warning' });
    } else if (YAML_FILE.test(name)) names.push(name);
    else if (!/\.md$/i.test(name)) {
      const base = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
      problems.push({
        file: `${shownAs}/${name}`,
        field: '',
        message: `${name} is not read: the bot reads only .yaml files. If it should be read, rename it to ${base.replace(YAML_FILE, '')}.yaml (and make sure it is saved as plain text, not a Word document); otherwise move it out of ${shownAs}/.`,
        severity: 'error',
      });
    }
  }
  return { names, problems };
}
