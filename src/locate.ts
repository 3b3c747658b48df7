/**
 * Turns a data path back into the place it is written, through the file's
 * document (never by converting to JSON and counting lines). The loader
 * gives the file its `find`; a file read by the quick path has none, and
 * its places are the start of the file.
 */
import type { Place } from './diagnostics.js';
import { placeAt, type DataPath, type Found, type SourceFile } from './source.js';

/** Range of a value, falling back to its key for empty values (`key:` with nothing after). */
function rangeOf(found: Found): readonly [number, number] | undefined {
  const value = found.value;
  if (value && value[1] > value[0]) return value;
  if (found.key) return found.key;
  return value ? [value[0], value[0] + 1] : undefined;
}

/** The place of a value: its whole node (a scalar), or its first line (a collection). */
export function placeOfValue(file: SourceFile, path: DataPath): Place {
  if (!file.find) return placeAt(file, 0);
  const found = file.find(path);
  const range = rangeOf(found);
  if (!range) return placeAt(file, 0);
  return placeAt(file, range[0], firstLineEnd(file.text, range[0], range[1]));
}

/** The place of a key in a map, so that "unknown key" points at the key itself. */
export function placeOfKey(file: SourceFile, path: DataPath): Place {
  if (!file.find) return placeAt(file, 0);
  const found = file.find(path);
  const range = found.key ?? rangeOf(found);
  if (!range) return placeAt(file, 0);
  return placeAt(file, range[0], firstLineEnd(file.text, range[0], range[1]));
}

/**
 * The place of a map that lacks a key: the key that introduces the map
 * (`report:`), or the map's first key at the top of the file.
 */
export function placeOfParent(file: SourceFile, path: DataPath): Place {
  if (!file.find) return placeAt(file, 0);
  const found = file.find(path);
  if (found.key) return placeAt(file, found.key[0], found.key[1]);
  const range = rangeOf(found);
  if (!range) return placeAt(file, 0);
  // A list item: point at its first key.
  if (found.firstKey) return placeAt(file, found.firstKey[0], found.firstKey[1]);
  return placeAt(file, range[0], firstLineEnd(file.text, range[0], range[1]));
}

/** Keeps a caret on one line: a block's range ends at its first line's end. */
function firstLineEnd(text: string, start: number, end: number): number {
  const nl = text.indexOf('\n', start);
  const stop = nl >= 0 && nl < end ? nl : end;
  return text[stop - 1] === '\r' ? stop - 1 : stop;
}
