/**
 * Stage 2, validate: load, then the schema, then the rules the schema cannot
 * express (only on schema-valid data). Problems land on the file.
 */
import { DEFAULT_RATIOS, type Ratio } from '../derive/index.js';
import { byPosition } from '../diagnostics.js';
import { quickLoad } from '../load-quick.js';
import { readSource } from '../read.js';
import type { SourceFile } from '../source.js';
import { checkInternal } from './internal.js';
import { checkRules } from './rules.js';
import { checkSchema } from './schema.js';

/** Runs schema and rules on a loaded file; returns the same file with its diagnostics. */
export function validateLoaded(file: SourceFile, ratios: readonly Ratio[] = DEFAULT_RATIOS): SourceFile {
  if (file.data !== undefined) {
    const schema = checkSchema(file);
    file.diagnostics.push(...schema);
    if (schema.length === 0) file.diagnostics.push(...checkInternal(file));
    if (file.data !== null && typeof file.data === 'object') file.diagnostics.push(...checkRules(file, ratios, schema.length === 0));
  }
  file.diagnostics.sort(byPosition);
  return file;
}

/** How to read the file. */
export interface ValidateFileOptions {
  /**
   * Try the quick loader first (default: true). A file it reads with nothing
   * to report is returned without a YAML document; any other is read again by
   * the full loader, which places and words every diagnostic. Every command
   * reads visits this way, so `visite validate` and `visite build` never
   * disagree on a file.
   */
  quick?: boolean;
}

/** Reads and validates one visit file. Never throws. */
export async function validateFile(
  path: string, ratios: readonly Ratio[] = DEFAULT_RATIOS, options: ValidateFileOptions = {},
): Promise<SourceFile> {
  const read = await readSource(path);
  if ('failed' in read) return read.failed;
  if (options.quick ?? true) {
    const quick = quickLoad(path, read.text);
    if (quick && validateLoaded(quick, ratios).diagnostics.length === 0) return quick;
  }
  // The full loader (and the yaml package) only when needed: a pre-commit hook on valid files never loads it.
  const { parseVisitText } = await import('../load.js');
  return validateLoaded(parseVisitText(path, read.text), ratios);
}
