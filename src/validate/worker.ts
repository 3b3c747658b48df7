/**
 * A validation worker thread: validates the files it is given as the main
 * thread does its own share (`inThisThread`), and sends the results back.
 * Used by `validateMany`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Ratio } from '../derive/index.js';
import type { Diagnostic } from '../diagnostics.js';
import { inThisThread } from './many.js';

/** What the worker is given. */
export interface ValidateJob { paths: string[]; ratios: Ratio[] }

/** What it answers, one per path. */
export interface Validated { path: string; text: string; diagnostics: Diagnostic[] }

if (parentPort) {
  const { paths, ratios } = workerData as ValidateJob;
  parentPort.postMessage(await inThisThread(paths, ratios));
}
