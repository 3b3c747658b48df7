/**
 * Stage 2, validate: load, then the schema, then the rules the schema cannot
 * express (only on schema-valid data). Problems land on the file.
 */
import { DEFAULT_RATIOS, type Ratio } from '../derive/index.js';
import { quickLoad } from '../load-quick.js';
import { readSource } from '../read.js';
import { publicData } from '../render/internal.js';
import type { SourceFile } from '../source.js';
import { checkRules } from './rules.js';
import { validatorFor } from './validators.js';

/**
 * Whether a file has nothing at all to report: the schema passes, with and
 * without its internal values, and no rule speaks. What `validateLoaded`
 * finds, without loading what it needs to word and place it.
 */
function clean(file: SourceFile, ratios: readonly Ratio[]): boolean {
  const visit = validatorFor('visit');
  return visit(file.data) === true
    && (file.internal.length === 0 || visit(publicData(file)) === true)
    && checkRules(file, ratios, true).length === 0;
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
    if (quick && clean(quick, ratios)) return quick;
  }
  // The full loader (the yaml package) and the diagnostics (schema text, messages) only when needed:
  // a pre-commit hook on valid files never loads them.
  const [{ parseVisitText }, { validateLoaded }] = await Promise.all([import('../load.js'), import('./loaded.js')]);
  return validateLoaded(parseVisitText(path, read.text), ratios);
}
