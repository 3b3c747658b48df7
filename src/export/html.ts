/**
 * Stage 6, export to HTML: the processed Markdown tree → HTML, sanitised
 * (GitHub's schema: no script, no event handler, only safe link protocols),
 * then the project's own charts where the style placed them, then a
 * standalone document with the union's colours and a print stylesheet — or a
 * bare fragment to paste into a CMS.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Html } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype, { type Options as RehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { RenderedVisit } from '../render/index.js';
import { CHART_MARKER, caseloadChart, colorsOf, staffingChart, type ChartColors } from './charts.js';
import { styleSheet } from './html-style.js';
import { escapeXml as escapeHtml } from './escape.js';

const schema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'visite-chart'],
  attributes: { ...defaultSchema.attributes, 'visite-chart': [['site', /^[a-z0-9][a-z0-9-]*$/]] },
};

/**
 * How HTML nodes of the Markdown become HTML: a chart marker becomes a
 * placeholder element (the charts go there after sanitisation), any other
 * HTML is dropped. Done while converting, so the tree is neither copied nor changed.
 */
const chartPlaceholder: NonNullable<NonNullable<RehypeOptions['handlers']>['html']> = (_state, node: Html) => {
  const site = CHART_MARKER.exec(node.value.trim())?.[1];
  return site ? { type: 'element', tagName: 'visite-chart', properties: { site }, children: [] } : undefined;
};

/** The figure of a site's charts (trusted SVG made by the project). */
function chartFigure(rendered: RenderedVisit, siteId: string, colors: ChartColors): ElementContent[] {
  const ind = rendered.indicators.sites.find((s) => s.siteId === siteId);
  if (!ind) return [];
  const svgs = [caseloadChart(ind, colors), staffingChart(ind, colors)].filter((s): s is string => s !== undefined);
  if (svgs.length === 0) return [];
  return [{
    type: 'element', tagName: 'figure', properties: { className: ['charts'] },
    children: svgs.map((value) => ({ type: 'raw', value }) as unknown as ElementContent),
  }];
}

/** The sanitised HTML of the bulletin's body, with its charts. */
export function htmlFragment(rendered: RenderedVisit): string {
  const colors = colorsOf(rendered);
  const processor = unified().use(remarkRehype, { handlers: { html: chartPlaceholder } }).use(rehypeSanitize, schema);
  const hast = processor.runSync(rendered.tree) as HastRoot;
  visit(hast, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'visite-chart' || !parent || index === undefined) return;
    const site = String(node.properties?.site ?? '');
    parent.children.splice(index, 1, ...chartFigure(rendered, site, colors));
    return index;
  });
  // Only the project's own SVG is raw here: data went through sanitisation above.
  return `${unified().use(rehypeStringify, { allowDangerousHtml: true }).stringify(hast)}\n`;
}

/** A wordmark drawn from the union's name and colours (no real logo ships with the project). */
export function wordmark(name: string, colors: ChartColors): string {
  const width = Math.max(160, Math.round(name.length * 13 + 40));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="48" viewBox="0 0 ${width} 48" role="img" aria-label="${escapeHtml(name)}">`
    + `<rect x="0" y="0" width="8" height="48" fill="${colors.accent}"/>`
    + `<text x="20" y="32" font-family="Libertinus Serif, Georgia, serif" font-size="22" font-weight="bold" fill="${colors.primary}">${escapeHtml(name)}</text></svg>`;
}

/** A standalone HTML document: language, title, description, the union's banner, a print stylesheet. */
export function htmlDocument(rendered: RenderedVisit, logo?: { mime: string; data: Uint8Array }): string {
  const colors = colorsOf(rendered);
  const fm = rendered.frontMatter;
  const title = String(fm.title);
  const description = String(fm.description ?? `${fm.union} : ${(fm.sites as string[]).join(', ')}`);
  const banner = logo
    ? `<img class="logo" alt="${escapeHtml(rendered.style.config.name)}" src="data:${logo.mime};base64,${Buffer.from(logo.data).toString('base64')}">`
    : wordmark(rendered.style.config.name, colors);
  return [
    '<!doctype html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing in a bulletin runs or loads from elsewhere: say so to the browser too.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(description)}">`,
    `<meta name="author" content="${escapeHtml(String(fm.union))}">`,
    `<meta name="date" content="${escapeHtml(String(fm.date))}">`,
    `<style>${styleSheet(colors)}</style>`,
    '</head>',
    '<body>',
    `<header class="banner">${banner}</header>`,
    '<main>',
    htmlFragment(rendered).trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
