import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, pollFolders, watchFolders } from '../../src/reload/watch.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';

describe('debounce', () => {
  afterEach(() => vi.useRealTimers());

  it('should turn a burst of saves into one call after the quiet period', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 400);
    for (let i = 0; i < 5; i++) {
      d.trigger();
      vi.advanceTimersByTime(100);
    }
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('watchFolders', () => {
  let ws: Workspace;
  let stop: (() => void) | undefined;
  beforeEach(async () => (ws = await copyWorkspace()));
  afterEach(async () => {
    stop?.();
    await ws.remove();
  });

  it('should report a burst of real file writes once', async () => {
    const onChange = vi.fn();
    stop = watchFolders([ws.dataDir, ws.intentsDir], onChange, 300);
    for (let i = 0; i < 5; i++) {
      await writeFile(join(ws.intentsDir, 'thanks.yaml'), `# save ${i}\n` + 'id: thanks\n');
      await new Promise((r) => setTimeout(r, 30));
    }
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled(), { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('should see changes in sub-folders (a new operation file)', async () => {
    const onChange = vi.fn();
    stop = watchFolders([ws.dataDir], onChange, 100);
    await writeFile(join(ws.dataDir, 'operations', 'new.yaml'), 'id: x\n');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 3000 });
  });
});

describe('pollFolders (when the system cannot watch files)', () => {
  let ws: Workspace;
  beforeEach(async () => (ws = await copyWorkspace()));
  afterEach(() => ws.remove());

  it('should notice a changed file by its contents', async () => {
    const onChange = vi.fn();
    const stop = pollFolders([ws.dataDir, ws.intentsDir], onChange, () => undefined);
    try {
      await new Promise((r) => setTimeout(r, 300)); // the first look
      await writeFile(join(ws.intentsDir, 'thanks.yaml'), 'id: thanks\n');
      await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 5000 });
    } finally {
      stop();
    }
  });
});
