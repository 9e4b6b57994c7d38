import { beforeAll, describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../src/nlu/understand.js';
import { fixtureEngine } from '../frame/fixture.js';

// How much of a message is on the bot's subject, on invented topics and the fixture data's words.

let understand: ReturnType<typeof createUnderstanding>;
beforeAll(async () => {
  const { knowledge } = await fixtureEngine();
  understand = createUnderstanding(
    knowledge,
    [
      { id: 'outreach', examples: ['who did the awareness work reach', 'awareness sessions for taxi firms', 'were letters sent to schools', 'who got awareness training'] },
      { id: 'arrests', examples: ['how many arrests', 'how many people were arrested', 'arrests by county'] },
      { id: 'fallback', examples: ['what time is the match', 'is the bus late', 'best pizza near me'] },
    ],
    { outOfScope: 'fallback' },
  );
});

describe('coverage: how much of a message is on the subject', () => {
  it('should count a misspelling one slip from a word of the subject as that word', () => {
    // "awarness" is one letter short of "awareness"; "wiv" is a word never seen, half against.
    expect(understand('awarness wiv').coverage).toBeCloseTo(1 / 1.5);
  });

  it('should count nothing for a correction further off, which is as often an everyday word misread', () => {
    // "lottery" is two slips from "letters": neither for nor against; "numbers", never seen, half against.
    const u = understand('lottery numbers');
    expect(u.tokens).toContain('letters');
    expect(u.coverage).toBe(0);
  });
});
