/** Indicators computed from a visit: never typed by the delegate. */
import type { Role } from '../schema/types.js';

/** A value known exactly (min = max) or as a range. */
export interface Range {
  min: number;
  max: number;
}

/** A reference ratio: one agent per `perFte` units of caseload, with where it comes from. */
export interface Ratio {
  role: Role;
  unit: 'ppsmj' | 'pse' | 'mesures' | 'dossiers' | 'places';
  perFte: number;
  source: string;
}

/** Staff of one role on one site, all units together. */
export interface RoleStaff {
  role: Role;
  /** People in post (heads). */
  headcount: number;
  /** Full-time equivalents, when given for every line of the role. */
  fte?: number;
  seconded: number;
  longLeave: number;
  /** Heads actually working there: headcount − seconded − long leave. */
  present: number;
  contract: number;
  leaving: number;
  leavingNotReplaced: number;
  /** Posts announced but not filled yet. */
  planned: number;
  /** Roles this role's people stand in for ("faisant fonction"). */
  actingAs: Role[];
}

/** Caseload of a role against its reference ratio. */
export interface CaseloadIndicator {
  role: Role;
  unit: Ratio['unit'];
  /** Agents counted: FTE when given, else present heads. */
  agents: number;
  perFte?: Range;
  total?: Range;
  approximate: boolean;
  reference?: Ratio;
  /** Agents needed to meet the reference ratio. */
  needed?: Range;
  /** Posts missing to meet it (0 when met), rounded up. */
  missing?: Range;
}

/** Desks against people who need one. */
export interface Desks {
  /** Workstations in offices whose capacity is known (direction, interview, meeting rooms and archives excluded). */
  total: number;
  /** Every office that counts has a known capacity. */
  complete: boolean;
  /** People in post or expected who need a desk (direction excluded). */
  needed: number;
  /** Desks left once those people are seated (negative: people without a desk). */
  left: number;
}

/** Days left to prepare a CAP between receiving its list and sending the reports. */
export interface CapWindow {
  kind?: string;
  sessionsPerMonth?: number;
  listReceivedDaysBefore: number;
  reportsDueDaysBefore: number;
  days: number;
}

/** A gap the union states, set against the computed one. */
export interface GapCheck {
  role: Role;
  /** Count stated by the union; undefined for "un certain nombre". */
  stated?: number;
  atLeast: boolean;
  computed?: Range;
  /** False when both are known and cannot be reconciled. */
  agree: boolean;
}

/** Everything computed for one site. */
export interface SiteIndicators {
  siteId: string;
  staff: RoleStaff[];
  headcount: number;
  present: number;
  desks?: Desks;
  caseload: CaseloadIndicator[];
  capWindows: CapWindow[];
  gaps: GapCheck[];
}

/** Everything computed for one visit. */
export interface VisitIndicators {
  sites: SiteIndicators[];
}
