/** Concurrency for batches: a few items in flight, results in input order; worker modules. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageFile } from './paths.js';

/**
 * Runs `fn` on every item, at most `limit` at a time; the results keep the
 * items' order. When one call fails, no further item is started, the calls
 * already running are waited for, and the first failure is thrown.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (next < items.length && !failure) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failure) throw failure.error;
  return results;
}

/**
 * The URL of a worker module, from its path under src/ (`export/pdf-worker.js`):
 * always the compiled one under lib/, whether the caller runs from the
 * sources (a thread cannot run TypeScript) or from the bundle.
 */
export function workerModule(path: string): URL {
  return pathToFileURL(packageFile(join('lib', path)));
}
