/**
 * A short code frame: the line before, the line at fault, and a caret under
 * the faulty span, as compilers print them.
 */
import type { Place } from '../diagnostics.js';
import { printable } from './safe.js';

/**
 * The lines of `text` up to the one holding `offset`, as a sparse array
 * indexed like a full split: only the two lines a frame shows are cut out,
 * so framing many problems in a large file stays linear.
 */
function linesAround(text: string, offset: number, line: number): string[] {
  const lines: string[] = [];
  const end = text.indexOf('\n', offset);
  const lineEnd = end < 0 ? text.length : end;
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const at = offset > 0 && text[offset - 1] === '\n' ? offset : start;
  lines[line - 1] = text.slice(at, lineEnd).replace(/\r$/, '');
  if (line > 1) {
    const prevStart = text.lastIndexOf('\n', at - 2) + 1;
    lines[line - 2] = text.slice(prevStart, at - 1).replace(/\r$/, '');
  }
  return lines;
}

/** Longest slice of a source line shown, so a one-line megabyte stays readable. */
const WIDTH = 100;

/** Lines of the frame, without colour. `text` is the file's whole text. */
export function codeFrame(text: string, place: Place): { gutter: string; line: string; marker: boolean }[] {
  const lines = linesAround(text, place.offset, place.line);
  const first = Math.max(1, place.line - 1);
  const width = String(place.line).length;
  const out: { gutter: string; line: string; marker: boolean }[] = [];
  // Lines longer than WIDTH are cut around the column at fault.
  const from = Math.max(0, place.column - 1 - Math.floor(WIDTH / 2));
  const cut = (s: string): string => {
    const part = s.length > WIDTH ? s.slice(from, from + WIDTH) : s;
    return printable(part.replace(/\t/g, ' '));
  };
  for (let n = first; n <= place.line; n++) {
    out.push({ gutter: String(n).padStart(width), line: cut(lines[n - 1] ?? ''), marker: n === place.line });
  }
  const lineText = lines[place.line - 1] ?? '';
  const start = (lineText.length > WIDTH ? place.column - 1 - from : place.column - 1);
  const end = place.endLine === place.line ? place.endColumn - 1 : lineText.length;
  const span = Math.max(1, Math.min(end - (place.column - 1), WIDTH - start));
  out.push({ gutter: ' '.repeat(width), line: `${' '.repeat(Math.max(0, start))}${'^'.repeat(span)}`, marker: false });
  return out;
}
