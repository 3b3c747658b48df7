/**
 * French wording helpers: dates, numbers, lists, role names. Hand-written
 * rather than Intl, so output never depends on the ICU data of the machine.
 */
import type { Role } from '../schema/types.js';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** Narrow no-break space: French thousands separator. */
export const NNBSP = '\u202f';

interface Parts { y: number; m: number; d?: number }

function parts(date: string | number): Parts {
  const [y, m, d] = String(date).split('-').map(Number);
  return { y: y ?? 0, m: m ?? 0, d };
}

const dayNumber = (d: number): string => (d === 1 ? '1er' : String(d));

/** "24 janvier 2024", "1er mars 2026", "septembre 2026", "2025". */
export function frenchDate(date: string | number): string {
  const { y, m, d } = parts(date);
  if (!m) return String(y);
  const month = MONTHS[m - 1] ?? '';
  return d ? `${dayNumber(d)} ${month} ${y}` : `${month} ${y}`;
}

/** "mercredi 24 janvier 2024". */
export function frenchWeekdayDate(date: string): string {
  const { y, m, d } = parts(date);
  if (!m || !d) return frenchDate(date);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  return `${weekday} ${frenchDate(date)}`;
}

/**
 * The days of a visit as a French phrase with its article:
 * "le 5 février 2026", "les 24 et 25 janvier 2024", "du 3 au 7 juin 2024",
 * "les 31 janvier et 1er février 2024".
 */
export function frenchDays(dates: readonly string[]): string {
  const sorted = [...new Set(dates)].sort();
  if (sorted.length === 0) return '';
  if (sorted.length === 1) return `le ${frenchDate(sorted[0]!)}`;
  const all = sorted.map(parts);
  const consecutive = all.every((p, i) => i === 0 || dayIndex(p) - dayIndex(all[i - 1]!) === 1);
  const sameMonth = all.every((p) => p.y === all[0]!.y && p.m === all[0]!.m);
  const sameYear = all.every((p) => p.y === all[0]!.y);
  const label = (p: Parts, withMonth: boolean, withYear: boolean): string =>
    `${dayNumber(p.d ?? 0)}${withMonth ? ` ${MONTHS[p.m - 1]}` : ''}${withYear ? ` ${p.y}` : ''}`;
  if (consecutive && sorted.length > 2) {
    const first = all[0]!;
    const last = all.at(-1)!;
    return `du ${label(first, !sameMonth, !sameYear)} au ${label(last, true, true)}`;
  }
  const labels = all.map((p, i) => {
    const next = all[i + 1];
    const lastOfMonth = !next || next.m !== p.m || next.y !== p.y;
    const lastOfYear = !next || next.y !== p.y;
    return label(p, lastOfMonth, lastOfYear);
  });
  return `les ${joinAnd(labels)}`;
}

function dayIndex(p: Parts): number {
  return Date.UTC(p.y, p.m - 1, p.d ?? 1) / 86_400_000;
}

/** "a", "a et b", "a, b et c". */
export function joinAnd(items: readonly string[], and = 'et'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** "1 000", "12,5": French digits with a narrow no-break space between thousands. */
export function frenchNumber(n: number): string {
  const [int, dec] = String(Math.abs(Math.round(n * 100) / 100)).split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return `${n < 0 ? '−' : ''}${grouped}${dec ? `,${dec}` : ''}`;
}

/** "85", "85 à 90". */
export function frenchRange(r: { min: number; max: number }): string {
  return r.min === r.max ? frenchNumber(r.min) : `${frenchNumber(r.min)} à ${frenchNumber(r.max)}`;
}

/** Singular and plural names of each role, as union bulletins write them. */
const ROLE_NAMES: Record<Role, [string, string]> = {
  dfspip: ['DFSPIP', 'DFSPIP'],
  'dfspip-adjoint': ['DFSPIP adjoint·e', 'DFSPIP adjoint·es'],
  dpip: ['DPIP', 'DPIP'],
  'chef-antenne': ['chef·fe d’antenne', 'chef·fes d’antenne'],
  cpip: ['CPIP', 'CPIP'],
  'stagiaire-cpip': ['CPIP stagiaire', 'CPIP stagiaires'],
  pa: ['PA', 'PA'],
  sa: ['SA', 'SA'],
  aa: ['AA', 'AA'],
  ass: ['ASS', 'ASS'],
  ase: ['ASE', 'ASE'],
  psychologue: ['psychologue', 'psychologues'],
  'coordinateur-culturel': ['coordonnateur·rice culturel·le', 'coordonnateur·rices culturel·les'],
  'agent-prevention': ['agent·e de prévention', 'agent·es de prévention'],
  'service-civique': ['volontaire en service civique', 'volontaires en service civique'],
  stagiaire: ['stagiaire', 'stagiaires'],
  'cip-ipro': ['CIP du service IPRO', 'CIP du service IPRO'],
  surveillant: ['surveillant·e', 'surveillant·es'],
  'direction-etablissement': ['direction de l’établissement', 'directions d’établissement'],
  'direction-spip': ['direction du SPIP', 'directions du SPIP'],
  'direction-disp': ['DISP', 'DISP'],
  dap: ['DAP', 'DAP'],
  atigip: ['ATIGIP', 'ATIGIP'],
  'equipe-projet': ['équipe projet', 'équipes projet'],
  'secretaire-syndical': ['secrétaire syndical·e', 'secrétaires syndicaux·ales'],
  'delegue-syndical': ['délégué·e syndical·e', 'délégué·es syndicaux·ales'],
  collegues: ['collègue', 'collègues'],
  autre: ['autre', 'autres'],
};

/** How inclusive writing is shown: median dots ("chef·fe"), or the masculine form only. */
export type Inclusive = 'point-median' | 'aucune';

/** The name of a role for a count: "1 CPIP", "2 psychologues". */
export function roleName(role: Role, count = 1, inclusive: Inclusive = 'point-median'): string {
  const [one, many] = ROLE_NAMES[role];
  const name = count > 1 ? many : one;
  return inclusive === 'aucune' ? name.replace(/·[a-zé]+/g, '') : name;
}

/** "1 CPIP", "13 CPIP", "2 psychologues", "aucun DPIP". */
export function countOf(role: Role, count: number, inclusive: Inclusive = 'point-median'): string {
  if (count === 0) return `aucun ${roleName(role, 1, inclusive)}`;
  return `${frenchNumber(count)} ${roleName(role, count, inclusive)}`;
}
