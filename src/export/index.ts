/**
 * Stage 6, export: one rendered visit → its files (md, html, pdf), each
 * written atomically. A failure becomes a diagnostic naming the file.
 */
import { readFile } from 'node:fs/promises';
import { extname, relative } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { RenderedVisit } from '../render/index.js';
import { TypstError } from './pdf-error.js';
import { mapLimit } from '../concurrent.js';
import { PdfPool } from './pdf-pool.js';
import { TypstUnavailable } from './typst-binding.js';
import { writeAtomic } from './write.js';

/** Formats a visit can be exported to. */
export type ExportFormat = 'md' | 'html' | 'pdf';

const MIME: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/** The style's logo, if it has one, read once per style. */
const logos = new Map<string, Promise<{ mime: string; data: Uint8Array } | undefined>>();
export function logoOf(rendered: RenderedVisit): Promise<{ mime: string; data: Uint8Array } | undefined> {
  const path = rendered.style.logoPath;
  if (!path) return Promise.resolve(undefined);
  let found = logos.get(path);
  if (!found) {
    found = readFile(path).then((data) => ({ mime: MIME[extname(path).toLowerCase()] ?? 'application/octet-stream', data }), () => undefined);
    logos.set(path, found);
  }
  return found;
}

let pool: PdfPool | undefined;

/**
 * Runs `fn` on every item of a batch, results in order, with PDFs compiled
 * in `workers` worker threads meanwhile: one visit compiling in each worker
 * and two more being rendered here, so that no worker waits and memory stays
 * flat. With 0 workers, or a single item, one at a time in this thread
 * (least memory). The workers stop when the batch ends.
 */
export async function withPdfWorkers<T, R>(items: readonly T[], workers: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  if (workers === 0 || items.length < 2) return mapLimit(items, 1, fn);
  pool = new PdfPool(workers);
  try {
    return await mapLimit(items, workers + 2, fn);
  } finally {
    const ending = pool;
    pool = undefined;
    await ending.close();
  }
}

/** The bytes of one format. */
export async function exportBytes(rendered: RenderedVisit, format: ExportFormat, options: { fragment?: boolean } = {}): Promise<string | Uint8Array> {
  switch (format) {
    case 'md': return (await import('./md.js')).markdownFile(rendered);
    case 'html': {
      const { htmlDocument, htmlFragment } = await import('./html.js');
      return options.fragment ? htmlFragment(rendered) : htmlDocument(rendered, await logoOf(rendered));
    }
    case 'pdf': {
      const { pdfBytes } = await import('./pdf.js');
      return pdfBytes(rendered, await logoOf(rendered), pool);
    }
  }
}

/**
 * What a PDF failure says: no compiler here (`pdf-unavailable`, on `file`),
 * or the page template at fault (`template-error`, on the template, with its
 * line). Undefined for any other error.
 */
export function pdfProblem(error: unknown, rendered: RenderedVisit, file: string): Diagnostic | undefined {
  if (error instanceof TypstUnavailable) {
    return { code: 'pdf-unavailable', severity: 'error', file, source: 'write', params: { platform: error.platform } };
  }
  if (error instanceof TypstError) {
    // The page template is at fault, not the disk: say which template and where.
    const page = rendered.style.dir ? `${rendered.style.dir}/page.typ` : 'page.typ';
    const d: Diagnostic = { code: 'template-error', severity: 'error', file: page, source: 'render', params: { style: rendered.style.id, detail: error.message } };
    if (error.line !== undefined) d.place = { line: error.line, column: 1, endLine: error.line, endColumn: 2, offset: 0, endOffset: 0 };
    return d;
  }
  return undefined;
}

/** Writes `<stem>.<format>` for each format; returns the problems (none when all were written). */
export async function exportAll(rendered: RenderedVisit, stem: string, formats: readonly ExportFormat[], options: { fragment?: boolean } = {}): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const format of formats) {
    const target = `${stem}.${format}`;
    try {
      await writeAtomic(target, await exportBytes(rendered, format, options));
    } catch (error) {
      const pdf = pdfProblem(error, rendered, target);
      if (pdf) {
        problems.push(pdf);
        continue;
      }
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
      problems.push({
        code: 'output-failed', severity: 'error', file: target, source: 'write',
        params: { path: relative(process.cwd(), target) || target, reason },
      });
    }
  }
  return problems;
}
