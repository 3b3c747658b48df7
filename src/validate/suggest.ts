/**
 * "Did you mean": the closest known word to a near miss, if it is close
 * enough to be the intended one.
 */
import { createRequire } from 'node:module';

// Loaded on the first near miss only: a valid file never needs it.
const require = createRequire(import.meta.url);
let distance: ((a: string, b: string) => number) | undefined;

/** The candidate nearest to `word`, or undefined when none is plausibly meant. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  distance ??= (require('fastest-levenshtein') as typeof import('fastest-levenshtein')).distance;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const allowed = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}
