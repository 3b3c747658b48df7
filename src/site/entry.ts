/**
 * What the site's index, feed and sitemap know of one visit: kept in the
 * build manifest, so a visit that has not changed is not rendered again.
 */
import type { RenderedVisit } from '../render/index.js';

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
}

const plain = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The entry of a rendered visit. */
export function entryOf(rendered: RenderedVisit, slug: string): SiteEntry {
  const fm = rendered.frontMatter;
  const ids = rendered.visit.report.unions;
  // The front matter's categories start with the unions' display names, in the order of their ids.
  const categories = Array.isArray(fm.categories) ? fm.categories.map(String) : [];
  const entry: SiteEntry = {
    slug,
    title: plain(String(fm.title ?? rendered.visit.report.title)),
    date: String(rendered.visit.report.published.date),
    unions: ids.map((id, i) => ({ id, name: plain(categories[i] ?? id) })),
    services: rendered.visit.services.map((s) => plain(s.name)),
    sites: rendered.visit.sites.map((s) => plain(s.name)),
  };
  if (typeof fm.description === 'string' && fm.description !== '') entry.description = fm.description;
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
  const entry: SiteEntry = {
    slug, title: v.title, date: v.date,
    unions: (v.unions as { id: string; name: string }[]).map((u) => ({ id: u.id, name: u.name })),
    services: v.services, sites: v.sites,
  };
  if (typeof v.description === 'string') entry.description = v.description;
  return entry;
}

/** Newest first (publication date), then by folder name. */
export function byNewest(a: SiteEntry, b: SiteEntry): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
