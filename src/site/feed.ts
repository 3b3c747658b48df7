/**
 * The site's Atom feed (with the `feed` library) and sitemap. Both need
 * absolute addresses, so they are written only when a base URL is given.
 * No clock is read: the feed's `updated` is the newest visit's publication
 * date, each entry's its own, at 00:00 UTC.
 */
import { Feed } from 'feed';
import type { SiteEntry } from './entry.js';
import { escapeXml } from './text.js';

/** A base URL as the site's root: http(s), no query or fragment, ending with `/`. Undefined when unusable. */
export function normaliseBaseUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return undefined;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

const at = (date: string): Date => new Date(`${date}T00:00:00Z`);

/** The page of an entry, absolute. */
export const pageUrl = (base: string, entry: SiteEntry): string => new URL(`${entry.slug}/index.html`, base).href;

/** The Atom feed of the entries (given newest first). */
export function atomFeed(entries: readonly SiteEntry[], base: string, title: string): string {
  const newest = entries[0]?.date ?? '1970-01-01';
  const feed = new Feed({
    id: base,
    title,
    link: new URL('index.html', base).href,
    feedLinks: { atom: new URL('feed.xml', base).href },
    updated: at(newest),
    generator: 'visite',
    language: 'fr',
  });
  for (const entry of entries) {
    const link = pageUrl(base, entry);
    // `feed` writes titles and summaries as CDATA of type "html": the text is escaped into HTML,
    // which also removes any "]]>" that would end the CDATA section.
    feed.addItem({
      id: link,
      link,
      title: escapeXml(entry.title),
      date: at(entry.date),
      published: at(entry.date),
      description: escapeXml(entry.description ?? entry.sites.join(', ')),
      author: entry.unions.map((u) => ({ name: u.name })),
    });
  }
  return `${feed.atom1()}\n`;
}

/** The sitemap: the index and every visit's page. */
export function sitemap(entries: readonly SiteEntry[], base: string): string {
  const url = (loc: string, lastmod?: string): string =>
    `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(new URL('index.html', base).href, entries[0]?.date),
    ...entries.map((e) => url(pageUrl(base, e), e.date)),
    '</urlset>',
    '',
  ].join('\n');
}
