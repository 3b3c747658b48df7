/**
 * GitHub Actions workflow commands: one `::error` or `::warning` line per
 * diagnostic, which GitHub shows as an annotation on the line.
 */
import { describe, ui, type Lang } from '../messages.js';
import { printable } from './safe.js';
import type { FileResult } from './result.js';

// Escapes from the workflow-commands spec: data escapes %, CR, LF; properties also : and ,.
const data = (s: string): string => printable(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Formats results as workflow annotation lines. */
export function formatGithub(results: readonly FileResult[], lang: Lang): string {
  const out: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const { message, hint } = describe(d, lang);
      const props = [`file=${property(d.file)}`];
      if (d.place) {
        props.push(`line=${d.place.line}`, `col=${d.place.column}`);
        if (d.place.endLine === d.place.line) props.push(`endColumn=${d.place.endColumn}`);
      }
      props.push(`title=${property(`visite ${d.code}`)}`);
      const body = hint ? `${message}\n${ui[lang].hint} ${hint}` : message;
      out.push(`::${d.severity} ${props.join(',')}::${data(body)}`);
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
