import { resolve } from 'node:path';
import { loadEngine, PROJECT_ROOT } from '../../src/engine/load-engine.js';
import type { Engine } from '../../src/engine/engine.js';

/** Invented figures in two weeks (autumn 2021, spring 2022), with towns and places outside the region. */
export const FRAME_DATA = resolve(PROJECT_ROOT, 'test/fixtures/frame/data');

let shared: Promise<Engine> | undefined;
/** The engine on the fixture data and the project's intents, loaded once per test file. */
export function fixtureEngine(): Promise<Engine> {
  shared ??= loadEngine({ dataDir: FRAME_DATA });
  return shared;
}

/** 12:00 UTC on a date, for answers that depend on today ("last year"). */
export const on = (date: string) => Date.parse(`${date}T12:00:00Z`);

/** A reply's body without the contact footer. */
export const body = (text: string) => text.split('\n\nIf anyone is in immediate danger')[0]!;
