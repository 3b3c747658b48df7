/**
 * Stage 3, derive: pure functions from a valid visit to indicators. No I/O,
 * no clock: the same visit and ratios always give the same numbers.
 */
import type { Amount, Caseload, Role, Site, Visit } from '../schema/types.js';
import type {
  CapWindow, CaseloadIndicator, Desks, GapCheck, Range, Ratio, RoleStaff, SiteIndicators, VisitIndicators,
} from './types.js';

export type * from './types.js';

/** Reference ratios used when the configuration gives none. */
export const DEFAULT_RATIOS: readonly Ratio[] = [
  { role: 'cpip', unit: 'ppsmj', perFte: 60, source: 'Organigrammes de référence de la DAP : 1 CPIP pour 60 PPSMJ' },
  { role: 'ase', unit: 'pse', perFte: 50, source: 'Organigrammes de référence de la DAP : 1 ASE pour 50 personnes sous surveillance électronique' },
];

/** Roles that lead rather than take a desk in a shared office. */
const DIRECTION: ReadonlySet<Role> = new Set<Role>(['dfspip', 'dfspip-adjoint', 'dpip', 'chef-antenne']);
/** Rooms that are not workstations for the team. */
const NOT_DESKS = new Set(['direction', 'entretien', 'reunion', 'archives']);

const EPSILON = 1e-9;
const range = (min: number, max = min): Range => ({ min, max });
const rangeOf = (amount: Amount | undefined): Range | undefined =>
  amount === undefined ? undefined : typeof amount === 'number' ? range(amount) : range(amount.min, amount.max);
/** Rounds to 2 decimals so that derived numbers print and compare cleanly. */
const round = (n: number): number => Math.round(n * 100) / 100;

/** Staff per role, in the order roles first appear on the site. */
export function staffByRole(site: Site): RoleStaff[] {
  const byRole = new Map<Role, RoleStaff & { fteKnown: boolean }>();
  for (const line of site.staffing ?? []) {
    let s = byRole.get(line.role);
    if (!s) {
      s = { role: line.role, headcount: 0, fte: 0, fteKnown: true, seconded: 0, longLeave: 0, present: 0, contract: 0,
        leaving: 0, leavingNotReplaced: 0, planned: 0, actingAs: [] };
      byRole.set(line.role, s);
    }
    s.headcount += line.count;
    if (line.fte === undefined) s.fteKnown = false;
    else s.fte = (s.fte ?? 0) + line.fte;
    s.planned += line.planned?.count ?? 0;
    for (const part of line.of ?? []) {
      if (part.status === 'detache') s.seconded += part.count;
      if (part.status === 'conge-long') s.longLeave += part.count;
      if (part.status === 'contractuel') s.contract += part.count;
      if (part.status === 'depart') {
        s.leaving += part.count;
        if (part.replaced !== true) s.leavingNotReplaced += part.count;
      }
      if (part.status === 'faisant-fonction' && part.actingAs && !s.actingAs.includes(part.actingAs)) s.actingAs.push(part.actingAs);
    }
  }
  return [...byRole.values()].map(({ fteKnown, ...s }) => ({
    ...s,
    fte: fteKnown && s.headcount > 0 ? round(s.fte ?? 0) : undefined,
    present: Math.max(0, s.headcount - s.seconded - s.longLeave),
  }));
}

/** Desks in shared offices against the people who need one. */
export function desks(site: Site, staff: readonly RoleStaff[]): Desks | undefined {
  const offices = (site.premises?.areas ?? []).flatMap((a) => a.offices ?? []).filter((o) => !NOT_DESKS.has(o.kind) && !o.planned);
  if (offices.length === 0) return undefined;
  const total = offices.reduce((n, o) => n + (o.capacity ?? 0) * (o.count ?? 1), 0);
  const complete = offices.every((o) => o.capacity !== undefined);
  // When offices say who sits there, only those roles need these desks.
  const occupants = new Set(offices.flatMap((o) => o.occupants ?? []));
  const needed = staff
    .filter((s) => !DIRECTION.has(s.role) && (occupants.size === 0 || occupants.has(s.role)))
    .reduce((n, s) => n + s.present + s.planned, 0);
  return { total, complete, needed, left: total - needed };
}

/** Finds the ratio for a role and unit: the configuration's first, then the defaults. */
export function ratioFor(role: Role, unit: Caseload['unit'], ratios: readonly Ratio[]): Ratio | undefined {
  return ratios.find((r) => r.role === role && r.unit === unit);
}

/** Caseload per agent against the reference ratio, and the posts missing to meet it. */
export function caseloadIndicators(site: Site, staff: readonly RoleStaff[], ratios: readonly Ratio[]): CaseloadIndicator[] {
  return (site.caseload ?? []).map((c) => {
    const s = staff.find((x) => x.role === c.role);
    const agents = s ? (s.fte ?? s.present) : 0;
    let perFte = rangeOf(c.perFte);
    let total = rangeOf(c.total);
    if (!total && perFte && agents > 0) total = range(round(perFte.min * agents), round(perFte.max * agents));
    if (!perFte && total && agents > 0) perFte = range(round(total.min / agents), round(total.max / agents));
    const indicator: CaseloadIndicator = { role: c.role, unit: c.unit, agents, approximate: c.approximate === true };
    if (perFte) indicator.perFte = perFte;
    if (total) indicator.total = total;
    const reference = ratioFor(c.role, c.unit, ratios);
    if (reference) {
      indicator.reference = reference;
      if (total) {
        const needed = range(round(total.min / reference.perFte), round(total.max / reference.perFte));
        indicator.needed = needed;
        indicator.missing = range(
          Math.max(0, Math.ceil(needed.min - agents - EPSILON)),
          Math.max(0, Math.ceil(needed.max - agents - EPSILON)),
        );
      }
    }
    return indicator;
  });
}

/** Preparation windows of the CAP the site mentions. */
export function capWindows(site: Site): CapWindow[] {
  const out: CapWindow[] = [];
  for (const d of site.difficulties ?? []) {
    const cap = d.cap;
    if (cap?.listReceivedDaysBefore === undefined || cap.reportsDueDaysBefore === undefined) continue;
    const w: CapWindow = {
      listReceivedDaysBefore: cap.listReceivedDaysBefore,
      reportsDueDaysBefore: cap.reportsDueDaysBefore,
      days: cap.listReceivedDaysBefore - cap.reportsDueDaysBefore,
    };
    if (cap.kind !== undefined) w.kind = cap.kind;
    if (cap.sessionsPerMonth !== undefined) w.sessionsPerMonth = cap.sessionsPerMonth;
    out.push(w);
  }
  return out;
}

/** Sets each gap the union states against the posts computed as missing. */
export function gapChecks(site: Site, caseload: readonly CaseloadIndicator[]): GapCheck[] {
  return (site.gaps ?? []).map((g) => {
    const computed = caseload.find((c) => c.role === g.role && c.missing)?.missing;
    const atLeast = g.atLeast === true;
    let agree = true;
    if (computed && g.count !== undefined) {
      agree = atLeast ? g.count <= computed.max : g.count >= computed.min && g.count <= computed.max;
    }
    const check: GapCheck = { role: g.role, atLeast, agree };
    if (g.count !== undefined) check.stated = g.count;
    if (computed) check.computed = computed;
    return check;
  });
}

/** All indicators of one site. */
export function deriveSite(site: Site, ratios: readonly Ratio[] = DEFAULT_RATIOS): SiteIndicators {
  const staff = staffByRole(site);
  const caseload = caseloadIndicators(site, staff, ratios);
  const out: SiteIndicators = {
    siteId: site.id,
    staff,
    headcount: staff.reduce((n, s) => n + s.headcount, 0),
    present: staff.reduce((n, s) => n + s.present, 0),
    caseload,
    capWindows: capWindows(site),
    gaps: gapChecks(site, caseload),
  };
  const d = desks(site, staff);
  if (d) out.desks = d;
  return out;
}

/** All indicators of a visit. */
export function deriveVisit(visit: Visit, ratios: readonly Ratio[] = DEFAULT_RATIOS): VisitIndicators {
  return { sites: visit.sites.map((s) => deriveSite(s, ratios)) };
}
