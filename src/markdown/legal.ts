/**
 * Legal references in the text — "article D147-21 du CPP", "loi du
 * 11 février 2005", "loi n° 2005-102" — become links to Légifrance: the
 * address the visit file gives for that text when it gives one, otherwise a
 * Légifrance search for it.
 */
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { Legal } from '../schema/types.js';
import { frenchDate } from '../render/french.js';

const SEARCH = 'https://www.legifrance.gouv.fr/search/all?query=';

const CODE_NAMES: Record<string, string> = {
  CPP: 'code de procédure pénale',
  CP: 'code pénal',
  CPJ: 'code pénitentiaire',
  CT: 'code du travail',
  CGFP: 'code général de la fonction publique',
};
const CODE_ALIASES = Object.entries(CODE_NAMES).flatMap(([short, long]) => [short, long]);

const MONTH = '(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)';
const ARTICLE = new RegExp(
  `\\b[Aa]rticles?\\s+([LRDA]\\.?\\s?\\*?\\d+(?:[-.]\\d+)*|\\d+(?:[-.]\\d+)*)\\s*\\(?\\s*du\\s+(${CODE_ALIASES.join('|')})\\)?`, 'g');
const LAW = new RegExp(`\\b[Ll]oi\\s+(?:n°\\s*(\\d{4}-\\d+)\\s*)?(?:du\\s+(1er|\\d{1,2})\\s+(${MONTH})\\s+(\\d{4}))?`, 'g');

/** One reference found in a text, with where it starts and ends. */
interface Found { start: number; end: number; url: string }

function codeOf(name: string): string {
  const short = Object.entries(CODE_NAMES).find(([s, l]) => s === name || l === name.toLowerCase());
  return short ? short[0] : name;
}

/** The Légifrance address for each reference the file cites, keyed for lookup. */
export function knownReferences(refs: readonly Legal[]): Map<string, string> {
  const known = new Map<string, string>();
  for (const r of refs) {
    if (!r.url) continue;
    if (r.kind === 'code' && r.code && r.article) known.set(`article:${r.code}:${r.article}`, r.url);
    if (r.number) known.set(`text:${r.number}`, r.url);
    if (r.date) known.set(`date:${r.date}`, r.url);
  }
  return known;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const iso = (day: string, month: string, year: string): string =>
  `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${String(day === '1er' ? 1 : Number(day)).padStart(2, '0')}`;

function find(text: string, known: Map<string, string>): Found[] {
  // Every reference names an article or a law: most texts do neither.
  if (!text.includes('rticle') && !/[Ll]oi/.test(text)) return [];
  const found: Found[] = [];
  for (const m of text.matchAll(ARTICLE)) {
    const article = (m[1] ?? '').replace(/\s/g, '');
    const code = codeOf(m[2] ?? '');
    const url = known.get(`article:${code}:${article}`)
      ?? `${SEARCH}${encodeURIComponent(`article ${article} ${CODE_NAMES[code] ?? code}`)}`;
    found.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, url });
  }
  for (const m of text.matchAll(LAW)) {
    const [whole, number, day, month, year] = m;
    if (!number && !day) continue;
    const date = day && month && year ? iso(day, month, year) : undefined;
    const url = (number && known.get(`text:${number}`)) || (date && known.get(`date:${date}`))
      || `${SEARCH}${encodeURIComponent(number ? `loi n° ${number}` : `loi du ${frenchDate(date ?? '')}`)}`;
    found.push({ start: m.index ?? 0, end: (m.index ?? 0) + whole.trimEnd().length, url });
  }
  // Keep the first of overlapping matches.
  return found.sort((a, b) => a.start - b.start).filter((f, i, all) => i === 0 || f.start >= all[i - 1]!.end);
}

/** The remark plugin: `refs` are the legal references the visit file declares. */
export function remarkLegalLinks(options: { refs?: readonly Legal[] } = {}) {
  const known = knownReferences(options.refs ?? []);
  return (tree: Root): void => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'link' || node.type === 'heading' || node.type === 'code' || node.type === 'inlineCode') return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return undefined;
      const found = find(node.value, known);
      if (found.length === 0) return undefined;
      const parts: PhrasingContent[] = [];
      let at = 0;
      for (const f of found) {
        if (f.start > at) parts.push({ type: 'text', value: node.value.slice(at, f.start) } satisfies Text);
        parts.push({ type: 'link', url: f.url, title: null, children: [{ type: 'text', value: node.value.slice(f.start, f.end) }] } satisfies Link);
        at = f.end;
      }
      if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}
