/**
 * Stage 1, load: bytes → text → YAML document with a line counter → plain data.
 * The document is kept so that any data path can be turned back into a
 * line and column. Nothing here throws on bad input: problems are diagnostics.
 */
import { readFile, stat } from 'node:fs/promises';
import {
  isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument,
  YAMLMap, YAMLSeq, type Document, type Node as YamlNode, type ScalarTag, type CollectionTag,
} from 'yaml';
import type { Code, Diagnostic, Params, Place } from './diagnostics.js';

/** Files larger than this are refused before they are read. */
export const MAX_BYTES = 1024 * 1024;
/** Aliases expanded at most this many times (stops "billion laughs"). */
export const MAX_ALIASES = 100;
/** Deeper nesting than this is refused (a visit file needs about 10). */
export const MAX_DEPTH = 64;
/** At most this many YAML syntax problems are listed for one file. */
const MAX_SYNTAX_DIAGNOSTICS = 20;

/** Path of a value in the data: map keys and list indexes. */
export type DataPath = readonly (string | number)[];

/** A visit file as it moves through the pipeline. */
export interface SourceFile {
  /** Path as the user gave it. */
  path: string;
  /** Decoded text, byte-order mark removed. */
  text: string;
  lineCounter: LineCounter;
  /** The parsed document; absent when the file could not be read. */
  doc?: Document.Parsed;
  /** Plain data; absent when the YAML is broken. */
  data?: unknown;
  /** Paths of the values tagged `!internal` (never published). */
  internal: DataPath[];
  diagnostics: Diagnostic[];
}

/** The `!internal` tag marks any value as kept out of public outputs. */
const INTERNAL = '!internal';

/** Resolves a plain scalar the way YAML 1.2's core schema does, so `!internal 12` stays a number. */
function resolveCore(source: string): unknown {
  if (/^(?:~|null|Null|NULL)?$/.test(source)) return null;
  if (/^(?:true|True|TRUE)$/.test(source)) return true;
  if (/^(?:false|False|FALSE)$/.test(source)) return false;
  if (/^[-+]?[0-9]+$/.test(source)) return Number.parseInt(source, 10);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(source)) return Number.parseFloat(source);
  return source;
}

const internalTags: (ScalarTag | CollectionTag)[] = [
  { tag: INTERNAL, identify: () => false, resolve: resolveCore },
  { tag: INTERNAL, collection: 'map', nodeClass: YAMLMap, identify: () => false },
  { tag: INTERNAL, collection: 'seq', nodeClass: YAMLSeq, identify: () => false },
];

/** Turns offsets into a place, using the file's line counter. */
export function placeAt(file: Pick<SourceFile, 'lineCounter' | 'text'>, start: number, end = start + 1): Place {
  const s = Math.max(0, Math.min(start, file.text.length));
  const e = Math.max(s, Math.min(end, file.text.length));
  const a = file.lineCounter.linePos(s);
  const b = file.lineCounter.linePos(e);
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col, offset: s, endOffset: e };
}

function report(file: SourceFile, code: Code, start: number | undefined, end?: number, params: Params = {}): void {
  const d: Diagnostic = { code, severity: 'error', file: file.path, params, source: 'load' };
  if (start !== undefined) d.place = placeAt(file, start, end);
  file.diagnostics.push(d);
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return -1;
}

const yamlCodes: Record<string, Code> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab-indent',
  BAD_INDENT: 'yaml-bad-indent',
  MULTILINE_IMPLICIT_KEY: 'yaml-bad-indent',
  BLOCK_AS_IMPLICIT_KEY: 'yaml-bad-indent',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
  TAG_RESOLVE_FAILED: 'yaml-unknown-tag',
  RESOURCE_EXHAUSTION: 'yaml-too-deep',
};

/** Keys that repeat an earlier key of the same map, in document order (iterative, linear). */
function duplicateKeys(root: unknown): YamlNode[] {
  const found: YamlNode[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (isScalar(key)) {
          const name = `${typeof key.value}:${String(key.value)}`;
          if (seen.has(name)) found.push(key);
          seen.add(name);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) stack.push(...node.items);
  }
  return found.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}

/** The first collection nested deeper than MAX_DEPTH, found without recursion; undefined when none is. */
function tooDeep(root: unknown): YamlNode | undefined {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) return node;
    for (const item of [...node.items].reverse()) {
      if (isPair(item)) stack.push([item.value, depth + 1], [item.key, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/** Paths of every node tagged `!internal`. */
function internalPaths(doc: Document.Parsed): DataPath[] {
  const out: DataPath[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as YamlNode;
    if ((isScalar(n) || isCollection(n)) && n.tag === INTERNAL) out.push(path);
    if (isMap(n)) {
      for (const pair of n.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return out;
}

/** From an offset on a line, the first word after the indentation (what a reader sees as out of line). */
function wordAt(text: string, offset: number): [number, number] {
  let start = offset;
  while (text[start] === ' ' || text[start] === '\t') start++;
  let end = start;
  while (end < text.length && !/[\s:]/.test(text[end]!)) end++;
  return [start, Math.max(end, start + 1)];
}

/** The whole key starting at an offset (yaml marks only its first character). */
function keyAt(text: string, offset: number): [number, number] {
  const m = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n#]*?)(?=\s*:(\s|$))/.exec(text.slice(offset, offset + 1100));
  return [offset, offset + Math.max(1, (m?.[1] ?? ' ').trimEnd().length)];
}

/** Fills the line counter of a file that the YAML parser will not see. */
function countLines(file: SourceFile): void {
  file.lineCounter.addNewLine(0);
  for (let i = file.text.indexOf('\n'); i >= 0; i = file.text.indexOf('\n', i + 1)) file.lineCounter.addNewLine(i + 1);
}

/** The opening quote of an unterminated string, so the caret points where the string starts. */
function openingQuote(text: string, pos: number, message: string): number {
  const quote = message.includes('"') ? '"' : "'";
  const at = text.lastIndexOf(quote, pos - 1);
  return at >= 0 ? at : pos;
}

/** Parses already-decoded text. Used by `loadFile` and by editors' previews. */
export function parseVisitText(path: string, raw: string): SourceFile {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const lineCounter = new LineCounter();
  const file: SourceFile = { path, text, lineCounter, internal: [], diagnostics: [] };
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    countLines(file);
    report(file, 'file-not-utf8', nul);
    return file;
  }
  const doc = parseDocument(text, {
    // yaml's own duplicate-key check is quadratic in the size of a map; ours below is linear.
    lineCounter, prettyErrors: false, uniqueKeys: false, customTags: internalTags, keepSourceTokens: false,
  });
  file.doc = doc;
  let syntax = 0;
  let deep = false;
  let lastIndentLine = -2;
  const problems = [...doc.errors, ...doc.warnings];
  // yaml reports one bad indentation several ways: keep the clearest.
  const multiline = new Set(problems.filter((p) => p.code === 'MULTILINE_IMPLICIT_KEY').map((p) => p.pos[0]));
  for (const problem of problems) {
    if (problem.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.has(problem.pos[0])) continue;
    const isQuote = problem.code === 'MISSING_CHAR' && problem.message.includes('quote');
    let code: Code = yamlCodes[problem.code] ?? (problem.code === 'MISSING_CHAR' && !isQuote ? 'yaml-bad-indent' : 'yaml-syntax');
    if (isQuote) code = 'yaml-unterminated-string';
    if (code === 'yaml-too-deep') {
      if (!deep) report(file, code, problem.pos[0], problem.pos[1], { max: MAX_DEPTH });
      deep = true;
      continue;
    }
    let [start, end] = problem.pos;
    const params: Params = {};
    if (isQuote) [start, end] = [openingQuote(text, start, problem.message), start];
    if (code === 'yaml-bad-indent') {
      // Point at the key that is out of line: for a key read as part of a
      // multi-line value, the start of the range's last line.
      if (problem.code === 'MULTILINE_IMPLICIT_KEY') start = text.lastIndexOf('\n', end - 1) + 1;
      [start, end] = wordAt(text, start);
      const line = lineCounter.linePos(start).line;
      if (line - lastIndentLine <= 1) continue;
      lastIndentLine = line;
    }
    if (code === 'yaml-duplicate-key') {
      [start, end] = keyAt(text, start);
      params.key = text.slice(start, end);
    }
    if (code === 'yaml-unknown-tag') params.tag = text.slice(start, end).split(/\s/)[0] ?? '';
    if (code === 'yaml-syntax') params.detail = problem.message.split('\n')[0] ?? '';
    if (++syntax > MAX_SYNTAX_DIAGNOSTICS) break;
    report(file, code, start, end, params);
  }
  for (const key of duplicateKeys(doc.contents)) {
    const [start, end] = key.range ?? [0, 1];
    report(file, 'yaml-duplicate-key', start, end, { key: isScalar(key) ? String(key.value) : text.slice(start, end) });
  }
  if (file.diagnostics.length > 0) return file;
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    report(file, 'file-empty', 0, Math.min(1, text.length));
    return file;
  }
  const deepest = tooDeep(doc.contents);
  if (deepest) {
    const at = deepest.range?.[0] ?? 0;
    report(file, 'yaml-too-deep', at, at + 1, { max: MAX_DEPTH });
    return file;
  }
  try {
    file.data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    // toJS only throws on alias expansion past the limit: point at the first alias.
    let at = 0;
    const stack: unknown[] = [doc.contents];
    while (stack.length > 0) {
      const node = stack.pop();
      if (isAlias(node)) { at = node.range?.[0] ?? 0; break; }
      if (isPair(node)) stack.push(node.value, node.key);
      else if (isCollection(node)) stack.push(...[...node.items].reverse());
    }
    report(file, 'yaml-alias-limit', at, at + 1, { max: MAX_ALIASES });
    return file;
  }
  file.internal = internalPaths(doc);
  return file;
}

/** Reads and parses one visit file. Never throws. */
export async function loadFile(path: string): Promise<SourceFile> {
  const empty: SourceFile = { path, text: '', lineCounter: new LineCounter(), internal: [], diagnostics: [] };
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.size > MAX_BYTES) {
      empty.diagnostics.push({
        code: 'file-too-large', severity: 'error', file: path, source: 'load',
        params: { size: info.size, max: MAX_BYTES },
      });
      return empty;
    }
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
    empty.diagnostics.push({ code: 'file-unreadable', severity: 'error', file: path, source: 'load', params: { reason } });
    return empty;
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    // Show the text up to the bad byte, so the place is right.
    const file = { ...empty, text: new TextDecoder('utf-8').decode(bytes.subarray(0, bad)) };
    countLines(file);
    report(file, 'file-not-utf8', file.text.length);
    return file;
  }
  return parseVisitText(path, new TextDecoder('utf-8').decode(bytes));
}
