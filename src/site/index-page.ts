/**
 * The site's index: every visit, newest first, grouped by year, filterable
 * by union, service and site without any script. Each filter is a group of
 * radio buttons; the stylesheet holds one `:has()` rule per value, which
 * hides the visits that do not carry it. Browsers without `:has()` simply
 * show every visit.
 */
import { statsChart } from '../export/charts.js';
import { COLUMNS, evolution, type StatRow } from '../stats.js';
import { frenchDate } from '../render/french.js';
import type { SiteEntry } from './entry.js';
import { escapeXml, sha256, token } from './text.js';

/** A filter: the radio group of one facet of the visits. */
export interface Facet {
  /** `union`, `service` or `site`: the `data-…` attribute and the radio ids' prefix. */
  key: 'union' | 'service' | 'site';
  legend: string;
  all: string;
  /** Values in a stable order: token (`[a-z0-9-]`) and label. */
  values: { token: string; label: string }[];
}

/** The tokens of one facet of an entry. */
function tokensOf(entry: SiteEntry, key: Facet['key']): { token: string; label: string }[] {
  switch (key) {
    case 'union': return entry.unions.map((u) => ({ token: token(u.id), label: u.name }));
    case 'service': return entry.services.map((s) => ({ token: token(s), label: s }));
    case 'site': return entry.sites.map((s) => ({ token: token(s), label: s }));
  }
}

const FACETS: readonly { key: Facet['key']; legend: string; all: string }[] = [
  { key: 'union', legend: 'Syndicat', all: 'Tous' },
  { key: 'service', legend: 'Service', all: 'Tous' },
  { key: 'site', legend: 'Site', all: 'Tous' },
];

/** The facets of a set of entries; each value's label is the first met (entries newest first). */
export function facetsOf(entries: readonly SiteEntry[]): Facet[] {
  return FACETS.map(({ key, legend, all }) => {
    const seen = new Map<string, string>();
    for (const e of entries) for (const v of tokensOf(e, key)) if (!seen.has(v.token)) seen.set(v.token, v.label);
    const values = [...seen].map(([t, label]) => ({ token: t, label })).sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
    return { key, legend, all, values };
  });
}

/** The radio id of a facet value; `--all` cannot be a token (tokens never hold two dashes in a row). */
const radioId = (key: string, t: string): string => `f-${key}-${t}`;
const allId = (key: string): string => `f-${key}--all`;

/** The site's stylesheet: layout, then one rule pair per filter value. */
export function siteStylesheet(facets: readonly Facet[]): string {
  const rules = [`
:root { --primary: #1f3a5f; --accent: #c8102e; --text: #1a1a1a; --muted: #555; }
html { font-family: "Libertinus Serif", Georgia, "Times New Roman", serif; color: var(--text); line-height: 1.5; }
body { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
header.site { border-bottom: 3px solid var(--accent); margin-bottom: 1rem; }
h1 { color: var(--primary); font-size: 1.8rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { color: var(--primary); border-bottom: 1px solid var(--accent); padding-bottom: .2rem; margin-top: 2rem; }
a { color: var(--primary); }
.lead { color: var(--muted); margin: 0 0 .8rem; }
form.filters { display: grid; gap: .4rem; margin: 1rem 0; }
form.filters fieldset { border: 1px solid #ccc; border-radius: 4px; padding: .3rem .8rem .5rem; margin: 0; }
form.filters legend { font-weight: bold; color: var(--primary); padding: 0 .3rem; }
form.filters label { margin-right: 1rem; cursor: pointer; }
form.filters input:checked + label { font-weight: bold; text-decoration: underline; }
ul.visits { list-style: none; padding: 0; margin: 0; }
li.visit { margin: 0 0 1rem; }
li.visit .title { font-size: 1.15rem; font-weight: bold; }
li.visit .meta, li.visit .files { color: var(--muted); font-size: .95rem; }
@media print { form.filters { display: none; } }`.trim()];
  for (const facet of facets) {
    for (const v of facet.values) {
      const on = `body:has(#${radioId(facet.key, v.token)}:checked)`;
      const has = `[data-${facet.key}~="${v.token}"]`;
      rules.push(`${on} li.visit:not(${has}) { display: none; }`);
      rules.push(`${on} section.year:not(:has(li.visit${has})) { display: none; }`);
    }
  }
  return `${rules.join('\n')}\n`;
}

/** The stylesheet's fingerprinted path, relative to the site's root: `assets/site.<8 hex>.css`. */
export const stylesheetPath = (css: string): string => `assets/site.${sha256(css).slice(0, 8)}.css`;

/** The page's policy: nothing runs; styles only from the site itself. */
export const INDEX_CSP = "default-src 'none'; style-src 'self'; img-src data:; base-uri 'none'; form-action 'none'";

const CHART_COLORS = { primary: '#1f3a93', accent: '#c8102e', text: '#1a1a1a' };

/** The figures of every site visit (newest first), a chart, and each site's evolution. */
function statsSection(rows: readonly StatRow[]): string[] {
  if (rows.length === 0) return [];
  const e = escapeXml;
  const sorted = [...rows].sort((a, b) => b.visited.localeCompare(a.visited) || a.site.localeCompare(b.site));
  const out = ['<section class="stats" id="chiffres">', '<h2>Chiffres des visites</h2>', '<table>',
    `<thead><tr>${COLUMNS.map((c) => `<th>${e(c.fr)}</th>`).join('')}</tr></thead>`, '<tbody>'];
  for (const r of sorted) out.push(`<tr>${COLUMNS.map((c) => `<td>${e(c.value(r))}</td>`).join('')}</tr>`);
  out.push('</tbody>', '</table>');
  // The project's own SVG: numbers and escaped names only.
  const chart = statsChart(rows, CHART_COLORS);
  if (chart) out.push(`<figure class="chart">${chart}</figure>`);
  for (const ev of evolution(rows)) {
    out.push(`<h3>Évolution — ${e(ev.service)} – ${e(ev.site)}</h3>`, '<ul>');
    for (const r of ev.rows) {
      out.push(`<li>${e(r.visited)} : effectif ${r.headcount}, présents ${r.present}${r.cpipPerFte ? `, ${e(COLUMNS.find((c) => c.key === 'cpip_per_fte')!.value(r))} PPSMJ/CPIP` : ''}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</section>');
  return out;
}

/** The index page. Every link is relative to the site's root, so the site works from any sub-path. */
export function indexPage(entries: readonly SiteEntry[], facets: readonly Facet[], options: { title: string; stylesheet: string; feed: boolean }): string {
  const e = escapeXml;
  const unions = facets.find((f) => f.key === 'union')?.values.map((v) => v.label) ?? [];
  const count = `${entries.length} visite${entries.length > 1 ? 's' : ''}`;
  const lines = [
    '<!doctype html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${INDEX_CSP}">`,
    `<title>${e(options.title)}</title>`,
    `<meta name="description" content="${e(`${count}${unions.length > 0 ? ` : ${unions.join(', ')}` : ''}`)}">`,
    // No request to the server's root for an icon: the site may live under a sub-path of someone else's.
    '<link rel="icon" href="data:,">',
    `<link rel="stylesheet" href="${e(options.stylesheet)}">`,
  ];
  if (options.feed) lines.push('<link rel="alternate" type="application/atom+xml" title="Atom" href="feed.xml">');
  lines.push('</head>', '<body>', '<header class="site">', `<h1>${e(options.title)}</h1>`,
    `<p class="lead">${e(count)}${options.feed ? ' · <a href="feed.xml">flux Atom</a>' : ''}</p>`, '</header>');
  if (entries.length > 0) {
    lines.push('<form class="filters" aria-label="Filtrer les visites">');
    for (const facet of facets) {
      const name = `f-${facet.key}`;
      lines.push(`<fieldset><legend>${e(facet.legend)}</legend>`,
        `<input type="radio" name="${name}" id="${allId(facet.key)}" value="" checked><label for="${allId(facet.key)}">${e(facet.all)}</label>`);
      for (const v of facet.values) {
        const id = radioId(facet.key, v.token);
        lines.push(`<input type="radio" name="${name}" id="${id}" value="${v.token}"><label for="${id}">${e(v.label)}</label>`);
      }
      lines.push('</fieldset>');
    }
    lines.push('</form>');
  }
  lines.push('<main>');
  let year: string | undefined;
  for (const entry of entries) {
    const y = entry.date.slice(0, 4);
    if (y !== year) {
      if (year !== undefined) lines.push('</ul>', '</section>');
      lines.push(`<section class="year" id="annee-${e(y)}">`, `<h2>${e(y)}</h2>`, '<ul class="visits">');
      year = y;
    }
    const data = (key: Facet['key']): string => e([...new Set(tokensOf(entry, key).map((v) => v.token))].join(' '));
    const meta = [
      `<time datetime="${e(entry.date)}">${e(frenchDate(entry.date))}</time>`,
      e(entry.unions.map((u) => u.name).join(', ')),
      e(entry.services.join(', ')),
      e(entry.sites.join(', ')),
    ].filter((x) => x !== '');
    const href = (file: string): string => e(`${entry.slug}/${file}`);
    lines.push(
      `<li class="visit" data-union="${data('union')}" data-service="${data('service')}" data-site="${data('site')}">`,
      `<a class="title" href="${href('index.html')}">${e(entry.title)}</a>`,
      `<div class="meta">${meta.join(' · ')}</div>`,
      `<div class="files"><a href="${href(`${entry.slug}.pdf`)}">PDF</a> · <a href="${href(`${entry.slug}.md`)}">Markdown</a></div>`,
      '</li>',
    );
  }
  if (year !== undefined) lines.push('</ul>', '</section>');
  if (entries.length === 0) lines.push('<p>Aucune visite publiée.</p>');
  lines.push(...statsSection(entries.flatMap((entry) => entry.stats)));
  lines.push('</main>', '</body>', '</html>', '');
  return lines.join('\n');
}
