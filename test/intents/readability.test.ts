import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAll } from '../../src/engine/load-engine.js';
import { formatProblem } from '../../src/files/problem.js';
import { asProse, READING_GRADE_LIMIT, templateGrade } from '../../src/intents/readability.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';

const HARD = 'Notwithstanding considerable organisational complexities, multi-agency safeguarding partnerships systematically coordinated comprehensive interventions.';

describe('readability', () => {
  it('should read a template as prose: fields as short words, bullet lines as sentences', () => {
    expect(asProse('In {county}, {arrests} people.\n• first line\n• {field} second')).toBe('In it, it people. First line. It second.');
  });

  it('should score plain words low and heavy words high', () => {
    expect(templateGrade('You are not in trouble. Call us any time.')).toBeLessThanOrEqual(READING_GRADE_LIMIT);
    expect(templateGrade(HARD)).toBeGreaterThan(READING_GRADE_LIMIT);
  });

  it('should find every answer template and guidance item at reading age 9 or below, or with a reason beside it', async () => {
    const { problems } = await checkAll();
    expect(problems.filter((p) => p.message.includes('reading age')).map(formatProblem)).toEqual([]);
  });

  describe('npm run check', () => {
    let ws: Workspace;
    beforeEach(async () => (ws = await copyWorkspace()));
    afterEach(() => ws.remove());

    it('should warn on a hard template, naming the file and field', async () => {
      await ws.edit('intents/thanks.yaml', (t) => t.replace(/  text: .*/, `  text: "${HARD}"`));
      const { problems } = await checkAll({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
      const warning = problems.find((p) => p.file === 'intents/thanks.yaml' && p.field === 'answer.text');
      expect(warning, problems.map(formatProblem).join('\n')).toBeDefined();
      expect(warning!.severity).toBe('warning');
      expect(warning!.message).toMatch(/reading age/);
    });

    it('should accept a written reason beside the template instead', async () => {
      await ws.edit('intents/thanks.yaml', (t) => t.replace(/  text: .*/, `  text: "${HARD}"`).replace('follow_up:', 'readability:\n  text: quotes a document word for word\nfollow_up:'));
      const { problems } = await checkAll({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
      expect(problems.filter((p) => p.file === 'intents/thanks.yaml').map(formatProblem)).toEqual([]);
    });

    it('should warn on hard guidance text, naming the item', async () => {
      await ws.edit('data/guidance.yaml', (t) => t.replace(/(childline_what:\n  about: .*\n  text: ).*/, `$1${HARD}`));
      const { problems } = await checkAll({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
      expect(problems.find((p) => p.file === 'data/guidance.yaml' && p.field === 'childline_what.text')?.severity).toBe('warning');
    });
  });
});
