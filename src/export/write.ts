/**
 * Outputs are written atomically: to a temporary file beside the target,
 * then renamed over it. A failure leaves the old file (or none), never half
 * of a new one.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` atomically, creating the folder if needed. Throws
 * the fs error on failure, after cleaning up. Synchronous inside: Ctrl-C (see
 * `interruptible` in cli.ts) is handled between two files, never during one;
 * and a file costs less so than as five round trips to Node's thread pool
 * (1,000 files of 100 kB: 0.33 s against 0.58 s here).
 */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already gone.
    }
    throw error;
  }
}
