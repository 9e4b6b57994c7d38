import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/engine/load-engine.js';

/** A complete data folder with invented figures: region arrests 144, Essex 44, Kent 30, phones 555, cash more than £120,000. */
export const EVAL_FIXTURE = resolve(PROJECT_ROOT, 'test/fixtures/eval-data');
