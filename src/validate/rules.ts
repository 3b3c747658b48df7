/**
 * Stage 2b, rules: what the schema cannot say, each with its own code.
 * They run even when the schema found problems, so that a delegate sees
 * everything at once; a rule that meets data of the wrong shape stops
 * quietly (the schema has already said what is wrong there).
 */
import { severityOf, type Code, type Diagnostic, type Params } from '../diagnostics.js';
import type { DataPath, SourceFile } from '../load.js';
import { placeOfValue } from '../locate.js';
import type { Amount, Site, Visit } from '../schema/types.js';
import { deriveSite, DEFAULT_RATIOS, type Ratio } from '../derive/index.js';
import { roleName } from '../render/french.js';
import { suggest } from './suggest.js';

type Report = (code: Code, path: DataPath, params?: Params) => void;

/** Whether a YYYY-MM-DD, YYYY-MM or YYYY string names a day (or month, or year) that exists. */
export function dateExists(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= last;
}

const DATE_SHAPE = /^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$/;

/** Every date-shaped string in the data, with its path (iterative: data depth is bounded by load). */
function* dates(data: unknown): Generator<[string, DataPath]> {
  const stack: [unknown, DataPath][] = [[data, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (DATE_SHAPE.test(value)) yield [value, path];
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, [...path, i]]));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) stack.push([v, [...path, k]]);
    }
  }
}

function checkDatesExist(visit: Visit, report: Report): void {
  for (const [value, path] of dates(visit)) {
    if (!dateExists(value)) report('date-invalid', path, { value });
  }
}

/** A well-formed date that exists: only those take part in comparisons. */
const realDate = (value: unknown): value is string => typeof value === 'string' && DATE_SHAPE.test(value) && dateExists(value);

function checkDateOrder(visit: Visit, report: Report): void {
  const days = visit.visit.dates.filter(realDate);
  const last = [...days].sort().at(-1);
  const published = visit.report.published.date;
  if (last && realDate(published) && published < last) {
    report('date-order', ['report', 'published', 'date'], { published, visited: last });
  }
  visit.sites.forEach((site, s) => site.visitedOn?.forEach((day, i) => {
    if (realDate(day) && !days.includes(day)) {
      report('date-outside-visit', ['sites', s, 'visitedOn', i], { value: day, dates: days });
    }
  }));
}

/** Ids must be unique across services, places and sites, which share one namespace for references. */
function checkIds(visit: Visit, report: Report): void {
  const seen = new Map<string, DataPath>();
  const claim = (id: string, path: DataPath): void => {
    const first = seen.get(id);
    if (first) report('duplicate-id', path, { id, first: first.join('.') });
    else seen.set(id, path);
  };
  visit.services.forEach((s, i) => claim(s.id, ['services', i, 'id']));
  visit.places?.forEach((p, i) => claim(p.id, ['places', i, 'id']));
  visit.sites.forEach((site, i) => {
    claim(site.id, ['sites', i, 'id']);
    const units = new Map<string, number>();
    site.units?.forEach((u, k) => {
      if (units.has(u.id)) report('duplicate-id', ['sites', i, 'units', k, 'id'], { id: u.id, first: `sites.${i}.units.${units.get(u.id)}.id` });
      else units.set(u.id, k);
    });
  });
}

function checkReferences(visit: Visit, report: Report): void {
  const services = visit.services.map((s) => s.id);
  const sites = visit.sites.map((s) => s.id);
  // A place reference may name a place, a site or a whole service.
  const places = [...(visit.places ?? []).map((p) => p.id), ...sites, ...services];
  const check = (value: string | undefined, path: DataPath, known: string[], kind: string): void => {
    if (value === undefined || known.includes(value)) return;
    const params: Params = { id: value, kind, known };
    const near = suggest(value, known);
    if (near) params.suggestion = near;
    report('unknown-reference', path, params);
  };
  const people = (list: { service?: string; site?: string }[] | undefined, at: DataPath): void =>
    list?.forEach((p, i) => {
      check(p.service, [...at, i, 'service'], services, 'service');
      check(p.site, [...at, i, 'site'], sites, 'site');
    });
  for (const key of ['delegation', 'organisedBy', 'guidedBy', 'facilitatedBy', 'met', 'authorities'] as const) {
    people(visit.visit[key] as { service?: string; site?: string }[] | undefined, ['visit', key]);
  }
  visit.services.forEach((s, i) => check(s.headquarters, ['services', i, 'headquarters'], places, 'place'));
  visit.report.arguments?.forEach((a, i) => check(a.site, ['report', 'arguments', i, 'site'], sites, 'site'));
  visit.report.demands?.forEach((d, i) => check(d.site, ['report', 'demands', i, 'site'], sites, 'site'));
  visit.sites.forEach((site, s) => checkSiteReferences(site, ['sites', s], { services, sites, places }, check));
}

function checkSiteReferences(
  site: Site, at: DataPath, known: { services: string[]; sites: string[]; places: string[] },
  check: (value: string | undefined, path: DataPath, known: string[], kind: string) => void,
): void {
  const units = (site.units ?? []).map((u) => u.id);
  check(site.service, [...at, 'service'], known.services, 'service');
  check(site.place, [...at, 'place'], known.places.filter((p) => p !== site.id), 'place');
  site.premises?.areas?.forEach((a, i) => check(a.unit, [...at, 'premises', 'areas', i, 'unit'], units, 'unit'));
  site.premises?.relocations?.forEach((r, i) => {
    check(r.near, [...at, 'premises', 'relocations', i, 'near'], known.places, 'place');
    r.mergesWith?.forEach((m, k) => check(m, [...at, 'premises', 'relocations', i, 'mergesWith', k], known.places, 'place'));
  });
  site.staffing?.forEach((line, i) => {
    check(line.unit, [...at, 'staffing', i, 'unit'], units, 'unit');
    line.sharedWith?.forEach((p, k) => check(p, [...at, 'staffing', i, 'sharedWith', k], known.places, 'place'));
  });
  site.demands?.forEach((d, i) => check(d.site, [...at, 'demands', i, 'site'], known.sites, 'site'));
}

/** Statuses that take people out of the service: together they cannot exceed the headcount. */
const ABSENT = new Set(['detache', 'conge-long']);

function checkStaffing(site: Site, at: DataPath, report: Report): void {
  site.staffing?.forEach((line, i) => {
    let absent = 0;
    line.of?.forEach((part, k) => {
      if (typeof part.count === 'number' && typeof line.count === 'number' && part.count > line.count) {
        report('subcount-exceeds-total', [...at, 'staffing', i, 'of', k, 'count'], { count: part.count, total: line.count, status: part.status });
      }
      if (ABSENT.has(part.status) && typeof part.count === 'number') absent += part.count;
    });
    if (typeof line.count === 'number' && absent > line.count && line.of?.every((p) => !(p.count > line.count))) {
      report('subcount-exceeds-total', [...at, 'staffing', i, 'count'], { count: absent, total: line.count, status: 'absent' });
    }
  });
}

function checkPremises(site: Site, at: DataPath, report: Report): void {
  site.premises?.areas?.forEach((area, a) => area.offices?.forEach((office, o) => {
    if (typeof office.capacity === 'number' && typeof office.occupancy === 'number' && office.occupancy > office.capacity) {
      report('occupancy-over-capacity', [...at, 'premises', 'areas', a, 'offices', o, 'occupancy'],
        { occupancy: office.occupancy, capacity: office.capacity });
    }
  }));
}

function inverted(amount: Amount | undefined): amount is { min: number; max: number } {
  return typeof amount === 'object' && typeof amount.min === 'number' && typeof amount.max === 'number' && amount.min > amount.max;
}

function checkCaseload(site: Site, at: DataPath, report: Report): void {
  site.caseload?.forEach((c, i) => {
    if (c.perFte === undefined && c.total === undefined) report('caseload-empty', [...at, 'caseload', i], { role: c.role });
    for (const key of ['perFte', 'total'] as const) {
      const amount = c[key];
      if (inverted(amount)) report('range-inverted', [...at, 'caseload', i, key], { min: amount.min, max: amount.max });
    }
  });
  site.difficulties?.forEach((d, i) => {
    const cap = d.cap;
    if (typeof cap?.listReceivedDaysBefore === 'number' && typeof cap.reportsDueDaysBefore === 'number'
      && cap.reportsDueDaysBefore > cap.listReceivedDaysBefore) {
      report('cap-window-negative', [...at, 'difficulties', i, 'cap', 'reportsDueDaysBefore'],
        { received: cap.listReceivedDaysBefore, due: cap.reportsDueDaysBefore });
    }
  });
}

/** A gap the union states that the staffing and caseload figures contradict. */
function checkGaps(site: Site, at: DataPath, ratios: readonly Ratio[], report: Report): void {
  const indicators = deriveSite(site, ratios);
  indicators.gaps.forEach((g, i) => {
    if (g.agree || !g.computed) return;
    const reference = indicators.caseload.find((c) => c.role === g.role)?.reference?.perFte ?? 0;
    const computed = g.computed.min === g.computed.max ? String(g.computed.min) : `${g.computed.min}–${g.computed.max}`;
    report('gap-mismatch', [...at, 'gaps', i, 'count'], { role: roleName(g.role, 2, 'aucune'), stated: g.stated ?? 0, computed, reference });
  });
}

/** Runs every rule; returns what they found. */
export function checkRules(file: SourceFile, ratios: readonly Ratio[] = DEFAULT_RATIOS, schemaValid = true): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report: Report = (code, path, params = {}) => {
    out.push({ code, severity: severityOf(code), file: file.path, place: placeOfValue(file, path), path, params, source: 'rule' });
  };
  const visit = file.data as Visit;
  const guarded = (rule: () => void): void => {
    try {
      rule();
    } catch {
      // Wrong shape: the schema reports it.
    }
  };
  guarded(() => checkDatesExist(visit, report));
  guarded(() => checkDateOrder(visit, report));
  guarded(() => checkIds(visit, report));
  guarded(() => checkReferences(visit, report));
  (Array.isArray(visit.sites) ? visit.sites : []).forEach((site, s) => {
    const at = ['sites', s];
    guarded(() => checkStaffing(site, at, report));
    guarded(() => checkPremises(site, at, report));
    guarded(() => checkCaseload(site, at, report));
  });
  // Indicators only mean something on data the other checks found sound.
  if (schemaValid && out.length === 0) {
    (visit.sites as Site[]).forEach((site, s) => guarded(() => checkGaps(site, ['sites', s], ratios, report)));
  }
  return out;
}
