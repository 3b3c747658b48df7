/**
 * Small French phrases shared by the view builders. Every function returns
 * Markdown-safe text: data goes through `safeInline` or `literal` first.
 */
import { literal, safeInline } from '../markdown/inline.js';
import type { Role } from '../schema/types.js';
import { countOf, frenchDate, frenchNumber, roleName, type Inclusive } from './french.js';

/** What phrase builders need to know about the visit and the style. */
export interface Ctx {
  inclusive: Inclusive;
  /** The Markdown-safe name of a place, site or service id. */
  placeName: (id: string) => string;
}

/** Inline Markdown from prose (undefined stays undefined). */
export const md = (prose: string | undefined): string | undefined => (prose === undefined ? undefined : safeInline(prose));
/** Escaped literal text. */
export const lit = (value: string | number | undefined): string | undefined => (value === undefined ? undefined : literal(String(value)));
/** A list of prose paragraphs. */
export const paras = (list: readonly string[] | undefined): string[] => (list ?? []).map((p) => safeInline(p)).filter(Boolean);

/** "s" when plural. */
export const s = (n: number): string => (n > 1 ? 's' : '');

/** Ends a phrase with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** Capitalises the first letter (after any Markdown escape or emphasis mark). */
export function capital(text: string): string {
  return text.replace(/^([\\*_«\s]*)(\p{Ll})/u, (_, pre: string, c: string) => pre + c.toUpperCase());
}

/** "CPIP, PA et ASE" from roles, with the style's inclusive writing. */
export function roleList(roles: readonly Role[], inclusive: Inclusive, plural = false): string {
  const names = roles.map((r) => literal(roleName(r, plural ? 2 : 1, inclusive)));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} et ${names.at(-1)}`;
}

/** A person or group by role: its label when given, else the role's name. */
export function who(p: { role: Role; label?: string; count?: number }, inclusive: Inclusive): string {
  return p.label ? safeInline(p.label) : literal(countOrName(p.role, p.count, inclusive));
}

function countOrName(role: Role, count: number | undefined, inclusive: Inclusive): string {
  return count === undefined ? roleName(role, 1, inclusive) : countOf(role, count, inclusive);
}

/** "au 2e étage", "au rez-de-chaussée", "au 1er étage", "au niveau −1". */
export function floorText(floor: number): string {
  if (floor === 0) return 'au rez-de-chaussée';
  if (floor < 0) return `au niveau ${frenchNumber(floor)}`;
  return `au ${floor === 1 ? '1er' : `${floor}e`} étage`;
}

/** "en février 2024", "le 13 octobre 2023", "en 2025". */
export function whenText(date: string | number): string {
  const t = String(date);
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? `le ${frenchDate(t)}` : `en ${frenchDate(t)}`;
}

/** "1 personne", "9 personnes". */
export const people = (n: number): string => `${frenchNumber(n)} personne${s(n)}`;
