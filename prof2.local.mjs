import { loadEngine, PROJECT_ROOT } from './dist/engine/load-engine.js';
import { heldOutCases, readEvalSet } from './dist/evaluation/cases.js';
import { resolve } from 'node:path';
const engine = await loadEngine();
const questions = [...heldOutCases(engine.intents), ...(await readEvalSet(resolve(PROJECT_ROOT, 'test/eval/questions.yaml')))].map((c) => c.text);
const messages = Array.from({ length: 5000 }, (_, i) => `${questions[i % questions.length]}${i >= questions.length ? ` ${i}` : ''}`);
for (const m of messages.slice(0, 500)) engine.answer(m);
for (let r = 0; r < 12; r++) {
  const t = performance.now(); let context;
  for (const m of messages) context = engine.answer(m, context).context;
  console.log(((performance.now() - t) / messages.length).toFixed(4), 'ms');
}
