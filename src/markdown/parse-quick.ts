/**
 * Stage 5, the quick path of the Markdown parse: what a house style makes
 * is read with markdown-it, about ten times faster than micromark here,
 * into the very mdast tree remark-parse would make (positions aside). It
 * knows the subset bulletins are written in — headings, paragraphs, lists,
 * quotes, rules, GFM tables, emphasis, links, code spans, a style's HTML
 * comments — and returns undefined for anything else (code blocks, images,
 * tildes, raw HTML, lists in quotes, deep nesting…), which
 * remark-parse then reads (`parseMarkdown`). remark-parse is the reference:
 * differential tests keep the two in agreement.
 */
import type { Heading, List, ListItem, Nodes, Parents, PhrasingContent, Root, RootContent, Table, Text } from 'mdast';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/** Deeper documents are left to remark-parse (markdown-it stops nesting at its limit, silently). */
const MAX_LEVEL = 40;

const parser = new MarkdownIt('commonmark', { html: true }).enable('table');
(parser.options as { maxNesting: number }).maxNesting = MAX_LEVEL + 10;
// mdast keeps destinations as written (escapes and references decoded, nothing percent-encoded)
// and does not judge them: the sanitiser does, later.
parser.validateLink = () => true;
parser.normalizeLink = (url) => url;
parser.normalizeLinkText = (text) => text;

/** The HTML block a style writes (its chart marker): a whole comment on one line. Others are left to remark-parse. */
const ONE_LINE_COMMENT = /^<!--[^\n]*-->[ ]*\n?$/;

/** What may start HTML (a tag, a comment, a declaration, an instruction), and the autolinks that also start so. */
const HTML_LIKE = /<[!?/A-Za-z]/g;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;

/**
 * Whether the text holds HTML besides a style's one-line comments: where
 * HTML starts and ends, in a block or inline, is where the two parsers
 * differ most (comment syntax, lazy lines, what may interrupt a paragraph).
 */
function holdsHtml(lines: readonly string[]): boolean {
  for (const line of lines) {
    if (ONE_LINE_COMMENT.test(line)) continue;
    for (const m of line.matchAll(HTML_LIKE)) {
      AUTOLINK.lastIndex = m.index;
      if (!AUTOLINK.test(line)) return true;
    }
  }
  return false;
}

/** A list item whose first block is a list, on the same line. */
const TWO_MARKERS = /^[ >]*(?:[-+*]|\d{1,9}[.)])[ ]+(?:[-+*]|\d{1,9}[.)])(?:[ ]|$)/;

/** An emphasis delimiter next to a symbol outside ASCII. */
const SYMBOL_FLANK = /[*_](?=\p{S})(?![\x00-\x7f])|(?<![\x00-\x7f])(?<=\p{S})[*_]/u;

/** What may be a table's delimiter row (`|---|:-:|`), however loosely written: only `|`, `:`, `-` and spaces (linear). */
const DELIMITER_ROW = /^[ >]*[|:\- ]*$/;

/** A line that may start a link reference definition (`[x]: /url`). */
const DEFINITION = /^[ >]*\[[^\]]*\]:/;

/**
 * A table as styles write it: every line from `|` to `|`, with as many cells
 * as the header (markdown-it drops extra cells, GFM keeps them), no code span
 * or escaped backslash (they split cells differently), and no space but the
 * plain one next to a pipe (markdown-it trims no-break spaces there, GFM not).
 */
function regularTable(rows: readonly string[]): boolean {
  const pipes = (row: string): number => unescaped(row, '|');
  return rows.every((row) => /^\|.*\|[ ]*$/.test(row) && !/[`]|\\\\|\|[ ]*[^\S ]|[^\S ][ ]*\|/.test(row) && pipes(row) === pipes(rows[0]!));
}

/** Why a document is left to remark-parse. */
class Decline extends Error {}

type Align = NonNullable<Table['align']>[number];

const align = (token: Token): Align => {
  const m = /text-align:(left|right|center)/.exec(token.attrGet('style') ?? '');
  return (m?.[1] as 'left' | 'right' | 'center' | undefined) ?? null;
};

/** Appends text, merged with the text before it as remark-parse does. */
function addText(children: PhrasingContent[], value: string): void {
  const last = children[children.length - 1];
  if (value === '') return;
  if (last?.type === 'text') (last as Text).value += value;
  else children.push({ type: 'text', value });
}

/** Whether every run of backticks has a partner of the same length (each span closed, none left open). */
function backticksPaired(source: string): boolean {
  const counts = new Map<number, number>();
  for (const run of source.match(/`+/g) ?? []) counts.set(run.length, (counts.get(run.length) ?? 0) + 1);
  return [...counts.values()].every((n) => n % 2 === 0);
}

/** How many times `ch` appears in Markdown source without a backslash before it. */
function unescaped(source: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ch) n++;
  }
  return n;
}

/**
 * Whether every `*` and `_` of a paragraph's source is accounted for: taken
 * by emphasis, or inside a code span or a link's address. One left over is
 * an unmatched delimiter, and how those pair up is where the two parsers
 * part in corner cases.
 */
function delimitersAccounted(source: string, tokens: readonly Token[]): boolean {
  for (const ch of ['*', '_']) {
    let expected = 0;
    for (const t of tokens) {
      if ((t.type.startsWith('em_') || t.type.startsWith('strong_')) && t.markup[0] === ch) expected += t.markup.length;
      else if (t.type === 'code_inline') expected += unescaped(t.content, ch);
      else if (t.type === 'link_open') expected += unescaped(`${t.attrGet('href') ?? ''}${t.attrGet('title') ?? ''}`, ch);
    }
    if (unescaped(source, ch) !== expected) return false;
  }
  return true;
}

function inline(tokens: readonly Token[]): PhrasingContent[] {
  const root: PhrasingContent[] = [];
  const stack: PhrasingContent[][] = [root];
  const open = (node: PhrasingContent & { children: PhrasingContent[] }): void => {
    stack[stack.length - 1]!.push(node);
    stack.push(node.children);
  };
  for (const t of tokens) {
    const here = stack[stack.length - 1]!;
    switch (t.type) {
      case 'text': addText(here, t.content); break;
      case 'softbreak': addText(here, '\n'); break;
      case 'hardbreak': here.push({ type: 'break' }); break;
      case 'code_inline':
        // Only spaces: CommonMark keeps them all, markdown-it trims one on each side.
        if (/^ *$/.test(t.content)) throw new Decline('blank code span');
        here.push({ type: 'inlineCode', value: t.content });
        break;
      case 'em_open': open({ type: 'emphasis', children: [] }); break;
      case 'strong_open': open({ type: 'strong', children: [] }); break;
      case 'link_open': open({ type: 'link', url: t.attrGet('href') ?? '', title: t.attrGet('title'), children: [] }); break;
      case 'em_close': case 'strong_close': case 'link_close': stack.pop(); break;
      default: throw new Decline(t.type);
    }
  }
  return root;
}

/** A list or list item being read, with the lines its blocks span (markdown-it's maps: [first, after last)). */
interface Spans {
  node: List | ListItem;
  map: [number, number];
  children: [number, number][];
}

/**
 * Loose and tight as remark-parse says them (mdast-util-from-markdown): an
 * item is spread when a blank line separates two of its own blocks; a list
 * when a blank line separates two of its items. Blank lines at an item's
 * end, or inside a nested list or quote, do not count.
 */
function spread(lists: readonly Spans[], items: ReadonlyMap<Parents, Spans>, lines: readonly string[]): void {
  const blank = (i: number): boolean => /^[ \t]*$/.test(lines[i] ?? '');
  const lastFilled = ([from, to]: [number, number]): number => {
    let i = to - 1;
    while (i > from && blank(i)) i--;
    return i;
  };
  for (const item of items.values()) {
    const kids = item.children;
    if (kids.length === 0 || kids[0]![0] !== item.map[0]) throw new Decline('item starting with a blank line');
    (item.node as ListItem).spread = kids.some((k, i) => i > 0 && k[0] > lastFilled(kids[i - 1]!) + 1);
  }
  for (const list of lists) {
    const own = (list.node as List).children.map((node) => items.get(node)!);
    (list.node as List).spread = own.some((item, i) => {
      if (i === 0) return false;
      const before = own[i - 1]!;
      return item.map[0] > lastFilled([before.map[0], before.children.at(-1)![1]]) + 1;
    });
  }
}

function blocks(tokens: readonly Token[], lines: readonly string[]): Root {
  const root: Root = { type: 'root', children: [] };
  const stack: Parents[] = [root];
  const lists: Spans[] = [];
  const items = new Map<Parents, Spans>();
  const tableDelimiters = new Set<number>();
  let quotes = 0;
  const add = (node: RootContent, map: [number, number] | null): void => {
    const parent = stack[stack.length - 1]!;
    (parent.children as RootContent[]).push(node);
    if (parent.type === 'listItem') {
      if (!map) throw new Decline('block without lines');
      items.get(parent)!.children.push(map);
    }
  };
  const open = (node: RootContent & Parents, map: [number, number] | null): void => {
    add(node, map);
    stack.push(node);
  };
  for (const t of tokens) {
    if (t.level > MAX_LEVEL) throw new Decline('nesting');
    switch (t.type) {
      case 'paragraph_open': open({ type: 'paragraph', children: [] }, t.map); break;
      case 'heading_open': open({ type: 'heading', depth: Number(t.tag.slice(1)) as Heading['depth'], children: [] }, t.map); break;
      case 'bullet_list_open': case 'ordered_list_open': {
        // In a quote, lines start with `>`: the blank-line reckoning below would not see them.
        if (quotes > 0 || !t.map) throw new Decline('list in a quote');
        const ordered = t.type === 'ordered_list_open';
        const node: List = { type: 'list', ordered, start: ordered ? Number(t.attrGet('start') ?? 1) : null, spread: false, children: [] };
        open(node, t.map);
        lists.push({ node, map: t.map, children: [] });
        break;
      }
      case 'list_item_open': {
        if (!t.map) throw new Decline('item without lines');
        const node: ListItem = { type: 'listItem', spread: false, checked: null, children: [] };
        open(node, null);
        items.set(node, { node, map: t.map, children: [] });
        break;
      }
      case 'blockquote_open': quotes++; open({ type: 'blockquote', children: [] }, t.map); break;
      case 'table_open':
        // Tables as styles write them (see regularTable), then an empty line. Where GFM and markdown-it
        // see a table, its cells or its end, in looser forms differs.
        if (!t.map || !regularTable(lines.slice(t.map[0], t.map[1])) || (lines[t.map[1]] ?? '') !== '') throw new Decline('loose table');
        tableDelimiters.add(t.map[0] + 1);
        open({ type: 'table', align: [], children: [] }, t.map);
        break;
      case 'tr_open': open({ type: 'tableRow', children: [] }, t.map); break;
      case 'th_open': (stack[stack.length - 2] as Table & { align: Align[] }).align.push(align(t)); open({ type: 'tableCell', children: [] }, t.map); break;
      case 'td_open': open({ type: 'tableCell', children: [] }, t.map); break;
      case 'td_close':
        // markdown-it pads a short row with empty cells, GFM does not: an empty cell is left to remark-parse.
        if ((stack[stack.length - 1] as Parents).children.length === 0) throw new Decline('empty cell');
        stack.pop();
        break;
      case 'blockquote_close': quotes--; stack.pop(); break;
      case 'paragraph_close': case 'heading_close': case 'list_item_close': case 'bullet_list_close': case 'ordered_list_close':
      case 'table_close': case 'tr_close': case 'th_close':
        stack.pop();
        break;
      case 'thead_open': case 'thead_close': case 'tbody_open': case 'tbody_close': break;
      case 'hr': add({ type: 'thematicBreak' }, t.map); break;
      case 'html_block':
        // Where an HTML block ends, and what it holds, is where the two parsers differ most.
        if (!ONE_LINE_COMMENT.test(t.content)) throw new Decline('html block');
        add({ type: 'html', value: t.content.replace(/\n$/, '') }, t.map);
        break;
      case 'inline':
        // A code span over two lines keeps its line ending in mdast, markdown-it makes it a space; and
        // markdown-it misses some spans when a longer run of backticks is left open.
        if (t.content.includes('`') && (t.content.includes('\n') || !backticksPaired(t.content))) throw new Decline('code span');
        if (!delimitersAccounted(t.content, t.children ?? [])) throw new Decline('unmatched emphasis delimiter');
        (stack[stack.length - 1]!.children as Nodes[]).push(...inline(t.children ?? []));
        break;
      default: throw new Decline(t.type);
    }
  }
  // Two list markers on one line (`- 1. a`): the parsers disagree on which start a list.
  if (lines.some((line) => TWO_MARKERS.test(line))) throw new Decline('nested marker');
  // A line GFM may take for a table's delimiter row, where markdown-it saw no table.
  if (lines.some((line, i) => DELIMITER_ROW.test(line) && line.includes('-') && /[|:]/.test(line) && !tableDelimiters.has(i))) throw new Decline('table?');
  spread(lists, items, lines);
  return root;
}

/** The mdast tree of a house style's Markdown, or undefined when only remark-parse may read it. */
export function quickParse(markdown: string): Root | undefined {
  // Tildes: GFM strikethrough and emphasis next to it resolve differently in markdown-it. Tabs: the
  // two parsers trim and expand them differently. Carriage returns: markdown-it's line numbers would
  // not be ours. A byte-order mark, U+2028 and U+2029 are whitespace to micromark only. Runs of three
  // `*` or `_`: emphasis corner cases. A `>` after four spaces: a quote to markdown-it, text to
  // CommonMark. `*` or `_` next to a symbol outside ASCII (an emoji, €): emphasis flanks differently.
  if (/[~\t\r\ufeff\u2028\u2029]|\*{3}|_{3}|^ {4,}>/m.test(markdown) || SYMBOL_FLANK.test(markdown)) return undefined;
  try {
    const lines = markdown.split('\n');
    if (holdsHtml(lines)) return undefined;
    const env: { references?: object } = {};
    const tokens = parser.parse(markdown, env);
    // Link reference definitions are nodes to remark-parse (and their uses, references): markdown-it resolves
    // them away, and does not always agree on what is one.
    if (Object.keys(env.references ?? {}).length > 0 || lines.some((line) => DEFINITION.test(line))) return undefined;
    return blocks(tokens, lines);
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}
