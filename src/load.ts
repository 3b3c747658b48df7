/**
 * Stage 1c, the full loader: text (from `read.ts`) → YAML document with a
 * line counter → plain data. The document is kept, and the file's `find`
 * turns any data path back into a line and column. The reference for every
 * place and message; `load-quick.ts` only reads plain files faster. Nothing
 * here throws on bad input: problems are diagnostics.
 */
import {
  isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument,
  YAMLMap, YAMLSeq, type Document, type Node as YamlNode, type ScalarTag, type CollectionTag,
} from 'yaml';
import type { Code, Params } from './diagnostics.js';
import { readSource } from './read.js';
import {
  MAX_ALIASES, MAX_DEPTH, lineIndex, reportLoad as report, type DataPath, type Found, type SourceFile,
} from './source.js';
import { resolveCoreScalar } from './yaml-core.js';

export { MAX_ALIASES, MAX_BYTES, MAX_DEPTH, placeAt, type DataPath, type SourceFile } from './source.js';

/** At most this many YAML syntax problems are listed for one file. */
const MAX_SYNTAX_DIAGNOSTICS = 20;

/** The `!internal` tag marks any value as kept out of public outputs. */
const INTERNAL = '!internal';

const internalTags: (ScalarTag | CollectionTag)[] = [
  // A tagged scalar reads as an untagged one would, so `!internal 12` stays a number.
  { tag: INTERNAL, identify: () => false, resolve: resolveCoreScalar },
  { tag: INTERNAL, collection: 'map', nodeClass: YAMLMap, identify: () => false },
  { tag: INTERNAL, collection: 'seq', nodeClass: YAMLSeq, identify: () => false },
];

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

/** The opening quote of an unterminated string, so the caret points where the string starts. */
function openingQuote(text: string, pos: number, message: string): number {
  const quote = message.includes('"') ? '"' : "'";
  const at = text.lastIndexOf(quote, pos - 1);
  return at >= 0 ? at : pos;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** Follows a data path through maps, lists and aliases, as far as it goes; returns the ranges found there. */
function find(doc: Document.Parsed, path: DataPath): Found {
  let node = doc.contents as YamlNode | null;
  let key: YamlNode | undefined;
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
  }
  const found: { -readonly [K in keyof Found]: Found[K] } = {};
  if (node?.range) found.value = [node.range[0], node.range[1]];
  if (key?.range) found.key = [key.range[0], key.range[1]];
  const first = isMap(node) ? (node.items[0]?.key as YamlNode | null | undefined) : undefined;
  if (first?.range) found.firstKey = [first.range[0], first.range[1]];
  return found;
}

/** Parses already-decoded text. Used by `loadFile` and by editors' previews. */
export function parseVisitText(path: string, raw: string): SourceFile {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const lineCounter = new LineCounter();
  const file: SourceFile = { path, text, lineCounter, internal: [], diagnostics: [] };
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    // The YAML parser will not see this text: index its lines here.
    file.lineCounter = lineIndex(text);
    report(file, 'file-not-utf8', nul);
    return file;
  }
  const doc = parseDocument(text, {
    // yaml's own duplicate-key check is quadratic in the size of a map; ours below is linear.
    lineCounter, prettyErrors: false, uniqueKeys: false, customTags: internalTags, keepSourceTokens: false,
  });
  file.doc = doc;
  file.find = (path) => find(doc, path);
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
      // yaml ran out of stack, at a depth that depends on the caller's stack:
      // point at the first collection too deep instead, the same on every run.
      if (!deep) {
        const at = tooDeep(doc.contents)?.range?.[0] ?? problem.pos[0];
        report(file, code, at, at + 1, { max: MAX_DEPTH });
      }
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
  const read = await readSource(path);
  return 'failed' in read ? read.failed : parseVisitText(path, read.text);
}
