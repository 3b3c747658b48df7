/**
 * Stage 2, validate: load, then the schema, then the rules the schema cannot
 * express (only on schema-valid data). Problems land on the file.
 */
import { DEFAULT_RATIOS, type Ratio } from '../derive/index.js';
import { byPosition } from '../diagnostics.js';
import { loadFile, parseVisitText, type SourceFile } from '../load.js';
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

/** Reads and validates one visit file. Never throws. */
export async function validateFile(path: string, ratios: readonly Ratio[] = DEFAULT_RATIOS): Promise<SourceFile> {
  return validateLoaded(await loadFile(path), ratios);
}

/** Validates visit text held in memory (an editor buffer, a test). */
export function validateText(path: string, text: string, ratios: readonly Ratio[] = DEFAULT_RATIOS): SourceFile {
  return validateLoaded(parseVisitText(path, text), ratios);
}
