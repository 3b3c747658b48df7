/**
 * Stage 1b, the quick path of load: a plain visit file (no anchors, aliases,
 * directives or tags but `!internal`) read with js-yaml, about ten times
 * faster than the full loader and without loading it. It gives data and
 * internal paths, no document: whoever gets a diagnostic from it must load
 * the file again with the full loader (`load.ts`), which is the reference
 * for every place and every message. Anything unusual returns undefined.
 */
import { FAILSAFE_SCHEMA, load, Type, type LoadOptions } from 'js-yaml';
import { lineIndex, MAX_DEPTH, type DataPath, type SourceFile } from './source.js';
import { resolveCoreScalar } from './yaml-core.js';

/** A value tagged `!internal`, until its path is noted. */
class Internal {
  constructor(readonly value: unknown) {}
}

/**
 * A plain scalar that is not a string (number, boolean, null), until the
 * tree is walked. Boxed so that such a scalar used as a key shows: js-yaml
 * turns keys into strings its own way (`~:` gives "null" where yaml gives
 * ""), so a map with one is left to the full loader.
 */
class Core {
  constructor(readonly value: unknown) {}
}

const INTERNAL = '!internal';
/** What js-yaml makes of a key that is not a string (an object: `Core`, `Internal`), and of an empty key. */
const NOT_A_STRING_KEY = new Set(['[object Object]', 'null']);

const schema = FAILSAFE_SCHEMA.extend({
  // Plain scalars read as YAML 1.2 core, exactly as the full loader reads them.
  implicit: [new Type('tag:visite.invalid,2026:core', {
    kind: 'scalar',
    resolve: (source: string) => typeof resolveCoreScalar(source) !== 'string',
    construct: (source: string) => new Core(resolveCoreScalar(source)),
  })],
  explicit: [
    // A tagged scalar reads as an untagged one would, quoted or not, as in the full loader. A tag on
    // nothing reaches whichever of these js-yaml picks, with null: it is an empty scalar.
    new Type(INTERNAL, { kind: 'scalar', construct: (source: string | null) => new Internal(resolveCoreScalar(source ?? '')) }),
    new Type(INTERNAL, { kind: 'sequence', construct: (items: unknown[] | null) => new Internal(items ?? resolveCoreScalar('')) }),
    new Type(INTERNAL, { kind: 'mapping', construct: (map: object | null) => new Internal(map ?? resolveCoreScalar('')) }),
  ],
});

/** js-yaml 4.2+ stops at this nesting depth (its types predate the option). */
const options: LoadOptions & { maxDepth: number } = { schema, json: false, maxDepth: MAX_DEPTH };

/**
 * What the quick path leaves to the full loader: directives (a `%YAML 1.1`
 * changes how scalars read); anchors, aliases and tags other than
 * `!internal` where a node may start (line start; after `: `, `- ` or `? `,
 * since without the space they are text, as in « ?! »; after a quote and
 * `:`, as in `{"a":*x}`; after `[`, `{` or `,`); tabs (yaml refuses them in places where js-yaml takes them
 * as spaces); carriage returns not followed by a line feed, and byte-order
 * marks past the first character (the two parsers read those differently).
 * Prose such as « Attention ! » or « R & D » does not match; a false alarm
 * only costs the full loader.
 */
const UNUSUAL = new RegExp([
  /^%/,
  /(?:^[ \t]*|[:?-][ \t]+|["']:|[[{,][ \t]*)(?:[&*]|!(?!internal(?:[ \t\]},]|$)))/,
  // A key that is a collection (explicit `? `, or `[a]: `): js-yaml makes a string of it its own way.
  /^[ -]*\?(?: |$)|[[{,] *\?(?: |$)|[\]}] *:(?: |[,\]}]|$)/,
  // A comment stuck to a flow collection or to a closing quote (`"a"#`; not `"#1f3a93"`):
  // yaml refuses it, js-yaml does not.
  /[\]}]#|[^\s[{,]["']#/,
  /\t|\r(?!\n)|\ufeff/,
].map((r) => r.source).join('|'), 'm');

/** Whether a line opens more brackets (`[`, `{`) than it closes. */
function opened(line: string): boolean {
  let depth = 0;
  for (const c of line) {
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth > 0;
}

/** A quote that starts a scalar: at the start of a line or entry, after `: `, `? `, `[`, `{` or `,`. */
const QUOTE_START = /(?:^ *(?:- +)*|[:?] +|[[{,] *)(["'])/g;

/** Whether a line starts a quoted scalar that it does not close (escapes: `\"` in double quotes, `''` in single). */
function quoteLeftOpen(line: string): boolean {
  QUOTE_START.lastIndex = 0;
  for (let m = QUOTE_START.exec(line); m; m = QUOTE_START.exec(line)) {
    const quote = m[1]!;
    let i = m.index + m[0].length;
    for (;; i++) {
      if (i >= line.length) return true;
      if (quote === '"' && line[i] === '\\') i++;
      else if (line[i] === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else break;
      }
    }
    QUOTE_START.lastIndex = i + 1;
  }
  return false;
}

/**
 * Whether the layout is one the two parsers may read differently: a
 * document marker (`---`, `...`, or a line that starts like one) anywhere
 * but a `---` before the content
 * (yaml may see two documents where js-yaml sees one), or a comment line
 * less indented than the line after it (yaml then ends the block and
 * reports the rest, where js-yaml reads on), or a first line indented, or
 * a line that leaves a bracket or a quoted scalar open.
 */
function unusualLayout(text: string): boolean {
  const lines = text.split('\n');
  let marker = false;
  let content = false;
  for (const line of lines) {
    if (/^(?:---|\.\.\.)/.test(line)) {
      // `----` or `---#` is text to yaml, a marker to js-yaml.
      if (marker || content || line.startsWith('...') || !/^---(?:\s|$)/.test(line)) return true;
      marker = true;
    } else if (!/^\s*(?:#|$)/.test(line)) {
      // A visit starts at the left margin; an indented first line is left to yaml's judgement.
      if (!content && /^\s/.test(line)) return true;
      // A flow collection or a quoted scalar left open runs on the next lines, where the two parsers
      // ask different indentations.
      if ((/[[{]/.test(line) && opened(line)) || (/["']/.test(line) && quoteLeftOpen(line))) return true;
      content = true;
    }
  }
  // From the end, so that each line is looked at once: the indentation of the next line with content.
  let next = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const comment = /^( *)#/.exec(line);
    if (comment) {
      if (next > comment[1]!.length) return true;
    } else if (!/^\s*$/.test(line)) next = /^ */.exec(line)![0].length;
  }
  return false;
}

/**
 * Replaces the boxes by their values, noting the paths of internal ones in
 * document order (iterative). Returns undefined when a key was not a string.
 */
function unbox(root: unknown, internal: DataPath[]): unknown {
  const top = { root };
  const stack: [Record<string | number, unknown>, string | number, DataPath][] = [[top, 'root', []]];
  while (stack.length > 0) {
    const [holder, key, path] = stack.pop()!;
    let value = holder[key];
    if (value instanceof Internal) {
      internal.push(path);
      value = value.value;
    }
    if (value instanceof Core) value = value.value;
    holder[key] = value;
    if (value === null || typeof value !== 'object') continue;
    const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      if (typeof k === 'string' && NOT_A_STRING_KEY.has(k)) return undefined;
      stack.push([value as Record<string | number, unknown>, k, [...path, k]]);
    }
  }
  return top.root;
}

/** The file read by the quick path, or undefined when only the full loader can read it. */
export function quickLoad(path: string, raw: string): SourceFile | undefined {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.includes('\u0000') || UNUSUAL.test(text) || unusualLayout(text)) return undefined;
  let data: unknown;
  try {
    // Duplicate keys, aliases and deep nesting throw: the full loader says where.
    data = load(text, options);
  } catch {
    return undefined;
  }
  const internal: DataPath[] = [];
  data = unbox(data, internal);
  // An empty file, a lone scalar or a wholly internal file: the full loader has something to say.
  if (data === null || data === undefined || typeof data !== 'object' || internal.some((p) => p.length === 0)) return undefined;
  return { path, text, lineCounter: lineIndex(text), data, internal, diagnostics: [] };
}
