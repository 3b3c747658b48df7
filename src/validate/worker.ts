/**
 * A validation worker thread: validates the files it is given, one after
 * the other, and sends back their diagnostics (and their text only when
 * there is something to show in it), in order. Used by `validateMany`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Ratio } from '../derive/index.js';
import type { Diagnostic } from '../diagnostics.js';
import { validateFile } from './index.js';

/** What the worker is given. */
export interface ValidateJob { paths: string[]; ratios: Ratio[] }

/** What it answers, one per path. */
export interface Validated { path: string; text: string; diagnostics: Diagnostic[] }

if (parentPort) {
  const { paths, ratios } = workerData as ValidateJob;
  const out: Validated[] = [];
  for (const path of paths) {
    const file = await validateFile(path, ratios);
    out.push({ path, text: file.diagnostics.length > 0 ? file.text : '', diagnostics: file.diagnostics });
  }
  parentPort.postMessage(out);
}
