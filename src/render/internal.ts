/**
 * Values tagged `!internal` never reach a public output: they are removed
 * from a copy of the data before anything is derived or rendered.
 */
import type { DataPath, SourceFile } from '../load.js';

/** The file's data without its internal values (the file itself is untouched). */
export function publicData(file: Pick<SourceFile, 'data' | 'internal'>): unknown {
  if (file.internal.length === 0) return file.data;
  const copy = structuredClone(file.data);
  // Deepest and last first, so removing a list item does not shift the ones still to remove.
  const paths = [...file.internal].sort(comparePaths).reverse();
  for (const path of paths) remove(copy, path);
  // A list whose every item was internal is no list at all: drop it, as if it had not been written.
  for (const path of paths) {
    const list = path.slice(0, -1);
    if (typeof path.at(-1) === 'number' && isEmptyList(copy, list)) remove(copy, list);
  }
  return copy;
}

function comparePaths(a: DataPath, b: DataPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

function isEmptyList(root: unknown, path: DataPath): boolean {
  let node = root;
  for (const seg of path) node = (node as Record<string | number, unknown> | undefined)?.[seg];
  return Array.isArray(node) && node.length === 0;
}

function remove(root: unknown, path: DataPath): void {
  if (path.length === 0) return;
  let node = root as Record<string | number, unknown> | unknown[];
  for (const seg of path.slice(0, -1)) {
    const next = (node as Record<string | number, unknown>)[seg];
    if (!next || typeof next !== 'object') return;
    node = next as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete (node as Record<string | number, unknown>)[last];
}
