/**
 * Turns a data path back into the YAML node it came from, walking the
 * document itself (never by converting to JSON and counting lines).
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { Place } from './diagnostics.js';
import { placeAt, type DataPath, type SourceFile } from './load.js';

/** What a path leads to: the value's node and, when it sits in a map, its key's node. */
export interface Located {
  node?: YamlNode;
  key?: YamlNode;
  /** How many path segments were found (all of them when the path exists). */
  depth: number;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** Follows a path through maps, lists and aliases, as far as it goes. */
export function locate(doc: Document.Parsed, path: DataPath): Located {
  let node = doc.contents as YamlNode | null;
  let key: YamlNode | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc) ?? null;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) break;
      key = pair.key as YamlNode;
      node = (pair.value as YamlNode | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as YamlNode | undefined;
      if (!item) break;
      key = undefined;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node: node ?? undefined, key, depth };
}

/** Range of a node, falling back to its key for empty values (`key:` with nothing after). */
function rangeOf(found: Located): [number, number] | undefined {
  const value = found.node?.range;
  if (value && value[1] > value[0]) return [value[0], value[1]];
  const key = found.key?.range;
  if (key) return [key[0], key[1]];
  return value ? [value[0], value[0] + 1] : undefined;
}

/** The place of a value: its whole node (a scalar), or its first line (a collection). */
export function placeOfValue(file: SourceFile, path: DataPath): Place {
  if (!file.doc) return placeAt(file, 0);
  const found = locate(file.doc, path);
  const range = rangeOf(found);
  if (!range) return placeAt(file, 0);
  return placeAt(file, range[0], firstLineEnd(file.text, range[0], range[1]));
}

/** The place of a key in a map, so that "unknown key" points at the key itself. */
export function placeOfKey(file: SourceFile, path: DataPath): Place {
  if (!file.doc) return placeAt(file, 0);
  const found = locate(file.doc, path);
  const range = found.key?.range ?? rangeOf(found);
  if (!range) return placeAt(file, 0);
  return placeAt(file, range[0], firstLineEnd(file.text, range[0], range[1]));
}

/**
 * The place of a map that lacks a key: the key that introduces the map
 * (`report:`), or the map's first key at the top of the file.
 */
export function placeOfParent(file: SourceFile, path: DataPath): Place {
  if (!file.doc) return placeAt(file, 0);
  const found = locate(file.doc, path);
  if (found.key?.range) return placeAt(file, found.key.range[0], found.key.range[1]);
  const range = rangeOf(found);
  if (!range) return placeAt(file, 0);
  // A list item: point at its first key.
  if (isMap(found.node) && found.node.items[0]) {
    const first = found.node.items[0].key as YamlNode | null;
    if (first?.range) return placeAt(file, first.range[0], first.range[1]);
  }
  return placeAt(file, range[0], firstLineEnd(file.text, range[0], range[1]));
}

/** Keeps a caret on one line: a block's range ends at its first line's end. */
function firstLineEnd(text: string, start: number, end: number): number {
  const nl = text.indexOf('\n', start);
  const stop = nl >= 0 && nl < end ? nl : end;
  return text[stop - 1] === '\r' ? stop - 1 : stop;
}
