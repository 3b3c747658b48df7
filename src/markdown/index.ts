/**
 * Stage 5, markdown: the Markdown a house style produced goes through one
 * unified pipeline — parse, French typography, legal links — and is printed
 * back in one canonical form, so every output says the same thing.
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

/** Parses, applies the house rules, and returns the tree (for HTML and PDF) and its Markdown. */
export function processMarkdown(markdown: string, options: MarkdownOptions = {}): { tree: Root; markdown: string } {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkLegalLinks, { refs: options.refs ?? [] })
    .use(remarkFrenchTypography)
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true, listItemIndent: 'one' });
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  return { tree, markdown: processor.stringify(tree) };
}
