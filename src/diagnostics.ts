/**
 * Problems are data, not throws: every stage appends diagnostics to the file
 * it works on. A diagnostic carries a stable code and its parameters; its
 * wording in French or English lives apart, in `messages.ts`.
 */

/** Every code the tool can report. Stable: tools and docs rely on them. */
export type Code =
  // reading the file
  | 'file-unreadable'
  | 'file-too-large'
  | 'file-not-utf8'
  | 'file-empty'
  // YAML syntax
  | 'yaml-duplicate-key'
  | 'yaml-tab-indent'
  | 'yaml-bad-indent'
  | 'yaml-unterminated-string'
  | 'yaml-too-deep'
  | 'yaml-alias-limit'
  | 'yaml-unknown-tag'
  | 'yaml-multiple-documents'
  | 'yaml-syntax'
  // schema
  | 'schema-required'
  | 'schema-unknown-key'
  | 'schema-type'
  | 'schema-enum'
  | 'schema-const'
  | 'schema-pattern'
  | 'schema-format'
  | 'schema-range'
  | 'schema-length'
  | 'schema-items'
  | 'schema-invalid'
  // rules the schema cannot express
  | 'date-invalid'
  | 'date-order'
  | 'date-outside-visit'
  | 'subcount-exceeds-total'
  | 'unknown-reference'
  | 'duplicate-id'
  | 'occupancy-over-capacity'
  | 'range-inverted'
  | 'caseload-empty'
  | 'cap-window-negative'
  | 'gap-mismatch'
  | 'internal-required'
  // house styles and rendering
  | 'style-unknown'
  | 'style-invalid'
  | 'template-error'
  | 'style-path-outside'
  | 'output-failed'
  | 'pdf-unavailable'
  // publishing
  | 'publish-auth'
  | 'publish-not-wordpress'
  | 'publish-rest-disabled'
  | 'publish-timeout'
  | 'publish-http';

/** How serious a problem is: errors make a file invalid, warnings do not (unless `--strict`). */
export type Severity = 'error' | 'warning';

/** Codes reported as warnings: facts worth a second look, which may be true. Every other code is an error. */
export const WARNINGS: ReadonlySet<Code> = new Set<Code>(['date-outside-visit', 'occupancy-over-capacity', 'cap-window-negative', 'gap-mismatch']);

/** The severity a code is reported with. */
export function severityOf(code: Code): Severity {
  return WARNINGS.has(code) ? 'warning' : 'error';
}

/** A place in the source: 1-based line and column, 0-based offsets. */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

/** Values a message is built from (key names, expected values, numbers). */
export type Params = Record<string, string | number | readonly string[]>;

/** One problem found in one file. */
export interface Diagnostic {
  code: Code;
  severity: Severity;
  /** The file's path as given by the user. */
  file: string;
  /** Where in the file; absent only when the file could not be read. */
  place?: Place;
  /** Path in the data, for problems about a value (`sites/0/staffing/1/count`). */
  path?: readonly (string | number)[];
  params: Params;
  /** Which stage found it. */
  source: 'load' | 'schema' | 'rule' | 'render' | 'write';
}

/** True when a list of diagnostics holds an error, or a warning under `strict`. */
export function failing(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

/** Orders diagnostics by position, then code, so output is stable. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (a.place?.offset ?? -1) - (b.place?.offset ?? -1) || a.code.localeCompare(b.code);
}
