/**
 * `visite stats [paths…] [--format table|csv|json]`: the indicators of
 * every site visit, and each site's evolution across visits. Invalid visits
 * are reported and left out (exit 1).
 */
import { deriveVisit, type Ratio } from '../derive/index.js';
import { failing } from '../diagnostics.js';
import { visitFilesOrExplain } from '../files.js';
import { formatPretty } from '../format/pretty.js';
import type { FileResult } from '../format/result.js';
import type { Lang } from '../messages.js';
import { publicData } from '../render/internal.js';
import type { Visit } from '../schema/types.js';
import { statRows, statsCsv, statsJson, statsTable, type StatInput } from '../stats.js';
import { validateFile } from '../validate/index.js';

/** Formats of `visite stats`. */
export const STATS_FORMATS = ['table', 'csv', 'json'] as const;

export async function runStats(o: {
  paths: string[]; format: (typeof STATS_FORMATS)[number]; ratios: readonly Ratio[]; lang: Lang; color: boolean;
  out: (t: string) => void; err: (t: string) => void;
}): Promise<number> {
  const files = await visitFilesOrExplain(o.paths, o.lang, o.err);
  if (!files) return 2;
  const inputs: StatInput[] = [];
  const broken: FileResult[] = [];
  for (const path of files) {
    const file = await validateFile(path, o.ratios);
    if (failing(file.diagnostics)) {
      broken.push({ file: path, text: file.text, diagnostics: file.diagnostics, valid: false });
      continue;
    }
    // Figures come from public data only: an internal value never reaches a table either.
    const visit = publicData(file) as Visit;
    inputs.push({ file: path, visit, indicators: deriveVisit(visit, o.ratios) });
  }
  // Problems go to stderr, so that CSV or JSON on stdout stays clean.
  if (broken.length > 0) o.err(formatPretty(broken, o.lang, o.color));
  const rows = statRows(inputs);
  o.out(o.format === 'csv' ? statsCsv(rows) : o.format === 'json' ? statsJson(rows) : statsTable(rows, o.lang));
  return broken.length > 0 ? 1 : 0;
}
