/**
 * A short code frame: the line before, the line at fault, and a caret under
 * the faulty span, as compilers print them.
 */
import type { Place } from '../diagnostics.js';
import { printable } from './safe.js';

/** Longest slice of a source line shown, so a one-line megabyte stays readable. */
const WIDTH = 100;

/** Lines of the frame, without colour. `text` is the file's whole text. */
export function codeFrame(text: string, place: Place): { gutter: string; line: string; marker: boolean }[] {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, place.line - 1);
  const width = String(place.line).length;
  const out: { gutter: string; line: string; marker: boolean }[] = [];
  // Lines longer than WIDTH are cut around the column at fault.
  const from = Math.max(0, place.column - 1 - Math.floor(WIDTH / 2));
  const cut = (s: string): string => {
    const part = s.length > WIDTH ? s.slice(from, from + WIDTH) : s;
    return printable(part.replace(/\t/g, ' '));
  };
  for (let n = first; n <= place.line && n <= lines.length; n++) {
    out.push({ gutter: String(n).padStart(width), line: cut(lines[n - 1] ?? ''), marker: n === place.line });
  }
  const lineText = lines[place.line - 1] ?? '';
  const start = (lineText.length > WIDTH ? place.column - 1 - from : place.column - 1);
  const end = place.endLine === place.line ? place.endColumn - 1 : lineText.length;
  const span = Math.max(1, Math.min(end - (place.column - 1), WIDTH - start));
  out.push({ gutter: ' '.repeat(width), line: `${' '.repeat(Math.max(0, start))}${'^'.repeat(span)}`, marker: false });
  return out;
}
