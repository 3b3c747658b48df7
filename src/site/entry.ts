/**
 * What the site's index, feed and sitemap know of one visit: kept in the
 * build manifest, so a visit that has not changed is not rendered again.
 */
import type { RenderedVisit } from '../render/index.js';
import { statRows, type StatRow } from '../stats.js';

/** One visit as the site lists it. */
export interface SiteEntry {
  /** Folder name under the output folder (`<slug>/index.html`). */
  slug: string;
  title: string;
  /** Publication date, `YYYY-MM-DD`. */
  date: string;
  /** The subtitle, when the visit has one. */
  description?: string;
  /** Signing unions: id (the house style's) and display name. */
  unions: { id: string; name: string }[];
  services: string[];
  sites: string[];
  /** The figures of each site of the visit, for the index's table and chart. */
  stats: StatRow[];
}

const plain = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The entry of a rendered visit: plain text from the visit itself (escaped where it is written). */
export function entryOf(rendered: RenderedVisit, slug: string): SiteEntry {
  const { report } = rendered.visit;
  const names = rendered.unionNames;
  const entry: SiteEntry = {
    slug,
    title: plain(report.title),
    date: String(report.published.date),
    unions: report.unions.map((id, i) => ({ id, name: plain(names[i] ?? id) })),
    services: rendered.visit.services.map((s) => plain(s.name)),
    sites: rendered.visit.sites.map((s) => plain(s.name)),
    stats: statRows([{ file: slug, visit: rendered.visit, indicators: rendered.indicators }]),
  };
  if (report.subtitle && plain(report.subtitle) !== '') entry.description = plain(report.subtitle);
  return entry;
}

/** Reads back an entry from a manifest; undefined when it is not one (an old or edited manifest). */
export function parseEntry(value: unknown, slug: string): SiteEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (v.slug !== slug || typeof v.title !== 'string' || typeof v.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.date)) return undefined;
  if (!Array.isArray(v.unions) || !v.unions.every((u) => typeof u === 'object' && u !== null
    && typeof (u as Record<string, unknown>).id === 'string' && typeof (u as Record<string, unknown>).name === 'string')) return undefined;
  if (!strings(v.services) || !strings(v.sites)) return undefined;
  if (v.description !== undefined && typeof v.description !== 'string') return undefined;
  // Figures from an older manifest, or edited by hand: render the visit again rather than trust them.
  const rows = v.stats;
  if (!Array.isArray(rows) || !rows.every((r) => typeof r === 'object' && r !== null && typeof (r as StatRow).siteId === 'string'
    && typeof (r as StatRow).visited === 'string' && typeof (r as StatRow).headcount === 'number')) return undefined;
  const entry: SiteEntry = {
    slug, title: v.title, date: v.date,
    unions: (v.unions as { id: string; name: string }[]).map((u) => ({ id: u.id, name: u.name })),
    services: v.services, sites: v.sites, stats: rows as StatRow[],
  };
  if (typeof v.description === 'string') entry.description = v.description;
  return entry;
}

/** Newest first (publication date), then by folder name. */
export function byNewest(a: SiteEntry, b: SiteEntry): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
