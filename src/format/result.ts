/** What a validation run reports for one file. */
import type { Diagnostic } from '../diagnostics.js';

/** One file's outcome, as the formatters see it. */
export interface FileResult {
  file: string;
  /** The file's text, for code frames ('' when unreadable, and may be '' when there is no diagnostic). */
  text: string;
  diagnostics: readonly Diagnostic[];
  /** False when the file has an error (or a warning under `--strict`). */
  valid: boolean;
}
