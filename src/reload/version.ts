import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { YAML_FILE } from '../files/folder.js';

/** Every YAML file under the given folders, sorted, so the same files always hash the same. */
async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : Promise.resolve(YAML_FILE.test(e.name) ? [join(dir, e.name)] : []))),
  );
  return nested.flat().sort();
}

/** A short hash of the contents of every data and intent file: the version in service. */
export async function filesVersion(dirs: readonly string[], root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    for (const file of await yamlFiles(dir)) {
      hash.update(relative(root, file)).update('\0');
      hash.update(await readFile(file).catch(() => Buffer.alloc(0))).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 10);
}
