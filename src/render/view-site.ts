/**
 * The view of one site: every fact as Markdown-safe phrases, in the order a
 * bulletin gives them. House-style templates choose headings and layout.
 */
import type { SiteIndicators } from '../derive/types.js';
import type { Area, Difficulty, Legal, Office, Premises, Relocation, Site, Visit } from '../schema/types.js';

type Service = Visit['services'][number];
import { frenchDate, frenchNumber, frenchWeekdayDate, joinAnd } from './french.js';
import { assessmentText, caseloadSentence, desksSentence, gapText, staffLine, staffRows, type StaffRow } from './view-staffing.js';
import { capital, floorText, lit, md, paras, people, roleList, s, sentence, whenText, type Ctx } from './words.js';

/** A legal reference as a citation ("article D147-21 du CPP") with its quote. */
export interface LegalView { citation: string; quote?: string }
/** A difficulty, ready to print. */
export interface DifficultyView { title?: string; text: string; details: string[]; cap?: string; legal: LegalView[]; position: string[] }
/** A block of premises (a building, a quarter, a floor). */
export interface AreaView { heading: string; offices: string[]; accessibility?: string; legal: LegalView[]; note?: string; position: string[] }
/** A relocation project. */
export interface RelocationView { text: string; facts: string[]; constraints: string[]; position: string[] }
/** Premises and security. */
export interface PremisesView { facts: string[]; areas: AreaView[]; works: { text: string; effects: string[] }[]; relocations: RelocationView[]; notes: string[]; position: string[] }
/** Staffing, caseload and gaps. */
export interface StaffingView { lines: string[]; table: StaffRow[]; caseload: string[]; desks?: string; gaps: string[]; references: string[] }

/** Everything a template shows for a site. */
export interface SiteView {
  id: string;
  name: string;
  heading: string;
  quarters?: string;
  visited?: string;
  capacity?: string;
  milestones: string[];
  summary: string[];
  difficulties: DifficultyView[];
  premises?: PremisesView;
  staffing?: StaffingView;
  climate: string[];
  demands: string[];
  /** Section numbers for styles that number them (1. difficulties, 2. premises, 3. staffing). */
  sections: { difficulties?: number; premises?: number; staffing?: number };
}

const CODE_SHORT: Record<string, string> = { CPP: 'CPP', CP: 'code pénal', CPJ: 'code pénitentiaire', CT: 'code du travail', CGFP: 'code général de la fonction publique' };

/** "article D147-21 du CPP", "loi n° 2005-102 du 11 février 2005 pour …". */
export function legalView(ref: Legal): LegalView {
  let citation: string;
  if (ref.kind === 'code') citation = `article ${lit(ref.article)} du ${CODE_SHORT[ref.code ?? ''] ?? lit(ref.code)}`;
  else {
    const nature = { loi: 'loi', decret: 'décret', circulaire: 'circulaire', autre: 'texte' }[ref.kind];
    citation = `${nature}${ref.number ? ` n° ${lit(ref.number)}` : ''}${ref.date ? ` du ${frenchDate(ref.date)}` : ''}`;
    if (ref.title) citation += ` ${md(ref.title)}`;
  }
  if (ref.url && ref.kind !== 'code' && ref.kind !== 'loi') citation = `[${citation}](${ref.url})`;
  const view: LegalView = { citation };
  if (ref.quote) view.quote = md(ref.quote);
  return view;
}

function capText(d: Difficulty): string | undefined {
  const c = d.cap;
  if (!c) return undefined;
  const name = c.kind ? md(c.kind) : 'CAP';
  const bits: string[] = [];
  if (c.sessionsPerMonth !== undefined) bits.push(`${frenchNumber(c.sessionsPerMonth)} CAP par mois`);
  if (c.listReceivedDaysBefore !== undefined) bits.push(`rôle de la ${name} reçu ${frenchNumber(c.listReceivedDaysBefore)} jours avant la séance`);
  if (c.reportsDueDaysBefore !== undefined) bits.push(`rapports à rendre au JAP ${frenchNumber(c.reportsDueDaysBefore)} jours avant`);
  if (c.listReceivedDaysBefore !== undefined && c.reportsDueDaysBefore !== undefined) {
    const days = c.listReceivedDaysBefore - c.reportsDueDaysBefore;
    bits.push(days > 0 ? `soit ${frenchNumber(days)} jour${s(days)} pour préparer la commission` : 'soit aucun jour pour la préparer');
  }
  return bits.length > 0 ? `${capital(bits.join(' ; '))}.` : undefined;
}

const SEE: Record<string, string> = { premises: 'voir « Locaux et sécurité »', staffing: 'voir « Point RH »' };

function difficultyView(d: Difficulty): DifficultyView {
  const text = md(d.text) ?? '';
  const view: DifficultyView = {
    text: d.see ? sentence(`${text.replace(/\.$/, '')} (${SEE[d.see]})`) : text,
    details: paras(d.details), legal: (d.legal ?? []).map(legalView), position: paras(d.position),
  };
  if (d.title) view.title = md(d.title);
  const cap = capText(d);
  if (cap) view.cap = cap;
  return view;
}

const OFFICE_NAMES: Record<string, [string, string]> = {
  bureau: ['bureau', 'bureaux'], individuel: ['bureau individuel', 'bureaux individuels'], partage: ['bureau partagé', 'bureaux partagés'],
  'open-space': ['open-space', 'open-spaces'], direction: ['bureau de direction', 'bureaux de direction'],
  secretariat: ['bureau de secrétariat', 'bureaux de secrétariat'], entretien: ['bureau d’entretien', 'bureaux d’entretien'],
  reunion: ['salle de réunion', 'salles de réunion'], archives: ['local d’archives', 'locaux d’archives'], autre: ['pièce', 'pièces'],
};

/** "2 open-spaces de 9 postes, occupés chacun par 9 personnes (CPIP) : complets". */
export function officeText(o: Office, ctx: Ctx): string {
  const n = o.count ?? 1;
  const [one, many] = OFFICE_NAMES[o.kind] ?? ['pièce', 'pièces'];
  let text = `${frenchNumber(n)} ${n > 1 ? many : one}`;
  if (o.planned) text += ' (prévu)';
  if (o.capacity !== undefined) text += ` de ${frenchNumber(o.capacity)} place${s(o.capacity)}`;
  if (o.occupancy !== undefined) text += `, occupé${s(n)}${n > 1 ? ' chacun' : ''} par ${people(o.occupancy)}`;
  if (o.occupants?.length) text += ` (${roleList(o.occupants, ctx.inclusive, true)})`;
  if (o.networkPoints !== undefined) text += `, ${frenchNumber(o.networkPoints)} prise${s(o.networkPoints)} réseau`;
  if (o.wifiWorkstations) text += `, ${frenchNumber(o.wifiWorkstations)} poste${s(o.wifiWorkstations)} relié${s(o.wifiWorkstations)} en wifi faute de prise`;
  if (o.note) text += ` : ${md(o.note)?.replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase())}`;
  return text;
}

function areaView(a: Area, site: Site, ctx: Ctx): AreaView {
  const unit = site.units?.find((u) => u.id === a.unit);
  let heading = capital(md(a.label) ?? '');
  if (unit && !a.label.toLowerCase().includes(unit.name.toLowerCase())) heading += ` (${md(unit.name)})`;
  if (a.floor !== undefined) heading += `, ${floorText(a.floor)}`;
  if (a.nearby) heading += `, à proximité de : ${md(a.nearby)}`;
  const view: AreaView = {
    heading, offices: (a.offices ?? []).map((o) => officeText(o, ctx)), legal: [], position: paras(a.position),
  };
  const acc = a.accessibility;
  if (acc) {
    const bits: string[] = [];
    if (acc.lift === false) bits.push('pas d’ascenseur');
    if (acc.lift === true) bits.push('un ascenseur dessert les bureaux');
    if (acc.accessible === false) bits.push('bureaux inaccessibles à une personne à mobilité réduite (PMR)');
    if (acc.accessible === true) bits.push('bureaux accessibles aux personnes à mobilité réduite (PMR)');
    let text = bits.length > 0 ? `${capital(bits.join(' ; '))}.` : '';
    if (acc.note) text += `${text ? ' ' : ''}${sentence(md(acc.note) ?? '')}`;
    if (text) view.accessibility = text;
    view.legal = (acc.legal ?? []).map(legalView);
  }
  if (a.note) view.note = sentence(md(a.note) ?? '');
  return view;
}

const CONSULTED: Record<string, string> = { oui: 'les agents ont été consultés', non: 'les agents n’ont pas été consultés', partiel: 'les agents ont été informés, sans être réellement consultés' };

function relocationView(r: Relocation, ctx: Ctx): RelocationView {
  const facts: string[] = [];
  const presented = [
    r.presentedOn !== undefined ? whenText(r.presentedOn) : undefined,
    r.presentedAt ? `en ${md(r.presentedAt)}` : undefined,
    r.presentedTo ? `à : ${md(r.presentedTo)}` : undefined,
  ].filter(Boolean);
  if (presented.length > 0) facts.push(`Présenté ${presented.join(' ')}.`);
  if (r.where || r.near) facts.push(`Lieu envisagé : ${[md(r.where), r.near ? `près de : ${ctx.placeName(r.near)}` : undefined].filter(Boolean).join(', ')}.`);
  if (r.mergesWith?.length) facts.push(`Regroupement : ${joinAnd(r.mergesWith.map(ctx.placeName))}.`);
  if (r.origin) facts.push(`Projet initial : ${sentence(md(r.origin) ?? '')}`);
  if (r.plansShown === true) facts.push('Des plans ont déjà été présentés aux agents.');
  if (r.staffConsulted) facts.push(`${capital(CONSULTED[r.staffConsulted] ?? '')}.`);
  return { text: sentence(md(r.text) ?? ''), facts, constraints: paras(r.constraints), position: paras(r.position) };
}

const EFFECTS: Record<string, string> = { ameliore: 'a amélioré les conditions de travail', neutre: 'sans effet notable sur les conditions de travail', degrade: 'a dégradé les conditions de travail' };

function premisesView(p: Premises, site: Site, ctx: Ctx): PremisesView {
  const facts: string[] = [];
  if (p.location) facts.push(`Situation : ${sentence(md(p.location) ?? '')}`);
  if (p.publicTransport) facts.push(`Transports en commun : ${sentence(md(p.publicTransport) ?? '')}`);
  if (p.parking) facts.push(`Stationnement : ${p.parking.sufficient ? 'le parking suffit à l’équipe' : 'le parking est trop petit pour toute l’équipe'}${p.parking.note ? `, ${md(p.parking.note)}` : ''}.`);
  if (p.reception) facts.push(`Accueil : ${p.reception.airlock ? 'l’accueil forme un sas de sécurité' : 'pas d’effet de sas à l’accueil, ce qui réduit la sécurité'}${p.reception.note ? `, ${md(p.reception.note)}` : ''}.`);
  if (p.alarms) facts.push(`Alarmes : ${p.alarms.procedureKnown ? 'les agents connaissent la procédure à suivre' : 'les agents ne connaissent pas de procédure claire en cas d’alarme'}${p.alarms.note ? `, ${md(p.alarms.note)}` : ''}.`);
  if (p.telework) facts.push(`Télétravail : ${EFFECTS[p.telework.effect]}${p.telework.note ? `. ${sentence(md(p.telework.note) ?? '')}` : '.'}`);
  return {
    facts,
    areas: (p.areas ?? []).map((a) => areaView(a, site, ctx)),
    works: (p.works ?? []).map((w) => ({
      text: `${w.date !== undefined ? `${capital(whenText(w.date))} : ` : ''}${sentence(md(w.text) ?? '')}`,
      effects: paras(w.effects),
    })),
    relocations: (p.relocations ?? []).map((r) => relocationView(r, ctx)),
    notes: paras(p.notes),
    position: paras(p.position),
  };
}

function staffingView(site: Site, ind: SiteIndicators, ctx: Ctx): StaffingView | undefined {
  if (!site.staffing?.length && !site.caseload?.length && !site.gaps?.length) return undefined;
  const references = new Set<string>();
  const caseload = ind.caseload.map((c, i) => {
    if (c.reference) references.add(lit(c.reference.source) ?? '');
    const entry = site.caseload?.[i];
    return caseloadSentence(c, entry?.perFte !== undefined ? 'perFte' : 'total', md(entry?.note), assessmentText(entry?.assessment), ctx.inclusive);
  });
  const view: StaffingView = {
    lines: (site.staffing ?? []).map((l) => staffLine(l, site, ctx)),
    table: staffRows(ind.staff, ctx.inclusive),
    caseload,
    gaps: (site.gaps ?? []).map((g, i) => gapText(g, ind.gaps[i], ctx.inclusive)),
    references: [...references],
  };
  const desks = desksSentence(ind.desks);
  if (desks) view.desks = desks;
  return view;
}

/** The whole view of a site. */
export function siteView(site: Site, service: Service | undefined, ind: SiteIndicators, ctx: Ctx): SiteView {
  const name = md(site.name) ?? '';
  const quarters = site.quarters?.length ? site.quarters.map((q) => lit(q)).join(', ') : undefined;
  const visited = site.visitedOn?.length === 1 ? frenchWeekdayDate(site.visitedOn[0]!) : undefined;
  const heading = [service ? `${md(service.shortName ?? service.name)} – ${name}` : name, quarters ? ` (${quarters})` : '', visited ? `, ${visited}` : ''].join('');
  const view: SiteView = {
    id: site.id, name, heading, milestones: (site.milestones ?? []).map((m) => {
      const status = { prevu: 'prévu', fait: 'réalisé', reporte: 'reporté', abandonne: 'abandonné' }[m.status ?? 'prevu'];
      return `${m.date !== undefined ? `${capital(frenchDate(m.date))} : ` : ''}${md(m.text)}${m.status && m.status !== 'prevu' ? ` (${status})` : ''}`;
    }),
    summary: paras(site.summary),
    difficulties: (site.difficulties ?? []).map(difficultyView),
    climate: paras(site.climate),
    demands: (site.demands ?? []).map((d) => `${md(d.text)}${d.to ? ` (${md(d.to)})` : ''}`),
    sections: {},
  };
  if (quarters) view.quarters = quarters;
  if (site.visitedOn?.length) view.visited = site.visitedOn.map((d) => frenchWeekdayDate(d)).join(', ');
  if (site.capacity !== undefined) view.capacity = `${frenchNumber(site.capacity)} place${s(site.capacity)}`;
  if (site.premises) view.premises = premisesView(site.premises, site, ctx);
  const staffing = staffingView(site, ind, ctx);
  if (staffing) view.staffing = staffing;
  let n = 0;
  if (view.difficulties.length > 0) view.sections.difficulties = ++n;
  if (view.premises) view.sections.premises = ++n;
  if (view.staffing) view.sections.staffing = ++n;
  return view;
}
