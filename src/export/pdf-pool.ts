/**
 * PDF workers for batches: `visite render` of several visits and `visite
 * build` compile their PDFs in worker threads (one Typst compiler each),
 * while the main thread goes on rendering the next visits. A single bulletin
 * is compiled in the main thread: starting a worker would cost more.
 */
import { availableParallelism } from 'node:os';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import { workerModule } from '../concurrent.js';
import type { PdfJob } from './pdf-compile.js';
import { TypstError } from './pdf-error.js';
import type { WorkerFailure, WorkerReply, WorkerRequest } from './pdf-worker.js';
import { TypstUnavailable } from './typst-binding.js';

const WORKER = workerModule('export/pdf-worker.js');

interface Pending { id: number; job: PdfJob; resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }
interface Slot { worker: Worker; ready: boolean; current?: Pending }

function errorOf(failure: WorkerFailure): Error {
  if (failure.kind === 'typst') return new TypstError(failure.message, failure.line);
  if (failure.kind === 'unavailable') return new TypstUnavailable(failure.platform);
  return new Error(failure.message);
}

/** A fixed number of PDF workers and a queue of jobs. */
export class PdfPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  /** Workers started or about to be (slots fill in as they start). */
  private planned = 0;
  private starting: Promise<void> = Promise.resolve();
  private closed = false;
  /** Set when a worker could not even start: the pool cannot work, every job fails with this. */
  private broken: Error | undefined;

  /**
   * @param size How many workers (default: one per core).
   * @param script The worker's module (tests give one that cannot start).
   */
  constructor(private readonly size = Math.max(1, availableParallelism()), private readonly script: URL = WORKER) {}

  /** Compiles a job in the first free worker. */
  compile(job: PdfJob): Promise<Uint8Array> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.closed) return Promise.reject(new Error('PDF workers closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      // One more worker only when those started or starting cannot take the queue now.
      const free = this.planned - this.slots.filter((s) => s.current).length;
      if (this.planned < this.size && this.queue.length > free) this.grow();
      this.dispatch();
    });
  }

  /** Stops the workers; jobs still queued or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    const closed = new Error('PDF workers closed');
    for (const p of this.queue.splice(0)) p.reject(closed);
    await this.starting;
    await Promise.all(this.slots.splice(0).map((s) => {
      s.current?.reject(closed);
      s.current = undefined;
      return s.worker.terminate();
    }));
  }

  /** Starts one more worker, after the previous one has started its compiler (they share the environment). */
  private grow(): void {
    this.planned++;
    this.starting = this.starting.then(() => new Promise<void>((ready) => {
      if (this.closed) return ready();
      let worker: Worker;
      try {
        worker = new Worker(this.script, { env: SHARE_ENV });
      } catch (error) {
        this.planned--;
        this.broken = error as Error;
        for (const p of this.queue.splice(0)) p.reject(this.broken);
        return ready();
      }
      const slot: Slot = { worker, ready: false };
      this.slots.push(slot);
      worker.once('message', () => {
        slot.ready = true;
        ready();
      });
      worker.on('message', (reply: WorkerReply | 'ready') => {
        if (reply !== 'ready') this.settle(slot, reply);
      });
      worker.on('error', (error) => this.lost(slot, error));
      worker.once('exit', () => {
        ready();
        // Not stopped by the pool: whatever it was doing is lost.
        if (this.slots.includes(slot)) this.lost(slot, new Error('PDF worker stopped'));
      });
    }));
    void this.starting.then(() => this.dispatch());
  }

  private settle(slot: Slot, reply: WorkerReply): void {
    const pending = slot.current;
    slot.current = undefined;
    if (pending) {
      if ('pdf' in reply) pending.resolve(reply.pdf);
      else pending.reject(errorOf(reply.error));
    }
    // Workers are kept for the whole batch: replacing them every few hundred PDFs was measured to
    // raise peak memory (each new thread gets its own malloc arena), not to lower it.
    this.dispatch();
  }

  /** A worker that died takes its job with it: that job fails, the others go on in a new worker. */
  private lost(slot: Slot, error: Error): void {
    slot.current?.reject(error);
    slot.current = undefined;
    if (!slot.ready) {
      // It died before starting: another would too. Fail everything rather than retry forever.
      this.broken = error;
      for (const p of this.queue.splice(0)) p.reject(error);
    }
    this.replace(slot);
  }

  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    this.planned--;
    void slot.worker.terminate();
    if (!this.closed && !this.broken && this.queue.length > 0) this.grow();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.current || this.queue.length === 0) continue;
      const pending = this.queue.shift()!;
      slot.current = pending;
      slot.worker.ref();
      slot.worker.postMessage({ id: pending.id, job: pending.job } satisfies WorkerRequest);
    }
    // An idle worker must not keep the process alive.
    for (const slot of this.slots) if (!slot.current) slot.worker.unref();
  }
}
