/**
 * Stage 1b, the quick path of load: a plain visit file (no anchors, aliases,
 * directives or tags but `!internal`) read with js-yaml, about ten times
 * faster than the full loader and without loading it. It gives data and
 * internal paths, no document: whoever gets a diagnostic from it must load
 * the file again with the full loader (`load.ts`), which is the reference
 * for every place and every message. Anything unusual returns undefined.
 */
import {
  defineMappingTag, defineScalarTag, defineSequenceTag, FAILSAFE_SCHEMA, load, mapTag, NOT_RESOLVED, seqTag,
} from 'js-yaml';
import { lineIndex, MAX_DEPTH, type DataPath, type SourceFile } from './source.js';
import { resolveCoreScalar } from './yaml-core.js';

/** A value tagged `!internal`, until its path is noted. */
class Internal {
  constructor(readonly value: unknown) {}
}

const INTERNAL = '!internal';
const loadOnly = (): boolean => false;

// A key that is not a string (`12:`, `~:`, `? [a]`) is turned into one
// differently by each parser: leave such maps to the full loader.
const stringKeys = (key: unknown): string => (typeof key === 'string' ? '' : 'non-string key');

const schema = FAILSAFE_SCHEMA.withTags(
  defineMappingTag<Record<string, unknown>, Record<string, unknown>>(mapTag.tagName, {
    ...mapTag,
    addPair: (map, key, value) => stringKeys(key) || mapTag.addPair(map, key, value),
  }),
  defineScalarTag('tag:visite.invalid,2026:core', {
    implicit: true,
    implicitFirstChars: null,
    identify: loadOnly,
    // Implicit only: written as an explicit tag, it is an unknown tag (the full loader says so).
    resolve: (source, explicit) => {
      if (explicit) return NOT_RESOLVED;
      const value = resolveCoreScalar(source);
      return typeof value === 'string' ? NOT_RESOLVED : value;
    },
  }),
  defineScalarTag(INTERNAL, { identify: loadOnly, resolve: (source) => new Internal(resolveCoreScalar(source)) }),
  defineSequenceTag(INTERNAL, { ...seqTag, identify: loadOnly, finalize: (items) => new Internal(seqTag.finalize(items)) }),
  defineMappingTag<Record<string, unknown>, Internal>(INTERNAL, {
    create: mapTag.create, has: mapTag.has, identify: loadOnly,
    addPair: (map, key, value) => stringKeys(key) || mapTag.addPair(map, key, value),
    finalize: (map) => new Internal(mapTag.finalize(map)),
    // Only merge keys (`<<`) read these, and this schema has none.
    keys: () => [], get: () => undefined,
  }),
);

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
const UNUSUAL = /^%|(?:^[ \t]*|[:?-][ \t]+|["']:|[[{,][ \t]*)(?:[&*]|!(?!internal(?:[ \t\]},]|$)))|\t|\r(?!\n)|\ufeff/m;

/**
 * Whether the layout is one the two parsers may read differently: a
 * document marker (`---`, `...`) anywhere but a `---` before the content
 * (yaml may see two documents where js-yaml sees one), or a comment line
 * less indented than the line after it (yaml then ends the block and
 * reports the rest, where js-yaml reads on), or a first line indented.
 */
function unusualLayout(text: string): boolean {
  const lines = text.split('\n');
  let marker = false;
  let content = false;
  for (const line of lines) {
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(line)) {
      if (marker || content || line.startsWith('...')) return true;
      marker = true;
    } else if (!/^\s*(?:#|$)/.test(line)) {
      // A visit starts at the left margin; an indented first line is left to yaml's judgement.
      if (!content && /^\s/.test(line)) return true;
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

/** Replaces the `Internal` boxes by their values, noting their paths in document order (iterative). */
function unbox(root: unknown, internal: DataPath[]): unknown {
  const top = { root };
  const stack: [Record<string | number, unknown>, string | number, DataPath][] = [[top, 'root', []]];
  while (stack.length > 0) {
    const [holder, key, path] = stack.pop()!;
    let value = holder[key];
    if (value instanceof Internal) {
      internal.push(path);
      value = holder[key] = value.value;
    }
    if (value === null || typeof value !== 'object') continue;
    const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) stack.push([value as Record<string | number, unknown>, keys[i]!, [...path, keys[i]!]]);
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
    data = load(text, { schema, json: false, maxAliases: 0, maxDepth: MAX_DEPTH });
  } catch {
    return undefined;
  }
  const internal: DataPath[] = [];
  if (text.includes(INTERNAL)) data = unbox(data, internal);
  // An empty file, a lone scalar or a wholly internal file: the full loader has something to say.
  if (data === null || data === undefined || typeof data !== 'object' || internal.some((p) => p.length === 0)) return undefined;
  return { path, text, lineCounter: lineIndex(text), data, internal, diagnostics: [] };
}
