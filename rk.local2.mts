import { loadEngine } from './src/engine/load-engine.js';
import { createUnderstanding } from './src/nlu/understand.js';
const e = await loadEngine();
const u = createUnderstanding(e.knowledge, e.intents, { outOfScope: 'fallback' });
for (const t of process.argv.slice(2)) { const r = u(t); console.log(t, JSON.stringify(r.ranked.slice(0, 4)), 'cov', r.coverage, 'unknown', r.unknown, 'tokens', r.tokens); }
