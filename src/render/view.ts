/**
 * The view a house style's templates receive: the visit and its indicators
 * as Markdown-safe French phrases. Templates never see raw data, so no
 * template can let a delegate's text become Markdown structure.
 */
import type { VisitIndicators } from '../derive/types.js';
import type { Visit } from '../schema/types.js';
import { frenchDate, frenchDays, joinAnd, roleName } from './french.js';
import type { StyleConfig } from './style.js';
import { siteView, type SiteView } from './view-site.js';
import { capital, lit, md, paras, roleList, sentence, whenText, who, type Ctx } from './words.js';

/** Everything a template can show. */
export interface View {
  style: { name: string; website?: string };
  /** The union(s) signing the visit: `name` is the first, `names` all of them ("FO Justice CPIP et CGT IP"). */
  union: { name: string; names: string; cosigned: boolean };
  report: {
    kind: string;
    isCommunique: boolean;
    title: string;
    subtitle?: string;
    lead: string[];
    background: { text: string; links: string[] }[];
    arguments: { heading?: string; text?: string; questions: string[] }[];
    demands: string[];
    thanks: string[];
    commitment?: string;
    signature: string;
    date: string;
  };
  visit: {
    days: string;
    /** The sites visited, by name ("ALIP du CP de Longuenesse et ALIP MO de Béthune"). */
    sites: string;
    met?: string;
    delegation?: string;
    guidedBy?: string;
    organisedBy?: string;
    facilitatedBy?: string;
    authorities: string[];
    method?: string;
    scope: string[];
    followUp: string[];
  };
  service: { name: string; shortName: string; withDepartement: string };
  services: { name: string; withDepartement: string }[];
  sites: SiteView[];
}

const PRESENCE: Record<string, string> = {
  absent: 'absence pendant toute la visite',
  fin: 'présence en fin de visite seulement',
  debut: 'présence en début de visite seulement',
  partiel: 'présence sur une partie de la visite',
  present: 'présence pendant toute la visite',
};

/** "Montreuil, le 6 mars 2026" or "FO Justice CPIP – le 23 février 2024", from the style's form. */
export function signature(form: string, union: string, place: string | undefined, date: string): string {
  return form.replace(/\{union\}/g, union).replace(/\{place\}/g, place ?? union).replace(/\{date\}/g, frenchDate(date));
}

type Service = Visit['services'][number];
const withDepartement = (s: Service): string =>
  `${md(s.name)}${s.departement && !s.name.includes(s.departement.code) ? ` (${lit(s.departement.code)})` : ''}`;

/** Builds the view of a visit for a style. */
export function buildView(visit: Visit, indicators: VisitIndicators, style: StyleConfig, unionNames: readonly string[] = [style.name]): View {
  const inclusive = style.inclusive ?? 'point-median';
  const names = new Map<string, string>();
  for (const p of visit.places ?? []) names.set(p.id, md(p.name) ?? p.id);
  for (const s of visit.sites) names.set(s.id, md(s.name) ?? s.id);
  for (const s of visit.services) names.set(s.id, md(s.name) ?? s.id);
  const ctx: Ctx = { inclusive, placeName: (id) => names.get(id) ?? lit(id) ?? id };
  const people = (list: { role: Parameters<typeof roleName>[0]; label?: string; count?: number }[] | undefined): string | undefined =>
    list?.length ? joinAnd(list.map((p) => who(p, inclusive))) : undefined;
  const v = visit.visit;
  const r = visit.report;
  const service = visit.services[0]!;
  const met = v.met?.map((g) => {
    const roles = roleList(g.roles, inclusive, true);
    const label = g.label ? md(g.label) : undefined;
    const base = label ? (g.roles.length > 1 ? `${label} (${roles})` : label) : roles;
    return g.site ? `${base} (${ctx.placeName(g.site)})` : base;
  });
  const view: View = {
    style: { name: lit(style.name) ?? '' },
    union: { name: lit(unionNames[0] ?? style.name) ?? '', names: joinAnd(unionNames.map((n) => lit(n) ?? n)), cosigned: unionNames.length > 1 },
    report: {
      kind: r.kind,
      isCommunique: r.kind === 'communique',
      title: md(r.title) ?? '',
      lead: paras(r.lead),
      background: (r.background ?? []).map((b) => ({
        text: sentence(md(b.text) ?? ''),
        links: (b.links ?? []).map((l) => `[${l.title ? md(l.title) : lit(l.url)}](${l.url})`),
      })),
      arguments: (r.arguments ?? []).map((a) => {
        const arg: View['report']['arguments'][number] = { questions: paras(a.questions) };
        if (a.heading) arg.heading = md(a.heading);
        if (a.text) arg.text = sentence(md(a.text) ?? '');
        return arg;
      }),
      demands: (r.demands ?? []).map((d) => `${md(d.text)}${d.to ? ` (${md(d.to)})` : ''}`),
      thanks: paras(r.thanks),
      signature: lit(signature(style.signature, joinAnd(unionNames), r.published.place, r.published.date)) ?? '',
      date: frenchDate(r.published.date),
    },
    visit: {
      days: frenchDays(v.dates),
      sites: joinAnd(visit.sites.map((site) => md(site.name) ?? site.id)),
      authorities: (v.authorities ?? []).map((a) => `${capital(who(a, inclusive))} : ${PRESENCE[a.presence]}${a.note ? `. ${sentence(md(a.note) ?? '')}` : '.'}`),
      scope: paras(v.scope),
      followUp: (v.followUp ?? []).map((f) => sentence(`${md(f.text)}${f.date !== undefined ? ` (${whenText(f.date)})` : ''}`)),
    },
    service: { name: md(service.name) ?? '', shortName: md(service.shortName ?? service.name) ?? '', withDepartement: withDepartement(service) },
    services: visit.services.map((s) => ({ name: md(s.name) ?? '', withDepartement: withDepartement(s) })),
    sites: visit.sites.map((site, i) => siteView(site, visit.services.find((s) => s.id === site.service), indicators.sites[i]!, ctx)),
  };
  if (style.website) view.style.website = style.website;
  if (r.subtitle) view.report.subtitle = md(r.subtitle);
  if (r.commitment) view.report.commitment = sentence(md(r.commitment) ?? '');
  if (met?.length) view.visit.met = joinAnd(met, 'ainsi que');
  const delegation = people(v.delegation);
  if (delegation) view.visit.delegation = delegation;
  const guided = people(v.guidedBy);
  if (guided) view.visit.guidedBy = guided;
  const organised = people(v.organisedBy);
  if (organised) view.visit.organisedBy = organised;
  const facilitated = people(v.facilitatedBy);
  if (facilitated) view.visit.facilitatedBy = facilitated;
  if (v.method) view.visit.method = sentence(md(v.method) ?? '');
  return view;
}
