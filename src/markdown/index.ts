/**
 * Stage 5, markdown: the Markdown a house style produced goes through one
 * unified pipeline — parse, French typography, legal links — into the tree
 * every output is made from (printed back in one canonical form for the
 * `.md`), so every output says the same thing.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Legal } from '../schema/types.js';
import { remarkLegalLinks } from './legal.js';
import { remarkFrenchTypography } from './typography.js';

/** Options of the Markdown stage. */
export interface MarkdownOptions {
  /** Legal references the visit declares, so mentions link to the exact text. */
  refs?: readonly Legal[];
}

/** Parses and applies the house rules: the tree every output is made from. */
export function parseMarkdown(markdown: string, options: MarkdownOptions = {}): Root {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkLegalLinks, { refs: options.refs ?? [] })
    .use(remarkFrenchTypography);
  return processor.runSync(processor.parse(markdown)) as Root;
}

/** The tree printed back in one canonical form: the `.md` output (printed only when asked for). */
export function printMarkdown(tree: Root): string {
  return unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true, listItemIndent: 'one' })
    .stringify(tree);
}
