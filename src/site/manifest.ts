/**
 * Incremental builds: `.visite-build.json` in the output folder records, for
 * each visit's folder, a hash of everything its files depend on, and the
 * entry the index lists. A visit whose hash has not changed (and whose files
 * are all still there) is not rendered again.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILTIN_STYLES } from '../render/style.js';
import { parseEntry, type SiteEntry } from './entry.js';
import { isSlug, sha256 } from './text.js';

/** The manifest's name, in the output folder. */
export const MANIFEST = '.visite-build.json';

/** Bumped when the site's page layout changes, so every visit is rendered again. */
export const SITE_FORMAT = 2;

/** What the manifest holds. */
export interface Manifest {
  format: number;
  /** Site-level files written (relative paths), so stale ones can be removed. */
  files: string[];
  /** Per visit folder: the hash of its inputs and its index entry. */
  visits: Record<string, { hash: string; entry: SiteEntry }>;
}

/** Site-level files the build may write, and so may remove. */
export const isSiteFile = (path: string): boolean =>
  ['index.html', 'feed.xml', 'sitemap.xml'].includes(path) || /^assets\/site\.[0-9a-f]{8}\.css$/.test(path);

/** Reads the previous manifest; an absent, unreadable or foreign one is an empty manifest (everything is rendered). */
export async function readManifest(out: string): Promise<Manifest> {
  const empty: Manifest = { format: SITE_FORMAT, files: [], visits: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(out, MANIFEST), 'utf8'));
  } catch {
    return empty;
  }
  if (typeof raw !== 'object' || raw === null) return empty;
  const m = raw as Record<string, unknown>;
  const files = Array.isArray(m.files) ? m.files.filter((f): f is string => typeof f === 'string' && isSiteFile(f)) : [];
  const visits: Manifest['visits'] = {};
  if (typeof m.visits === 'object' && m.visits !== null) {
    for (const [slug, v] of Object.entries(m.visits as Record<string, unknown>)) {
      // Only names this tool could have written: the manifest decides what gets removed.
      if (!isSlug(slug) || typeof v !== 'object' || v === null) continue;
      const hash = (v as Record<string, unknown>).hash;
      const entry = parseEntry((v as Record<string, unknown>).entry, slug);
      // A manifest of another format still says which folders are ours; its hashes never match.
      if (typeof hash === 'string' && entry) visits[slug] = { hash: m.format === SITE_FORMAT ? hash : '', entry };
      else visits[slug] = { hash: '', entry: { slug, title: '', date: '1970-01-01', unions: [], services: [], sites: [], stats: [] } };
    }
  }
  return { format: SITE_FORMAT, files, visits };
}

/** The manifest's text: keys sorted, so the same site gives the same bytes. */
export function manifestText(m: Manifest): string {
  const visits: Manifest['visits'] = {};
  for (const slug of Object.keys(m.visits).sort()) visits[slug] = m.visits[slug]!;
  return `${JSON.stringify({ format: m.format, files: [...m.files].sort(), visits }, null, 2)}\n`;
}

/** Every file under a folder, as sorted relative paths (`/`-separated); none when the folder is missing. */
async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) found.push(...(await filesUnder(dir, rel)));
    else if (e.isFile() || e.isSymbolicLink()) found.push(rel);
  }
  return found.sort();
}

/** A hash of the contents of style folders (paths inside them and bytes, never where they are on disk). */
export async function stylesHash(dirs: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const [i, dir] of [...dirs, BUILTIN_STYLES].entries()) {
    for (const rel of await filesUnder(dir)) {
      const bytes = await readFile(join(dir, rel)).catch(() => undefined);
      parts.push(`${i}\u0000${rel}\u0000${bytes ? sha256(bytes) : '-'}`);
    }
  }
  return sha256(parts.join('\n'));
}

/** What, besides the visit's own bytes, its files depend on. */
export interface BuildContext {
  version: string;
  styles: string;
  style?: string;
  defaultStyle?: string;
  ratios: unknown;
  internal: boolean;
}

/** The hash of one visit's inputs. */
export function visitHash(bytes: Uint8Array, context: BuildContext): string {
  const ctx = JSON.stringify({
    format: SITE_FORMAT, version: context.version, styles: context.styles, style: context.style ?? null,
    defaultStyle: context.defaultStyle ?? null, ratios: context.ratios, internal: context.internal,
  });
  return sha256(Buffer.concat([Buffer.from(`${ctx}\u0000`), bytes]));
}
