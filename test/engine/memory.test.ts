import { describe, expect, it } from 'vitest';
import { contextAfter, recalled } from '../../src/engine/memory.js';

const byId = new Map([['arrests', { metric: 'arrests' }], ['what_is_county_lines', {}]]);

describe('what a conversation remembers', () => {
  it('should read a context kept before figures were remembered, which named only a topic', () => {
    expect(recalled({ intent: 'arrests', places: ['essex'], at: 0 }, byId)).toEqual({ metrics: ['arrests'], places: ['essex'], region: false, earlier: [] });
    expect(recalled({ intent: 'what_is_county_lines', at: 0 }, byId)).toBeUndefined();
    expect(recalled(undefined, byId)).toBeUndefined();
  });

  it('should keep the figures and places answered, and the home county, as keys', () => {
    const after = contextAfter(undefined, { metrics: ['arrests'], places: ['kent'], region: false, earlier: ['essex'] }, 'bedfordshire', 5, byId);
    expect(after).toEqual({ metrics: ['arrests'], places: ['kent'], region: false, earlier: ['essex'], home: 'bedfordshire', at: 5 });
  });

  it('should leave the context as it was when a message answers no figures and says no home', () => {
    const before = { metrics: ['arrests'], places: ['kent'], region: false, earlier: [], at: 1 };
    expect(contextAfter(before, undefined, undefined, 9, byId)).toBe(before);
    expect(contextAfter(before, undefined, 'essex', 9, byId)).toEqual({ ...before, home: 'essex', at: 9 });
  });

  it('should keep the topic answered in words, and forget it once a message answers figures alone', () => {
    const kent = { metrics: ['arrests'], places: ['kent'], region: false, earlier: [] };
    const told = contextAfter(undefined, undefined, undefined, 1, byId, 'awareness');
    expect(told).toEqual({ topic: 'awareness', at: 1 });
    expect(contextAfter(told, kent, undefined, 2, byId)).toEqual({ ...kent, at: 2 });
    expect(contextAfter(told, kent, undefined, 2, byId, 'awareness')).toEqual({ ...kent, topic: 'awareness', at: 2 });
    expect(contextAfter(told, undefined, 'essex', 3, byId)).toEqual({ topic: 'awareness', home: 'essex', at: 3 });
  });
});
