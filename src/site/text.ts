/** Small text helpers of the static site: escaping, slugs, hashes. */
import { createHash } from 'node:crypto';
import { escapeXml as escapeQuoted } from '../export/escape.js';

/** Escapes text for the site's HTML and XML, single quotes included (the feed's library leaves them). */
export const escapeXml = (s: string): string => escapeQuoted(s).replace(/'/g, '&#39;');

/** Hex SHA-256 of bytes or text. */
export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * A name reduced to `[a-z0-9-]`: accents dropped (é → e), œ/æ spelt out,
 * anything else a single dash, no dash at either end. May be empty.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A token for a facet value: its slug, or a hash when the name has no letter or digit to keep. */
export function token(name: string): string {
  return slugify(name) || `h${sha256(name).slice(0, 8)}`;
}

/** Folder names a visit may not take: the site's own. */
export const RESERVED_SLUGS: readonly string[] = ['assets'];

/** Whether a string is a visit folder name this tool may have written (checked before removing anything). */
export const isSlug = (s: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s) && !RESERVED_SLUGS.includes(s);
