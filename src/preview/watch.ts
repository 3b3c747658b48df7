/**
 * Noticing a save: the folder is watched (editors often write a new file and
 * rename it over the old one, which a watch on the file itself would lose),
 * and the file is also polled, for file systems that send no events (network
 * shares, some containers). Bursts of events become one call.
 */
import { watch, watchFile, unwatchFile, type FSWatcher, type StatsListener } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** How often the file is polled, in milliseconds. */
const POLL_MS = 300;

/** Calls `onChange` once per burst of changes to `path`; returns a function that stops watching. */
export function watchChanges(path: string, onChange: () => void, debounceMs = 100): () => void {
  const target = resolve(path);
  const name = basename(target);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) onChange();
    }, debounceMs);
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(target), { persistent: true }, (_event, file) => {
      if (file === null || file === name) schedule();
    });
    // A folder that disappears or runs out of watches: polling below still sees saves.
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
    });
  } catch {
    watcher = undefined;
  }

  const poll: StatsListener = (now, before) => {
    if (now.mtimeMs !== before.mtimeMs || now.size !== before.size || now.ino !== before.ino) schedule();
  };
  watchFile(target, { persistent: true, interval: POLL_MS }, poll);

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    watcher?.close();
    unwatchFile(target, poll);
  };
}
