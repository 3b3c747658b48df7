/**
 * visite's API: everything the CLI does, importable.
 *
 * @example
 * import { validateFile } from 'visite';
 * const file = await validateFile('visits/2024-01-24-spip62-fo-justice-cpip.yaml');
 * for (const d of file.diagnostics) console.log(d.code, d.place?.line);
 */
export type { Code, Diagnostic, Params, Place, Severity } from './diagnostics.js';
export { failing } from './diagnostics.js';
export { loadFile, parseVisitText, MAX_BYTES, MAX_ALIASES, MAX_DEPTH, type SourceFile, type DataPath } from './load.js';
export { validateFile, type ValidateFileOptions } from './validate/index.js';
export { validateLoaded } from './validate/loaded.js';
export { validateText } from './validate/text.js';
export { describe, pickLang, type Lang } from './messages.js';
export { formatPretty } from './format/pretty.js';
export { formatJson } from './format/json.js';
export { formatGithub } from './format/github.js';
export type { FileResult } from './format/result.js';
export { visitSchema } from './schema/definition.js';
export type * from './schema/types.js';
export { main } from './cli.js';
