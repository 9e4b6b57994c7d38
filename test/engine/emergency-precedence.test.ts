import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/load-engine.js';
import type { Engine } from '../../src/engine/engine.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';

// Emergencies used to be decided by trigger phrases and the classifier's ranking, so another intent with
// many examples in similar words could outrank the emergency intent. The emergency rule now decides first.
describe('emergency precedence', () => {
  let ws: Workspace;
  let engine: Engine;
  const message = 'my brother was stabbed outside the shop';
  beforeAll(async () => {
    ws = await copyWorkspace();
    // Swamp the classifier: 80 weapons examples worded like the emergency.
    const extra = Array.from({ length: 80 }, (_, i) => `  - how many were stabbed outside the shop in week ${i}`).join('\n');
    await ws.edit('intents/weapons.yaml', (t) => t.replace('examples:\n', `examples:\n${extra}\n`));
    engine = await loadEngine({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
  });
  afterAll(() => ws.remove());

  it('should answer with 999 first however many examples another intent has', () => {
    const reply = engine.answer(message);
    expect(reply.intent).toBe('emergency');
    expect(reply.danger).toBe(true);
    expect(reply.text.startsWith('Call 999 now')).toBe(true);
    expect(reply.frame).toMatchObject({ act: 'emergency', rule: 'danger:harm-now>emergency' });
  });
});
