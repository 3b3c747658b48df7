/**
 * Indicators as small SVG charts, drawn by the project (no browser, no chart
 * library): caseload per FTE against the reference ratio, and staffing per
 * role (in post against present). The same SVG goes into HTML and PDF.
 */
import type { SiteIndicators } from '../derive/types.js';
import { frenchRange, roleName } from '../render/french.js';
import type { RenderedVisit } from '../render/index.js';
import type { StatRow } from '../stats.js';
import { escapeXml } from './escape.js';

/** Colours a chart is drawn with (the house style's). */
export interface ChartColors { primary: string; accent: string; text: string }

/** Where a style asks for a site's charts: `<!-- visite:charts SITE-ID -->` in its template. */
export const CHART_MARKER = /^<!--\s*visite:charts\s+([a-z0-9][a-z0-9-]*)\s*-->$/;

/** The chart colours of a rendered visit's house style. */
export function colorsOf(rendered: Pick<RenderedVisit, 'style'>): ChartColors {
  const c = rendered.style.config.colors;
  return { primary: c.primary, accent: c.accent, text: c.text ?? '#1a1a1a' };
}

const n = (x: number): string => (Math.round(x * 10) / 10).toString();

const WIDTH = 600;
const LABEL = 190;
const ROW = 26;
const FONT = 'font-family="Libertinus Serif, Georgia, serif"';

interface Bar { label: string; value: number; extra?: number; valueText: string; reference?: number }

function barChart(title: string, bars: readonly Bar[], max: number, colors: ChartColors, legend: string): string {
  // Room on the right for the value's text.
  const plot = WIDTH - LABEL - 190;
  const scale = (v: number): number => (max > 0 ? (v / max) * plot : 0);
  const height = 34 + bars.length * ROW + 22;
  const rows = bars.map((b, i) => {
    const y = 30 + i * ROW;
    const parts = [
      `<text x="${LABEL - 8}" y="${y + 14}" text-anchor="end" fill="${colors.text}" ${FONT} font-size="12">${escapeXml(b.label)}</text>`,
      `<rect x="${LABEL}" y="${y + 3}" width="${n(scale(b.value))}" height="16" fill="${colors.primary}"/>`,
    ];
    if (b.extra !== undefined && b.extra > b.value) {
      parts.push(`<rect x="${n(LABEL + scale(b.value))}" y="${y + 3}" width="${n(scale(b.extra - b.value))}" height="16" fill="${colors.primary}" fill-opacity="0.45"/>`);
    }
    if (b.reference !== undefined) {
      const x = n(LABEL + scale(b.reference));
      parts.push(`<line x1="${x}" y1="${y}" x2="${x}" y2="${y + 22}" stroke="${colors.accent}" stroke-width="2"/>`);
    }
    const end = LABEL + scale(Math.max(b.value, b.extra ?? 0, b.reference ?? 0)) + 6;
    parts.push(`<text x="${n(end)}" y="${y + 14}" fill="${colors.text}" ${FONT} font-size="12">${escapeXml(b.valueText)}</text>`);
    return parts.join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="0" y="16" fill="${colors.text}" font-weight="bold" ${FONT} font-size="13">${escapeXml(title)}</text>`,
    ...rows,
    `<text x="0" y="${height - 6}" fill="${colors.text}" ${FONT} font-size="10">${escapeXml(legend)}</text>`,
    '</svg>',
  ].join('');
}

/** For the site's index: each site's latest CPIP caseload per FTE against its reference. */
export function statsChart(rows: readonly StatRow[], colors: ChartColors): string | undefined {
  const latest = new Map<string, StatRow>();
  for (const r of rows) {
    const key = `${r.serviceId}/${r.siteId}`;
    const known = latest.get(key);
    if (r.cpipPerFte && (!known || known.visited < r.visited)) latest.set(key, r);
  }
  const bars: Bar[] = [...latest.values()].sort((a, b) => a.site.localeCompare(b.site)).map((r) => ({
    label: `${r.site.length > 26 ? `${r.site.slice(0, 25)}…` : r.site}`,
    value: r.cpipPerFte!.min,
    extra: r.cpipPerFte!.max,
    ...(r.cpipReference !== undefined ? { reference: r.cpipReference } : {}),
    valueText: `${frenchRange(r.cpipPerFte!)} PPSMJ/CPIP (${r.visited.slice(0, 7)})`,
  }));
  if (bars.length === 0) return undefined;
  const max = Math.max(...bars.map((b) => Math.max(b.extra ?? b.value, b.reference ?? 0)));
  return barChart('PPSMJ suivies par CPIP, dernière visite de chaque site', bars, max, colors, 'Barre : suivi moyen par CPIP ; trait : ratio de référence.');
}

/** Caseload per FTE against the reference ratio; undefined when nothing to compare. */
export function caseloadChart(ind: SiteIndicators, colors: ChartColors): string | undefined {
  const bars: Bar[] = ind.caseload
    .filter((c) => c.perFte && c.reference)
    .map((c) => ({
      label: roleName(c.role, 1, 'aucune'),
      value: c.perFte!.min,
      extra: c.perFte!.max,
      reference: c.reference!.perFte,
      valueText: `${frenchRange(c.perFte!)} (réf. ${c.reference!.perFte})`,
    }));
  if (bars.length === 0) return undefined;
  const max = Math.max(...bars.map((b) => Math.max(b.extra ?? b.value, b.reference ?? 0)));
  return barChart('Charge par agent (ETP) et référence', bars, max, colors, 'Barre : suivi moyen par agent ; trait : ratio de référence.');
}

/** Staffing per role: present against in post; undefined without staffing. */
export function staffingChart(ind: SiteIndicators, colors: ChartColors): string | undefined {
  const rows = ind.staff.filter((s) => s.headcount > 0 || s.planned > 0);
  if (rows.length === 0) return undefined;
  const bars: Bar[] = rows.map((s) => ({
    label: roleName(s.role, Math.max(1, s.headcount), 'aucune'),
    value: s.present,
    extra: s.headcount + s.planned,
    valueText: `${s.present} présent${s.present > 1 ? 's' : ''} / ${s.headcount} en poste${s.planned > 0 ? ` + ${s.planned} attendu${s.planned > 1 ? 's' : ''}` : ''}`,
  }));
  const max = Math.max(...bars.map((b) => b.extra ?? b.value));
  return barChart('Effectifs par fonction', bars, max, colors, 'Barre pleine : présents ; barre claire : en poste ou attendus.');
}
