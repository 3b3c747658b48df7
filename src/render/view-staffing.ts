/**
 * The staffing part of a site's view: one phrase per staffing line, a table
 * per role with what derive computed, caseload sentences and gaps.
 */
import type { CaseloadIndicator, Desks, GapCheck, RoleStaff } from '../derive/types.js';
import type { Gap, Site, Staff, Subcount } from '../schema/types.js';
import { countOf, frenchNumber, frenchRange, roleName, type Inclusive } from './french.js';
import { lit, md, s, sentence, whenText, type Ctx } from './words.js';

const UNITS: Record<string, [string, string]> = {
  ppsmj: ['PPSMJ', 'PPSMJ'],
  pse: ['personne sous surveillance électronique', 'personnes sous surveillance électronique'],
  mesures: ['mesure', 'mesures'],
  dossiers: ['dossier', 'dossiers'],
  places: ['place', 'places'],
};
const unitName = (unit: string, n: number): string => (UNITS[unit] ?? [unit, unit])[n > 1 ? 1 : 0];

function subcountText(part: Subcount, inclusive: Inclusive): string {
  const n = part.count;
  const e = inclusive === 'aucune' ? '' : '·e';
  const es = inclusive === 'aucune' ? 's' : '·es';
  const pl = n > 1 ? es : e;
  let text: string;
  switch (part.status) {
    case 'contractuel': text = `${n} contractuel${inclusive === 'aucune' ? (n > 1 ? 's' : '') : n > 1 ? '·les' : '·le'}`; break;
    case 'detache': text = `${n} détaché${pl}`; break;
    case 'conge-long': text = `${n} en congé long${part.leave?.length ? ` (${part.leave.map((l) => lit(l)).join(' / ')})` : ''}`; break;
    case 'depart': text = `${n} sur le départ${part.replaced === false ? `, non remplacé${pl} à ce jour` : part.replaced ? `, remplacé${pl}` : ''}`; break;
    case 'arrivee': text = `${n} arrivé${pl}${part.since !== undefined ? ` ${whenText(part.since)}` : ' récemment'}`; break;
    case 'faisant-fonction': text = `${n > 1 ? `${n} ` : ''}faisant fonction de ${part.actingAs ? roleName(part.actingAs, 1, inclusive) : 'autre rôle'}`; break;
    case 'temps-partiel': text = `${n} à temps partiel${part.rate !== undefined ? ` (${frenchNumber(part.rate)} %)` : ''}`; break;
    case 'stagiaire': text = `${n} en formation`; break;
  }
  if (part.status !== 'arrivee' && part.since !== undefined) text += ` depuis ${whenText(part.since).replace(/^(le|en) /, '')}`;
  if (part.until !== undefined) text += ` jusqu’${whenText(part.until).replace(/^le /, 'au ').replace(/^en /, 'en ')}`;
  const note = md(part.note);
  return note ? `${text} (${note})` : text;
}

/** One staffing line as a phrase: "13 CPIP (grand quartier), dont 1 contractuel·le (…)". */
export function staffLine(line: Staff, site: Site, ctx: Ctx): string {
  const { inclusive } = ctx;
  const unit = site.units?.find((u) => u.id === line.unit);
  const name = line.label ? md(line.label) ?? '' : roleName(line.role, Math.max(1, line.count), inclusive);
  let text = line.count === 0 ? `aucun ${line.label ? name : roleName(line.role, 1, inclusive)}` : `${frenchNumber(line.count)} ${name}`;
  if (line.fte !== undefined) text += ` (${frenchNumber(line.fte)} ETP)`;
  if (unit) text += ` (${md(unit.name)})`;
  const parts = (line.of ?? []).map((p) => subcountText(p, inclusive));
  const acting = parts.filter((_, i) => line.of?.[i]?.status === 'faisant-fonction');
  const rest = parts.filter((_, i) => line.of?.[i]?.status !== 'faisant-fonction');
  if (acting.length > 0) text += `, ${acting.join(', ')}`;
  if (rest.length > 0) text += `, dont ${rest.join(', ')}`;
  if (line.sharedWith?.length) text += `, intervenant aussi : ${line.sharedWith.map(ctx.placeName).join(', ')}`;
  if (line.since !== undefined) text += `, en poste depuis ${whenText(line.since).replace(/^(le|en) /, '')}`;
  if (line.planned) {
    const p = line.planned;
    text += ` ; ${frenchNumber(p.count)} poste${s(p.count)} attendu${s(p.count)}${p.date !== undefined ? ` ${whenText(p.date)}` : ''}`;
    if (p.confirmed === false) text += `, non confirmé${s(p.count)}`;
    if (p.confirmed === true) text += `, confirmé${s(p.count)}`;
    if (p.note) text += ` (${md(p.note)})`;
  }
  if (line.note) text += ` (${md(line.note)})`;
  return text;
}

/** A row of the staffing table. */
export interface StaffRow { role: string; headcount: string; present: string; notReplaced: string; planned: string }

/** The staffing table: one row per role, with the derived figures. */
export function staffRows(staff: readonly RoleStaff[], inclusive: Inclusive): StaffRow[] {
  return staff.map((r) => ({
    role: roleName(r.role, Math.max(1, r.headcount), inclusive),
    headcount: r.fte !== undefined ? `${frenchNumber(r.headcount)} (${frenchNumber(r.fte)} ETP)` : frenchNumber(r.headcount),
    present: frenchNumber(r.present),
    notReplaced: r.leavingNotReplaced > 0 ? frenchNumber(r.leavingNotReplaced) : '–',
    planned: r.planned > 0 ? frenchNumber(r.planned) : '–',
  }));
}

/** The caseload sentence of a role, with the reference ratio and the posts missing. `given` says which figure the visit states. */
export function caseloadSentence(c: CaseloadIndicator, given: 'perFte' | 'total', note: string | undefined, assessment: string | undefined, inclusive: Inclusive): string {
  const about = c.approximate ? 'environ ' : '';
  const one = roleName(c.role, 1, inclusive);
  let text: string;
  if (given === 'perFte' && c.perFte) {
    text = `Un·e ${one} (ETP) suit en moyenne ${about}${frenchRange(c.perFte)} ${unitName(c.unit, c.perFte.max)}`;
  } else if (c.total && c.agents > 0 && c.perFte) {
    text = `Les ${countOf(c.role, c.agents, inclusive)} présent·es suivent ${about}${frenchRange(c.total)} ${unitName(c.unit, c.total.max)}, soit ${about}${frenchRange(c.perFte)} par ${one}`;
  } else if (c.total) {
    text = `Le service suit ${about}${frenchRange(c.total)} ${unitName(c.unit, c.total.max)}, sans ${one} présent·e pour les suivre`;
  } else {
    text = `Charge de travail des ${roleName(c.role, 2, inclusive)} non chiffrée`;
  }
  if (c.agents === 1) text = text.replace('présent·es suivent', 'présent·e suit');
  if (inclusive === 'aucune') text = text.replace(/·[a-z]+/g, '');
  if (c.reference) {
    text += `, pour une référence de ${frenchNumber(c.reference.perFte)}`;
    if (c.missing && c.missing.max > 0) text += ` : il manque ${c.missing.min === c.missing.max ? '' : 'de '}${frenchRange(c.missing)} ${roleName(c.role, c.missing.max, inclusive)} pour l’atteindre`;
    else if (c.missing) text += ' : la référence est atteinte';
  }
  if (assessment) text += ` (ratio ${assessment})`;
  text = sentence(text);
  return note ? `${text} ${sentence(note)}` : text;
}

const ASSESSMENTS: Record<string, string> = { satisfaisant: 'jugé satisfaisant', tendu: 'jugé tendu', excessif: 'jugé excessif' };
/** French words for the union's assessment of a ratio. */
export const assessmentText = (a: string | undefined): string | undefined => (a ? ASSESSMENTS[a] : undefined);

/** A stated gap as a phrase: "au moins 1 ASE (…)", "des CPIP (…)". */
export function gapText(g: Gap, check: GapCheck | undefined, inclusive: Inclusive): string {
  let text = g.count === undefined ? `des ${roleName(g.role, 2, inclusive)}` : `${g.atLeast ? 'au moins ' : ''}${countOf(g.role, g.count, inclusive)}`;
  const why = [md(g.reason), md(g.note)].filter(Boolean);
  if (check?.computed && check.computed.max > 0 && g.count === undefined) why.push(`${frenchRange(check.computed)} d’après le ratio de référence`);
  if (why.length > 0) text += ` (${why.join(' ; ')})`;
  return text;
}

/** The desks sentence, when the offices say enough. */
export function desksSentence(d: Desks | undefined): string | undefined {
  // Only when every office's capacity is known: a partial count would mislead.
  if (!d || d.total === 0 || !d.complete) return undefined;
  const head = `${frenchNumber(d.total)} poste${s(d.total)} de travail pour ${frenchNumber(d.needed)} personne${s(d.needed)} en poste ou attendue${s(d.needed)} (hors direction)`;
  if (d.left === 0) return `${head} : aucune place pour un autre personnel.`;
  if (d.left < 0) return `${head} : il manque ${frenchNumber(-d.left)} poste${s(-d.left)}.`;
  return `${head} : ${frenchNumber(d.left)} poste${s(d.left)} libre${s(d.left)}.`;
}
