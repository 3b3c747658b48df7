// Bounded concurrency: never more than the limit at once, results in input order.
import { describe, expect, it } from 'vitest';
import { mapLimit } from '../src/concurrent.js';

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
});
