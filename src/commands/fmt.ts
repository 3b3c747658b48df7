/**
 * `visite fmt [--check] [paths…]`: rewrites visit files in canonical form —
 * keys in the schema's order, quotes only where YAML needs them, two-space
 * indentation — keeping every comment. The only command that changes a
 * source file, and it does so atomically. `--check` changes nothing and
 * exits 1 when a file would change (for CI).
 */
import { isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node as YamlNode } from 'yaml';
import { byPosition, type Diagnostic } from '../diagnostics.js';
import { writeAtomic } from '../export/write.js';
import { visitFilesOrExplain } from '../files.js';
import { formatPretty } from '../format/pretty.js';
import { loadFile } from '../load.js';
import type { Lang } from '../messages.js';
import { visitSchema } from '../schema/definition.js';
import { deref as derefIn, type SchemaNode } from '../schema/walk.js';

const deref = (node: unknown): SchemaNode | undefined => derefIn(visitSchema, node);

/** The object schema (with `properties`) among a node and its anyOf branches. */
function objectSchema(node: SchemaNode | undefined): SchemaNode | undefined {
  if (node?.properties) return node;
  return (node?.anyOf as unknown[] | undefined)?.map(deref).find((b) => b?.properties);
}

/** Reorders keys as the schema lists them (unknown keys last, in their order) and lets YAML choose quoting. */
function canonical(node: unknown, schema: SchemaNode | undefined): void {
  if (isMap(node)) {
    const object = objectSchema(schema);
    const order = Object.keys((object?.properties as SchemaNode | undefined) ?? {});
    const rank = (key: unknown): number => {
      const i = order.indexOf(isScalar(key) ? String(key.value) : '');
      return i < 0 ? order.length : i;
    };
    node.items = node.items.map((pair, i) => ({ pair, i })).sort((a, b) => rank(a.pair.key) - rank(b.pair.key) || a.i - b.i).map((x) => x.pair);
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isScalar(pair.key)) pair.key.type = Scalar.PLAIN;
      canonical(pair.value, deref((object?.properties as SchemaNode | undefined)?.[key]));
    }
  } else if (isSeq(node)) {
    for (const item of node.items) canonical(item, deref(schema?.items));
  } else if (isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.PLAIN)) {
    // Block scalars (>- and |) are the delegate's choice for long prose: kept as written.
    node.type = undefined;
  }
}

/** The canonical text of a parsed visit file. */
export function formatDocument(doc: Document.Parsed): string {
  canonical(doc.contents as YamlNode, deref(visitSchema));
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 88, minContentWidth: 40, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', doubleQuotedMinMultiLineLength: 1_000_000, flowCollectionPadding: false });
}

const words = {
  fr: {
    changed: (n: number) => `${n} fichier${n > 1 ? 's' : ''} mis en forme.`,
    wouldChange: (files: string[]) => `${files.length} fichier${files.length > 1 ? 's' : ''} à mettre en forme (lancez « visite fmt ») :\n${files.map((f) => `  ${f}`).join('\n')}`,
    clean: (n: number) => `${n} fichier${n > 1 ? 's' : ''} déjà en forme.`,
  },
  en: {
    changed: (n: number) => `${n} file${n !== 1 ? 's' : ''} formatted.`,
    wouldChange: (files: string[]) => `${files.length} file${files.length !== 1 ? 's' : ''} to format (run "visite fmt"):\n${files.map((f) => `  ${f}`).join('\n')}`,
    clean: (n: number) => `${n} file${n !== 1 ? 's' : ''} already formatted.`,
  },
};

/** Formats (or checks) the files; returns 0, 1 (would change, or unreadable YAML) or 2 (usage). */
export async function runFmt(o: { paths: string[]; check: boolean; lang: Lang; color: boolean; out: (t: string) => void; err: (t: string) => void }): Promise<number> {
  const w = words[o.lang];
  const files = await visitFilesOrExplain(o.paths, o.lang, o.err);
  if (!files) return 2;
  const changed: string[] = [];
  const broken: { file: string; text: string; diagnostics: Diagnostic[]; valid: boolean }[] = [];
  for (const path of files) {
    const file = await loadFile(path);
    if (!file.doc || file.diagnostics.length > 0) {
      broken.push({ file: path, text: file.text, diagnostics: file.diagnostics.sort(byPosition), valid: false });
      continue;
    }
    const formatted = formatDocument(file.doc);
    if (formatted === file.text) continue;
    changed.push(path);
    if (!o.check) await writeAtomic(path, formatted);
  }
  if (broken.length > 0) o.out(formatPretty(broken, o.lang, o.color));
  if (o.check) o.out(`${changed.length > 0 ? w.wouldChange(changed) : w.clean(files.length - broken.length)}\n`);
  else o.out(`${changed.length > 0 ? w.changed(changed.length) : w.clean(files.length - broken.length)}\n`);
  return broken.length > 0 || (o.check && changed.length > 0) ? 1 : 0;
}
