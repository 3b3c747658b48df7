/**
 * Stage 5, markdown: the Markdown a house style produced goes through one
 * unified pipeline — parse, French typography, legal links — into the tree
 * every output is made from (printed back in one canonical form for the
 * `.md`), so every output says the same thing.
 */
import type { Root } from 'mdast';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';
import type { Legal } from '../schema/types.js';
import { remarkLegalLinks } from './legal.js';
import { quickParse } from './parse-quick.js';
import { remarkFrenchTypography } from './typography.js';

/** Options of the Markdown stage. */
export interface MarkdownOptions {
  /** Legal references the visit declares, so mentions link to the exact text. */
  refs?: readonly Legal[];
}

/**
 * The GFM a house style's output needs: tables, and the strikethrough a
 * delegate may write. The rest of GFM (bare-URL links, footnotes, task
 * lists) costs as much again to parse and has nothing to find there: the
 * delegate's prose was parsed with all of GFM (`inline.ts`) and printed
 * back, so its links are explicit and the rest is escaped.
 */
function remarkHouseGfm(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown());
}

/** The document's tree as remark-parse reads it: the reference, and the reader of what the quick path declines. */
export function remarkTree(markdown: string): Root {
  return unified().use(remarkParse).use(remarkHouseGfm).parse(markdown);
}

/**
 * Parses and applies the house rules: the tree every output is made from.
 * The quick parser reads what it can (`parse-quick.ts`); remark-parse the rest.
 */
export function parseMarkdown(markdown: string, options: MarkdownOptions = {}): Root {
  const tree = quickParse(markdown) ?? remarkTree(markdown);
  return unified()
    .use(remarkLegalLinks, { refs: options.refs ?? [] })
    .use(remarkFrenchTypography)
    .runSync(tree) as Root;
}

/** The tree printed back in one canonical form: the `.md` output (printed only when asked for). */
export function printMarkdown(tree: Root): string {
  return unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true, listItemIndent: 'one' })
    .stringify(tree);
}
