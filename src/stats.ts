/**
 * Cross-visit indicators, the figures a union brings to negotiations: one
 * row per site visit, and each site's evolution across visits (the same
 * service id and site id in two visit files are the same site).
 */
import type { Range, VisitIndicators } from './derive/types.js';
import type { Visit } from './schema/types.js';

/** One site, as seen on one visit. */
export interface StatRow {
  file: string;
  /** The day the site was visited (else the visit's first day). */
  visited: string;
  published: string;
  unions: string[];
  service: string;
  serviceId: string;
  site: string;
  siteId: string;
  headcount: number;
  present: number;
  cpipPerFte?: Range;
  cpipReference?: number;
  cpipMissing?: Range;
  asePerFte?: Range;
  aseReference?: number;
  aseMissing?: Range;
  desks?: number;
  deskNeeds?: number;
}

/** A visit with its indicators, as the stats need it. */
export interface StatInput { file: string; visit: Visit; indicators: VisitIndicators }

const plain = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** One row per site visit, oldest visit first. */
export function statRows(inputs: readonly StatInput[]): StatRow[] {
  const rows: StatRow[] = [];
  for (const { file, visit, indicators } of inputs) {
    visit.sites.forEach((site, i) => {
      const ind = indicators.sites[i];
      if (!ind) return;
      const service = visit.services.find((s) => s.id === site.service);
      const row: StatRow = {
        file,
        visited: site.visitedOn?.[0] ?? [...visit.visit.dates].sort()[0] ?? '',
        published: visit.report.published.date,
        unions: [...visit.report.unions],
        service: plain(service?.shortName ?? service?.name ?? site.service),
        serviceId: site.service,
        site: plain(site.name),
        siteId: site.id,
        headcount: ind.headcount,
        present: ind.present,
      };
      for (const [role, key] of [['cpip', 'cpip'], ['ase', 'ase']] as const) {
        const c = ind.caseload.find((x) => x.role === role);
        if (c?.perFte) row[`${key}PerFte`] = c.perFte;
        if (c?.reference) row[`${key}Reference`] = c.reference.perFte;
        if (c?.missing) row[`${key}Missing`] = c.missing;
      }
      if (ind.desks?.complete) {
        row.desks = ind.desks.total;
        row.deskNeeds = ind.desks.needed;
      }
      rows.push(row);
    });
  }
  return rows.sort((a, b) => a.visited.localeCompare(b.visited) || a.file.localeCompare(b.file) || a.siteId.localeCompare(b.siteId));
}

/** Each site visited more than once, with its rows in date order. */
export function evolution(rows: readonly StatRow[]): { key: string; site: string; service: string; rows: StatRow[] }[] {
  const bySite = new Map<string, StatRow[]>();
  for (const r of rows) {
    const key = `${r.serviceId}/${r.siteId}`;
    bySite.set(key, [...(bySite.get(key) ?? []), r]);
  }
  return [...bySite.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([key, list]) => ({ key, site: list.at(-1)!.site, service: list.at(-1)!.service, rows: list }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

const range = (r: Range | undefined): string => (r === undefined ? '' : r.min === r.max ? String(r.min) : `${r.min}-${r.max}`);

/** Column names and cell values, shared by the table, CSV and the site's index. */
export const COLUMNS: { key: string; fr: string; en: string; value: (r: StatRow) => string }[] = [
  { key: 'visited', fr: 'Visite', en: 'Visit', value: (r) => r.visited },
  { key: 'unions', fr: 'Syndicat', en: 'Union', value: (r) => r.unions.join(' ') },
  { key: 'service', fr: 'Service', en: 'Service', value: (r) => r.service },
  { key: 'site', fr: 'Site', en: 'Site', value: (r) => r.site },
  { key: 'headcount', fr: 'Effectif', en: 'Headcount', value: (r) => String(r.headcount) },
  { key: 'present', fr: 'Présents', en: 'Present', value: (r) => String(r.present) },
  { key: 'cpip_per_fte', fr: 'PPSMJ/CPIP', en: 'PPSMJ/CPIP', value: (r) => range(r.cpipPerFte) },
  { key: 'cpip_reference', fr: 'Réf. CPIP', en: 'CPIP ref.', value: (r) => (r.cpipReference === undefined ? '' : String(r.cpipReference)) },
  { key: 'cpip_missing', fr: 'CPIP manquants', en: 'CPIP missing', value: (r) => range(r.cpipMissing) },
  { key: 'ase_per_fte', fr: 'PSE/ASE', en: 'EM/ASE', value: (r) => range(r.asePerFte) },
  { key: 'ase_missing', fr: 'ASE manquants', en: 'ASE missing', value: (r) => range(r.aseMissing) },
  { key: 'desks', fr: 'Postes de travail', en: 'Desks', value: (r) => (r.desks === undefined ? '' : `${r.desks}/${r.deskNeeds}`) },
];

/** An aligned text table. */
export function statsTable(rows: readonly StatRow[], lang: 'fr' | 'en'): string {
  const head = COLUMNS.map((c) => c[lang]);
  const body = rows.map((r) => COLUMNS.map((c) => c.value(r)));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
  for (const e of evolution(rows)) {
    out.push('', `${lang === 'fr' ? 'Évolution' : 'Evolution'} — ${e.service} – ${e.site}`);
    for (const r of e.rows) {
      out.push(`  ${r.visited}  ${lang === 'fr' ? 'effectif' : 'headcount'} ${r.headcount}, ${lang === 'fr' ? 'présents' : 'present'} ${r.present}${r.cpipPerFte ? `, PPSMJ/CPIP ${range(r.cpipPerFte)}` : ''}${r.cpipMissing ? `, ${lang === 'fr' ? 'CPIP manquants' : 'CPIP missing'} ${range(r.cpipMissing)}` : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** RFC 4180 CSV, with the file each row comes from. */
export function statsCsv(rows: readonly StatRow[]): string {
  const head = [...COLUMNS.map((c) => c.key), 'file'];
  return `${[head, ...rows.map((r) => [...COLUMNS.map((c) => c.value(r)), r.file])].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** JSON: the rows and the evolutions. */
export function statsJson(rows: readonly StatRow[]): string {
  return `${JSON.stringify({ rows, evolution: evolution(rows).map((e) => ({ site: e.key, visits: e.rows.map((r) => r.visited) })) }, null, 2)}\n`;
}
