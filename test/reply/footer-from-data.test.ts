import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { BUILT_IN_CONTACTS, composeNotice, composeReply, currentFooter, footerFrom, hasFooter } from '../../src/reply/compose.js';
import { liveWorkspace, type Workspace } from '../helpers/fixtures.js';

describe('the footer', () => {
  let ws: Workspace | undefined;
  afterEach(() => ws?.remove());

  // Runs first in this file, before anything has loaded: an error at start-up still gets the numbers.
  it('should carry 999, 101 and 0800 555 111 before any data has loaded', () => {
    const reply = composeReply('Sorry, something went wrong.');
    for (const n of ['999', '101', '0800 555 111']) expect(reply).toContain(n);
    expect(composeNotice('Slow down.')).toContain('0800 555 111');
  });

  it('should keep the built-in footer in step with data/contacts.yaml', async () => {
    const { knowledge } = await loadKnowledge(resolve(PROJECT_ROOT, 'data'));
    expect(footerFrom(BUILT_IN_CONTACTS)).toEqual(footerFrom(knowledge!.contacts));
    expect(await readFile(resolve(PROJECT_ROOT, 'data/contacts.yaml'), 'utf8')).toContain('number: 0800 555 111');
  });

  it('should be built from the contacts loaded, and keep the last good one when an edit breaks the file', async () => {
    let live;
    ({ ws, live } = await liveWorkspace());
    await ws.edit('data/contacts.yaml', (t) => t.replace('name: Crimestoppers', 'name: Crimestoppers UK'));
    expect(await live.reload()).toBe(true);
    expect(live.current.answer('hello').text).toContain('Crimestoppers UK, anonymously: 0800 555 111.');
    expect(composeReply('Sorry, something went wrong.')).toContain('Crimestoppers UK, anonymously: 0800 555 111.');

    await ws.edit('data/contacts.yaml', (t) => t.replace(/^crimestoppers:\n(?: {2}.*\n|\n)*/m, ''));
    expect(await live.reload()).toBe(false);
    expect(currentFooter().text).toContain('Crimestoppers UK, anonymously: 0800 555 111.');
    expect(hasFooter(composeReply('still here'))).toBe(true);
  });
});
