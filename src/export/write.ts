/**
 * Outputs are written atomically: to a temporary file beside the target,
 * then renamed over it. A failure leaves the old file (or none), never half
 * of a new one.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files being written now, removed if the process is interrupted. */
const pending = new Set<string>();

/** Removes the temporary files of writes in progress (for SIGINT/SIGTERM handlers). */
export function removePendingTemps(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already renamed or removed.
    }
  }
  pending.clear();
}

/** Writes `data` to `path` atomically, creating the folder if needed. Throws the fs error on failure, after cleaning up. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(tmp);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  } finally {
    pending.delete(tmp);
  }
}
