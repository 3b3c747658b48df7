/**
 * The Markdown tree serialised for the Typst page template: a compact JSON
 * document that the template walks and prints. Text stays data — the
 * template turns strings into text, never into markup — so nothing a
 * delegate writes can become Typst code.
 */
import type { PhrasingContent, Root, RootContent, Table } from 'mdast';
import { CHART_MARKER } from './charts.js';

/** Inline nodes. */
export type TInline =
  | { t: 'text'; v: string }
  | { t: 'em' | 'strong' | 'del'; c: TInline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; u: string; c: TInline[] }
  | { t: 'br' };

/** Block nodes. */
export type TBlock =
  | { t: 'h'; l: number; c: TInline[] }
  | { t: 'p'; c: TInline[] }
  | { t: 'list'; o: boolean; s: number; items: TBlock[][] }
  | { t: 'quote'; c: TBlock[] }
  | { t: 'table'; align: string[]; rows: TInline[][][] }
  | { t: 'hr' }
  | { t: 'codeblock'; v: string }
  | { t: 'chart'; site: string; files: string[] };

/** What the page template receives (as `sys.inputs.data`). */
export interface TypstDocument {
  title: string;
  subtitle: string;
  union: string;
  signature: string;
  keywords: string[];
  /** The report's own date: the only date in the PDF. */
  date: { year: number; month: number; day: number };
  colors: { primary: string; accent: string; text: string };
  logo: string;
  body: TBlock[];
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

function inline(nodes: readonly PhrasingContent[]): TInline[] {
  const out: TInline[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text': out.push({ t: 'text', v: n.value }); break;
      case 'emphasis': out.push({ t: 'em', c: inline(n.children) }); break;
      case 'strong': out.push({ t: 'strong', c: inline(n.children) }); break;
      case 'delete': out.push({ t: 'del', c: inline(n.children) }); break;
      case 'inlineCode': out.push({ t: 'code', v: n.value }); break;
      case 'break': out.push({ t: 'br' }); break;
      case 'link':
        if (SAFE_URL.test(n.url)) out.push({ t: 'link', u: n.url, c: inline(n.children) });
        else out.push(...inline(n.children));
        break;
      case 'html': out.push({ t: 'text', v: n.value }); break;
      default:
        // Images, footnote references…: keep their text, if any.
        if ('alt' in n && typeof n.alt === 'string') out.push({ t: 'text', v: n.alt });
    }
  }
  return out;
}

function table(n: Table): TBlock {
  return {
    t: 'table',
    align: (n.align ?? []).map((a) => a ?? 'left'),
    rows: n.children.map((row) => row.children.map((cell) => inline(cell.children))),
  };
}

function blocks(nodes: readonly RootContent[]): TBlock[] {
  const out: TBlock[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'heading': out.push({ t: 'h', l: n.depth, c: inline(n.children) }); break;
      case 'paragraph': out.push({ t: 'p', c: inline(n.children) }); break;
      case 'list': out.push({ t: 'list', o: n.ordered === true, s: n.start ?? 1, items: n.children.map((item) => blocks(item.children)) }); break;
      case 'blockquote': out.push({ t: 'quote', c: blocks(n.children) }); break;
      case 'table': out.push(table(n)); break;
      case 'thematicBreak': out.push({ t: 'hr' }); break;
      case 'code': out.push({ t: 'codeblock', v: n.value }); break;
      case 'html': {
        const site = CHART_MARKER.exec(n.value.trim())?.[1];
        if (site) out.push({ t: 'chart', site, files: [] });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

const textOf = (nodes: readonly TInline[]): string =>
  nodes.map((n) => ('v' in n ? n.v : 'c' in n ? textOf(n.c) : ' ')).join('');

/**
 * The body blocks, with the title (the first level-1 heading) and the
 * subtitle (an all-emphasis paragraph right after it) taken out for the banner.
 */
export function serialise(tree: Root): { title: string; subtitle: string; body: TBlock[] } {
  const body = blocks(tree.children);
  let title = '';
  let subtitle = '';
  const first = body[0];
  if (first?.t === 'h' && first.l === 1) {
    title = textOf(first.c);
    body.shift();
    const next = body[0];
    if (next?.t === 'p' && next.c.length === 1 && next.c[0]!.t === 'em') {
      subtitle = textOf(next.c);
      body.shift();
    }
  }
  return { title, subtitle, body };
}
