/**
 * `visite render FILE…`: each valid visit to its bulletin, written
 * atomically to the output folder. Invalid visits are reported with their
 * located problems and skipped; the others are still rendered.
 */
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { failing } from '../diagnostics.js';
import { exportAll, withPdfWorkers } from '../export/index.js';
import { visitFilesOrExplain } from '../files.js';
import { formatPretty } from '../format/pretty.js';
import type { FileResult } from '../format/result.js';
import { renderVisit } from '../render/index.js';
import { validateFile } from '../validate/index.js';

import type { Output, WritingCommandOptions } from './options.js';

export interface RenderCommandOptions extends WritingCommandOptions {
  paths: string[];
  out: string;
  to: Output[];
  style?: string;
  /** HTML as a bare fragment (for pasting into a CMS) instead of a standalone document. */
  fragment?: boolean;
}

const words = {
  fr: {
    written: (n: number, dir: string) => `${n} bulletin${n > 1 ? 's' : ''} écrit${n > 1 ? 's' : ''} dans ${dir}.`,
    failed: (n: number) => `${n} visite${n > 1 ? 's' : ''} non rendue${n > 1 ? 's' : ''} : voir les problèmes ci-dessus.`,
    clash: (name: string) => `Deux visites donneraient le même fichier ${name} : renommez l’une d’elles.`,
  },
  en: {
    written: (n: number, dir: string) => `${n} bulletin${n !== 1 ? 's' : ''} written to ${dir}.`,
    failed: (n: number) => `${n} visit${n !== 1 ? 's' : ''} not rendered: see the problems above.`,
    clash: (name: string) => `Two visits would give the same file ${name}: rename one of them.`,
  },
};

/** Renders the visits; returns 0 (all rendered), 1 (some could not be) or 2 (usage). */
export async function runRender(o: RenderCommandOptions): Promise<number> {
  const w = words[o.lang];
  const files = await visitFilesOrExplain(o.paths, o.lang, o.err);
  if (!files) return 2;
  const names = new Map<string, string>();
  for (const f of files) {
    const name = basename(f, extname(f));
    if (names.has(name)) {
      o.err(`visite: ${w.clash(`${name}.md`)}\n`);
      return 2;
    }
    names.set(name, f);
  }
  // Several visits in flight: while Typst compiles one in a worker thread, the next is rendered here.
  const workers = o.to.includes('pdf') ? o.jobs ?? availableParallelism() : 0;
  let started = 0;
  const outcomes = await withPdfWorkers(files, workers, async (path) => {
    if (o.progress) o.err(`\r\u001b[K[${++started}/${files.length}] ${basename(path)}`);
    const file = await validateFile(path, o.config.ratios);
    const diagnostics: Diagnostic[] = [...file.diagnostics];
    let written = false;
    if (!failing(file.diagnostics)) {
      const { result, diagnostics: problems } = await renderVisit(file, {
        style: o.style, defaultStyle: o.config.style, templateDirs: o.config.templateDirs, ratios: o.config.ratios,
      });
      diagnostics.push(...problems);
      if (result) {
        const stem = join(o.out, basename(path, extname(path)));
        const problems = await exportAll(result, stem, o.to, { fragment: o.fragment === true });
        diagnostics.push(...problems);
        written = problems.length === 0;
      }
    }
    return { path, text: file.text, diagnostics, written };
  });
  const reports: FileResult[] = [];
  let written = 0;
  let failed = 0;
  for (const r of outcomes) {
    const ok = !failing(r.diagnostics);
    if (r.written) written++;
    if (!ok) failed++;
    if (r.diagnostics.length > 0) reports.push({ file: r.path, text: r.text, diagnostics: r.diagnostics, valid: ok });
  }
  if (o.progress) o.err('\r\u001b[K');
  if (reports.length > 0) o.out_(formatPretty(reports, o.lang, o.color));
  o.out_(`${w.written(written, o.out)}\n`);
  if (failed > 0) o.out_(`${w.failed(failed)}\n`);
  return failed > 0 ? 1 : 0;
}
