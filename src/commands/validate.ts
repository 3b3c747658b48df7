/**
 * `visite validate`: every problem of every file in one run, in the format
 * asked for. Returns the exit code; the CLI prints and exits.
 */
import type { Ratio } from '../derive/index.js';
import { resolve } from 'node:path';
import { failing } from '../diagnostics.js';
import { changedSince } from '../git.js';
import { findVisitFiles } from '../files.js';
import { formatGithub } from '../format/github.js';
import { formatJson } from '../format/json.js';
import { formatPretty, summaryLine } from '../format/pretty.js';
import type { FileResult } from '../format/result.js';
import { ui, type Lang } from '../messages.js';
import { validateMany } from '../validate/many.js';

import type { Format } from './options.js';

export interface ValidateOptions {
  paths: string[];
  format: Format;
  strict: boolean;
  lang: Lang;
  color: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  ratios?: readonly Ratio[];
  /** Only the visit files changed since this Git ref. */
  changed?: string;
}

const changedWords = {
  fr: { none: (ref: string) => `Aucune visite modifiée depuis ${ref}.`, git: (m: string) => `Git ne peut pas dire ce qui a changé : ${m}` },
  en: { none: (ref: string) => `No visit changed since ${ref}.`, git: (m: string) => `Git cannot tell what changed: ${m}` },
};

/** Validates the files and prints the report; returns 0 (clean), 1 (invalid) or 2 (nothing to check). */
export async function runValidate(options: ValidateOptions): Promise<number> {
  const t = ui[options.lang];
  const paths = options.paths.length > 0 ? options.paths : ['visits'];
  const found = await findVisitFiles(paths);
  let { files } = found;
  const { unmatched } = found;
  if (options.changed !== undefined) {
    const changed = await changedSince(options.changed);
    if ('error' in changed) {
      options.err(`visite: ${changedWords[options.lang].git(changed.error)}\n`);
      return 2;
    }
    const wanted = new Set(changed.files.map((f) => resolve(f)));
    files = files.filter((f) => wanted.has(resolve(f)));
    if (files.length === 0 && unmatched.length === 0) {
      options.out(`${changedWords[options.lang].none(options.changed)}\n`);
      return 0;
    }
  }
  if (files.length === 0) {
    options.err(`${t.noFiles(unmatched.join(', '))}\n${t.noFilesHint}\n`);
    return 2;
  }
  const results: FileResult[] = (await validateMany(files, options.ratios)).map((v) => (
    { file: v.path, text: v.text, diagnostics: v.diagnostics, valid: !failing(v.diagnostics, options.strict) }));
  if (options.format === 'json') options.out(formatJson(results, options.lang));
  else if (options.format === 'github') options.out(formatGithub(results, options.lang) + summaryLine(results, options.lang, false));
  else options.out(formatPretty(results, options.lang, options.color));
  // A path the user named that matches nothing is a usage error, even beside valid files.
  if (unmatched.length > 0) {
    options.err(`${t.noFiles(unmatched.join(', '))}\n${t.noFilesHint}\n`);
    return 2;
  }
  return results.some((r) => !r.valid) ? 1 : 0;
}
