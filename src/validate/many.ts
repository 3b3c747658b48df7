/**
 * Validation of many files: in order, a few read ahead; a large batch is
 * shared with worker threads (one per extra core), each taking a contiguous
 * part, so that validating a whole repository uses every core.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { mapLimit, workerModule } from '../concurrent.js';
import { DEFAULT_RATIOS, type Ratio } from '../derive/index.js';
import { validateFile } from './index.js';
import type { Validated, ValidateJob } from './worker.js';

const WORKER = workerModule('validate/worker.js');

/** A thread is added for every this many files (fewer do not repay a worker's start). */
const PER_WORKER = 250;
/** Never more threads than this, whatever the machine says (containers report the host's cores). */
const MAX_THREADS = 8;
/** This thread's share of a batch, against a worker's 1. */
const MAIN_SHARE = 1.25;
/** Files being read at once in one thread. */
const READ_AHEAD = 8;

/**
 * Validates files in this thread (the main one or a worker), a few read
 * ahead, results in order; a file's text comes along only when it has
 * diagnostics to show in it (less to copy between threads).
 */
export async function inThisThread(paths: readonly string[], ratios: readonly Ratio[]): Promise<Validated[]> {
  return mapLimit(paths, READ_AHEAD, async (path) => {
    const file = await validateFile(path, ratios);
    return { path, text: file.diagnostics.length > 0 ? file.text : '', diagnostics: file.diagnostics };
  });
}

function inWorker(paths: string[], ratios: readonly Ratio[]): Promise<Validated[]> {
  // Loaded for large batches only: the usual few files start quicker without it.
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { paths, ratios: [...ratios] } satisfies ValidateJob });
    worker.once('message', (results: Validated[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`validation worker stopped (${code})`)));
  });
}

/**
 * Validates files, results in the order given, with `threads` threads (this
 * one and workers; by default one per core, as the batch's size allows).
 * Validation never throws; a worker that fails is a bug, and says so.
 */
export async function validateMany(
  paths: readonly string[], ratios: readonly Ratio[] = DEFAULT_RATIOS, threads = Math.min(MAX_THREADS, availableParallelism(), Math.floor(paths.length / PER_WORKER)),
): Promise<Validated[]> {
  if (threads < 2) return inThisThread(paths, ratios);
  // This thread has its validator loaded already; a worker must load it first (about 0.2 s here): give it less.
  const mineSize = Math.round((paths.length * MAIN_SHARE) / (MAIN_SHARE + threads - 1));
  const size = Math.ceil((paths.length - mineSize) / (threads - 1));
  const mine = paths.slice(0, mineSize);
  const theirs = Array.from({ length: threads - 1 }, (_, i) => paths.slice(mineSize + i * size, mineSize + (i + 1) * size));
  const done = await Promise.all([
    inThisThread(mine!, ratios),
    ...theirs.map((part) => inWorker(part, ratios)),
  ]);
  return done.flat();
}
