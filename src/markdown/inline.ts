/**
 * Prose written by a delegate is inline Markdown: emphasis, code and links
 * are kept; everything else is made inert text. The result is safe anywhere
 * in a Markdown document — at the start of a line, in a list item, in a table
 * cell — because it is one line, starts with no block marker, and escapes `|`.
 */
import type { Link, PhrasingContent, Root, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

/** Link protocols a bulletin may carry. */
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

const parser = unified().use(remarkParse).use(remarkGfm);
const printer = unified().use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true }).use(remarkGfm);

const text = (value: string): Text => ({ type: 'text', value });

/** Keeps the inline nodes a bulletin needs; turns the rest into their own text. */
function cleanInline(nodes: readonly RootContent[], source: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out.push(node);
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        out.push({ ...node, children: cleanInline(node.children, source) } as PhrasingContent);
        break;
      case 'link': {
        const children = cleanInline(node.children, source);
        if (SAFE_URL.test(node.url)) out.push({ type: 'link', url: node.url, title: null, children } satisfies Link);
        else out.push(...children);
        break;
      }
      case 'break':
        out.push(text(' '));
        break;
      case 'image':
        // No remote images in a bulletin: keep the description.
        if (node.alt) out.push(text(node.alt));
        break;
      case 'html':
        // Raw HTML is shown as the text that was written, never passed on.
        out.push(text(node.value));
        break;
      default: {
        // Footnote references, link references and the like: keep what was written.
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start !== undefined && end !== undefined) out.push(text(source.slice(start, end)));
      }
    }
  }
  return out;
}

/** The inline content of a parsed one-line text: paragraphs unwrapped, other blocks taken literally. */
function inlineOf(tree: Root, source: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const block of tree.children) {
    if (block.type === 'paragraph') out.push(...cleanInline(block.children, source));
    else {
      // A heading, list, quote, rule or fence made by the text's first characters: keep them as text.
      const start = block.position?.start.offset ?? 0;
      const end = block.position?.end.offset ?? source.length;
      out.push(text(source.slice(start, end)));
    }
  }
  return out;
}

/** Escapes what the stringifier leaves alone but a table cell would take as structure. */
function escapePipes(markdown: string): string {
  return markdown.replace(/(^|[^\\])\|/g, '$1\\|').replace(/(^|[^\\])\|/g, '$1\\|');
}

/**
 * Text with nothing Markdown could read as syntax: no markup character, no
 * entity, no autolink, and no block marker at the start. Most prose is like
 * this, and is its own safe form: parsing it would give it back unchanged.
 */
const PLAIN = /^(?![-+>#=\d]|\s)(?:(?![*_`[\]<>&|\\~!{}]|www\.|:\/\/|@).)*$/su;

/** Inline Markdown from a delegate's prose, safe to place anywhere in a document. */
export function safeInline(prose: string): string {
  const oneLine = prose.replace(/\s+/g, ' ').trim();
  if (oneLine === '') return '';
  if (PLAIN.test(oneLine)) return oneLine;
  const tree = parser.parse(oneLine);
  const children = inlineOf(tree, oneLine);
  const printed = printer.stringify({ type: 'root', children: [{ type: 'paragraph', children }] }).trim();
  return escapePipes(printed.replace(/\s*\n\s*/g, ' '));
}

/** A number, or a plain text after one that cannot make it an ordered list (`12 agents`, not `1. x`). */
const LEADING_NUMBER = /^\d+(?=$| (?![-+>#=\s]))/;

/** Literal text (a name, a label), escaped so that no character acts as Markdown. */
export function literal(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  if (oneLine === '') return '';
  // Most names and numbers are their own escaped form: the printer (slow, run for every name) would give them back as they are.
  // (`:` and `w.` too are left to the printer: it escapes `:-`, which a table could read as
  // alignment, and the dot of `W.C.`, which GFM could read as the start of a web address.)
  const rest = oneLine.replace(LEADING_NUMBER, '');
  if (rest === '' || (!rest.includes(':') && !/w\./i.test(rest) && PLAIN.test(rest.trimStart()))) return oneLine;
  return printedLiteral(oneLine);
}

/** `literal` without its shortcut: the text printed by remark (exported for the test that checks the shortcut). */
export function printedLiteral(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  if (oneLine === '') return '';
  const printed = printer.stringify({ type: 'root', children: [{ type: 'paragraph', children: [text(oneLine)] }] }).trim();
  return escapePipes(printed.replace(/\s*\n\s*/g, ' '));
}
