/**
 * A PDF worker thread: compiles the jobs the pool sends, one at a time, with
 * its own Typst compiler. Errors travel back as data (their kind, message and
 * line), since class instances do not cross threads.
 */
import { parentPort } from 'node:worker_threads';
import { compilePdf, startCompiler, type PdfJob } from './pdf-compile.js';
import { TypstError } from './pdf-error.js';
import { TypstUnavailable } from './typst-binding.js';

/** A job as the pool sends it. */
export interface WorkerRequest { id: number; job: PdfJob }

/** Why a job failed, as data. */
export type WorkerFailure =
  | { kind: 'typst'; message: string; line?: number }
  | { kind: 'unavailable'; platform: string }
  | { kind: 'other'; message: string };

/** What the worker answers: first `ready` (its compiler started, or could not), then one reply per job. */
export type WorkerReply = { id: number; pdf: Uint8Array } | { id: number; error: WorkerFailure };

function failure(error: unknown): WorkerFailure {
  if (error instanceof TypstError) return { kind: 'typst', message: error.message, ...(error.line !== undefined ? { line: error.line } : {}) };
  if (error instanceof TypstUnavailable) return { kind: 'unavailable', platform: error.platform };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

const port = parentPort;
if (port) {
  // Start the compiler at once and say so: the pool starts workers one after the other, since hiding
  // the system fonts sets an environment variable that every thread shares (see pdf-compile.ts).
  startCompiler().then(() => port.postMessage('ready'), () => port.postMessage('ready'));
  // One job at a time: the pool never sends more, and Typst's compiler is not reentrant.
  port.on('message', ({ id, job }: WorkerRequest) => {
    compilePdf(job).then(
      (pdf) => port.postMessage({ id, pdf } satisfies WorkerReply, [pdf.buffer as ArrayBuffer]),
      (error: unknown) => port.postMessage({ id, error: failure(error) } satisfies WorkerReply),
    );
  });
}
