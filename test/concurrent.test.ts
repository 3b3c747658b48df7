// Bounded concurrency: never more than the limit at once, results in input order.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mapLimit, workerModule } from '../src/concurrent.js';
import { ROOT } from './helpers.js';

describe('mapLimit', () => {
  it('runs at most `limit` at once and keeps the input order, whatever order they finish in', async () => {
    let running = 0;
    let most = 0;
    const delays = [30, 5, 20, 1, 15, 2, 25, 3];
    const out = await mapLimit(delays, 3, async (ms, i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return `${i}:${ms}`;
    });
    expect(most).toBe(3);
    expect(out).toEqual(delays.map((ms, i) => `${i}:${ms}`));
  });

  it('handles no items and a limit above their number', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
    expect(await mapLimit([1, 2], 10, async (x) => x * 2)).toEqual([2, 4]);
  });

  it('after a failure starts no new item, waits for those running, then throws the first failure', async () => {
    const started: number[] = [];
    let finished = 0;
    const run = mapLimit([0, 1, 2, 3, 4, 5], 2, async (i) => {
      started.push(i);
      await new Promise((r) => setTimeout(r, i === 1 ? 5 : 30));
      finished++;
      if (i === 1) throw new Error('boom 1');
      return i;
    });
    await expect(run).rejects.toThrow('boom 1');
    // 0 and 1 ran at once; 1 failed first, so nothing after 2 (taken when 1 ended) started, and all that started ended.
    expect(started).toEqual([0, 1]);
    expect(finished).toBe(started.length);
  });
});

describe('workerModule', () => {
  it('is the compiled module under lib/, which exists, whatever runs the caller', () => {
    const url = workerModule('export/pdf-worker.js');
    expect(url.href).toBe(pathToFileURL(join(ROOT, 'lib', 'export', 'pdf-worker.js')).href);
    expect(existsSync(url)).toBe(true);
    expect(existsSync(workerModule('validate/worker.js'))).toBe(true);
  });
});
