/** The format for tools: one JSON document, stable key order, messages in the chosen language. */
import { describe, type Lang } from '../messages.js';
import type { FileResult } from './result.js';

/** Formats results as JSON. */
export function formatJson(results: readonly FileResult[], lang: Lang): string {
  const files = results.map((r) => ({
    file: r.file,
    valid: r.valid,
    diagnostics: r.diagnostics.map((d) => {
      const { message, hint } = describe(d, lang);
      return {
        code: d.code,
        severity: d.severity,
        line: d.place?.line ?? null,
        column: d.place?.column ?? null,
        endLine: d.place?.endLine ?? null,
        endColumn: d.place?.endColumn ?? null,
        path: d.path ?? null,
        message,
        hint: hint ?? null,
        params: d.params,
      };
    }),
  }));
  const count = (s: string): number => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  const summary = { files: results.length, invalid: results.filter((r) => !r.valid).length, errors: count('error'), warnings: count('warning') };
  return `${JSON.stringify({ files, summary }, null, 2)}\n`;
}
