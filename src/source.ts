/**
 * A visit file as it moves through the pipeline, and how an offset in its
 * text becomes a line and column. Nothing here loads a YAML parser: the
 * validator's quick path must start without one.
 */
import type { Code, Diagnostic, Params, Place } from './diagnostics.js';

/** Files larger than this are refused before they are read. */
export const MAX_BYTES = 1024 * 1024;
/** Aliases expanded at most this many times (stops "billion laughs"). */
export const MAX_ALIASES = 100;
/** Deeper nesting than this is refused (a visit file needs about 10). */
export const MAX_DEPTH = 64;

/** Path of a value in the data: map keys and list indexes. */
export type DataPath = readonly (string | number)[];

/** Turns an offset into a one-based line and column (yaml's `LineCounter` is one). */
export interface LineIndex {
  linePos(offset: number): { line: number; col: number };
}

/** What a data path leads to in the text: ranges are [start, end) offsets. */
export interface Found {
  /** The value's node (for an empty value, nothing). */
  value?: readonly [number, number];
  /** The key of the value, when it sits in a map. */
  key?: readonly [number, number];
  /** When the value is a map, its first key. */
  firstKey?: readonly [number, number];
}

/** A visit file as it moves through the pipeline. */
export interface SourceFile {
  /** Path as the user gave it. */
  path: string;
  /** Decoded text, byte-order mark removed. */
  text: string;
  lineCounter: LineIndex;
  /** The parsed YAML document (`yaml`'s); absent when the file could not be read, or was read by the quick path. */
  doc?: import('yaml').Document.Parsed;
  /** Finds where a data path is written; absent when there is no document to look in. */
  find?: (path: DataPath) => Found;
  /** Plain data; absent when the YAML is broken. */
  data?: unknown;
  /** Paths of the values tagged `!internal` (never published). */
  internal: DataPath[];
  diagnostics: Diagnostic[];
}

/** A line index over a text, built on first use. */
export function lineIndex(text: string): LineIndex {
  let starts: number[] | undefined;
  return {
    linePos(offset: number) {
      if (!starts) {
        starts = [0];
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      }
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, col: offset - starts[lo]! + 1 };
    },
  };
}

/** An empty file record, to which diagnostics are added. */
export function emptySource(path: string, text = ''): SourceFile {
  return { path, text, lineCounter: lineIndex(text), internal: [], diagnostics: [] };
}

/** Turns offsets into a place, using the file's line index. */
export function placeAt(file: Pick<SourceFile, 'lineCounter' | 'text'>, start: number, end = start + 1): Place {
  const s = Math.max(0, Math.min(start, file.text.length));
  const e = Math.max(s, Math.min(end, file.text.length));
  const a = file.lineCounter.linePos(s);
  const b = file.lineCounter.linePos(e);
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col, offset: s, endOffset: e };
}

/** Adds a load-stage error to a file, placed at an offset range when one is given. */
export function reportLoad(file: SourceFile, code: Code, start: number | undefined, end?: number, params: Params = {}): void {
  const d: Diagnostic = { code, severity: 'error', file: file.path, params, source: 'load' };
  if (start !== undefined) d.place = placeAt(file, start, end);
  file.diagnostics.push(d);
}
