import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder, found from this file so commands work from any working directory. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
