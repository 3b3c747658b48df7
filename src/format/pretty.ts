/**
 * The human format: `file:line:col  severity  message  [code]`, a code
 * frame, a hint; then one summary line. Colour only where asked.
 */
import { styleText } from 'node:util';
import type { Diagnostic } from '../diagnostics.js';
import { describe, ui, type Lang } from '../messages.js';
import { codeFrame } from './codeframe.js';
import { printable } from './safe.js';
import type { FileResult } from './result.js';

type Style = Parameters<typeof styleText>[0];
type Paint = (style: Style, text: string) => string;

/** Colours text when asked; the CLI has already decided (TTY, NO_COLOR, --no-color), so the stream is not checked again. */
const painter = (color: boolean): Paint => (style, text) => (color ? styleText(style, text, { validateStream: false }) : text);

/** Formats results for a person reading a terminal or a log. */
export function formatPretty(results: readonly FileResult[], lang: Lang, color: boolean): string {
  const paint = painter(color);
  const out: string[] = [];
  for (const result of results) {
    for (const d of result.diagnostics) out.push(...formatOne(d, result.text, lang, paint), '');
  }
  return `${out.join('\n')}${summaryLine(results, lang, color)}`;
}

function formatOne(d: Diagnostic, text: string, lang: Lang, paint: Paint): string[] {
  const { message, hint } = describe(d, lang);
  const where = d.place ? `${d.file}:${d.place.line}:${d.place.column}` : d.file;
  const severity = ui[lang].severity[d.severity];
  const lines = [
    `${paint('bold', printable(where))}  ${paint(d.severity === 'error' ? 'red' : 'yellow', severity)}  ${printable(message)}  ${paint('dim', `[${d.code}]`)}`,
  ];
  if (d.place && text) {
    for (const row of codeFrame(text, d.place)) {
      const mark = row.marker ? paint('red', '>') : ' ';
      const body = row.line.startsWith(' ') && row.line.trim().startsWith('^') ? paint('red', row.line) : row.line;
      lines.push(`  ${mark} ${paint('dim', `${row.gutter} |`)} ${body}`);
    }
  }
  if (hint) lines.push(`  ${paint('cyan', ui[lang].hint)} ${printable(hint)}`);
  return lines;
}

/** The closing line: how many files, how many invalid, errors and warnings. */
export function summaryLine(results: readonly FileResult[], lang: Lang, color: boolean): string {
  const paint = painter(color);
  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const invalid = results.filter((r) => !r.valid).length;
  const line = errors === 0 && warnings === 0
    ? paint('green', ui[lang].clean(results.length))
    : paint(invalid > 0 ? 'red' : 'yellow', ui[lang].summary(results.length, invalid, errors, warnings));
  return `${line}\n`;
}
