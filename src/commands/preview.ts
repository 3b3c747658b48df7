/**
 * `visite preview [FILE]`: the bulletin of one visit in the browser, on
 * 127.0.0.1, redrawn within a second of each save. A broken save shows its
 * located problems instead of the bulletin; the next good save brings the
 * bulletin back. Ctrl-C (or SIGTERM, or `signal`) stops it cleanly with 0.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Config } from '../config.js';
import { failing } from '../diagnostics.js';
import { findVisitFiles } from '../files.js';
import { formatPretty } from '../format/pretty.js';
import type { Lang } from '../messages.js';
import { words, type BulletinPage } from '../preview/pages.js';
import { startPreviewServer, type PreviewServer } from '../preview/server.js';
import { watchChanges } from '../preview/watch.js';

/** The port tried first when none is given; any free port if it is taken. */
export const DEFAULT_PORT = 4777;

export interface PreviewCommandOptions {
  /** The visit file; when absent, the newest visit in visits/ (by name). */
  file?: string;
  lang: Lang;
  config: Config;
  /** House style, over the visit's `report.style` (as `--style`). */
  style?: string;
  /** Port to listen on: 0 for any free port; by default 4777, or any free port if 4777 is taken. */
  port?: number;
  /** The only address the preview listens on. */
  host?: '127.0.0.1';
  /** Colour in the problems printed to the terminal. */
  color?: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Stops the preview like Ctrl-C does. */
  signal?: AbortSignal;
  /** Called once the server answers, with its address. */
  onListening?: (url: string) => void;
}

const clock = (): string => new Date().toTimeString().slice(0, 8);

/** The file to preview: the one given, or the newest visit in visits/. */
async function pickFile(o: PreviewCommandOptions): Promise<string | undefined> {
  const w = words[o.lang];
  if (o.file !== undefined) {
    const info = await stat(o.file).catch(() => undefined);
    if (!info) {
      o.err(`visite: ${w.notFound(o.file)}\n${w.fileHint}\n`);
      return undefined;
    }
    if (!info.isFile()) {
      o.err(`visite: ${w.notAFile(o.file)}\n${w.fileHint}\n`);
      return undefined;
    }
    return o.file;
  }
  const { files } = await findVisitFiles(['visits']);
  // Visits are named by date first: the last name is the newest visit.
  const newest = [...files].sort((a, b) => basename(a).localeCompare(basename(b)) || a.localeCompare(b)).at(-1);
  if (newest === undefined) {
    o.err(`visite: ${w.noVisits}\n${w.fileHint}\n`);
    return undefined;
  }
  o.out(`${w.newest(newest)}\n`);
  return newest;
}

/** Runs the preview until stopped; resolves to 0 then, or 2 when it cannot start. */
export async function runPreview(o: PreviewCommandOptions): Promise<number> {
  const w = words[o.lang];
  const file = await pickFile(o);
  if (file === undefined) return 2;
  if (o.signal?.aborted) return 0;

  const report = (page: BulletinPage): void => {
    const warnings = page.diagnostics.filter((d) => d.severity === 'warning').length;
    if (page.ok && warnings === 0) {
      o.out(`${w.updated(clock())}\n`);
      return;
    }
    o.out(`${page.ok ? w.updatedWarnings(clock(), warnings) : w.broken(clock(), page.diagnostics.length)}\n`);
    o.out(formatPretty([{ file, text: page.text, diagnostics: page.diagnostics, valid: !failing(page.diagnostics) }], o.lang, o.color ?? false));
  };

  const options = { file, lang: o.lang, config: o.config, style: o.style, host: o.host ?? '127.0.0.1', onChange: report } as const;
  let server: PreviewServer;
  try {
    try {
      server = await startPreviewServer({ ...options, port: o.port ?? DEFAULT_PORT });
    } catch (error) {
      // The usual port is taken (another preview?): any free one will do, unless a port was asked for.
      if (o.port !== undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      server = await startPreviewServer({ ...options, port: 0 });
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    o.err(`visite: ${e.code === 'EADDRINUSE' ? w.portBusy(o.port ?? DEFAULT_PORT) : w.cannotListen(e.code ?? e.message)}\n`);
    return 2;
  }

  let stopWaiting: (how: 'signal' | 'abort') => void = () => undefined;
  const stopped = new Promise<'signal' | 'abort'>((resolveStop) => {
    stopWaiting = resolveStop;
  });
  const onSignal = (): void => stopWaiting('signal');
  const onAbort = (): void => stopWaiting('abort');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) stopWaiting('abort');

  let unwatch: () => void = () => undefined;
  try {
    o.out(`${w.serving(file, server.url)}\n`);
    await server.refresh();
    unwatch = watchChanges(file, () => {
      // refresh() never rejects in practice (rendering problems are pages); a failure must not end the preview.
      server.refresh().catch(() => undefined);
    });
    o.onListening?.(server.url);
    const how = await stopped;
    // A terminal has echoed "^C" with no newline after it.
    o.out(`${how === 'signal' ? '\n' : ''}${w.stopped}\n`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    o.signal?.removeEventListener('abort', onAbort);
    unwatch();
    await server.close();
  }
  return 0;
}
