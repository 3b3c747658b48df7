/**
 * Stage 2 on a file already loaded: the schema, the internal values, then
 * the rules the schema cannot express. Problems land on the file, worded
 * and placed.
 */
import { DEFAULT_RATIOS, type Ratio } from '../derive/index.js';
import { byPosition } from '../diagnostics.js';
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
