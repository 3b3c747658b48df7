/**
 * Stage 2, validate: load, then the schema, then the rules the schema cannot
 * express (only on schema-valid data). Problems land on the file.
 */
import { byPosition } from '../diagnostics.js';
import { loadFile, parseVisitText, type SourceFile } from '../load.js';
import { checkRules } from './rules.js';
import { checkSchema } from './schema.js';

/** Runs schema and rules on a loaded file; returns the same file with its diagnostics. */
export function validateLoaded(file: SourceFile): SourceFile {
  if (file.data !== undefined) {
    file.diagnostics.push(...checkSchema(file));
    if (file.data !== null && typeof file.data === 'object') file.diagnostics.push(...checkRules(file));
  }
  file.diagnostics.sort(byPosition);
  return file;
}

/** Reads and validates one visit file. Never throws. */
export async function validateFile(path: string): Promise<SourceFile> {
  return validateLoaded(await loadFile(path));
}

/** Validates visit text held in memory (an editor buffer, a test). */
export function validateText(path: string, text: string): SourceFile {
  return validateLoaded(parseVisitText(path, text));
}
