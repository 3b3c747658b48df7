#!/usr/bin/env node
// Writes N realistic, varied, valid visit files (unions, services, sites,
// staffing, caseload, premises, difficulties) for benchmarks and tests.
// Deterministic: the same N and seed give the same files.
//
//   node scripts/generate-visits.js N OUT_DIR [--seed S]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

/** A small seeded PRNG (mulberry32): reproducible without a dependency. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTEMENTS = [
  ['59', 'Nord', 'Lille'], ['62', 'Pas-de-Calais', 'Lille'], ['80', 'Somme', 'Lille'], ['75', 'Paris', 'Paris'],
  ['93', 'Seine-Saint-Denis', 'Paris'], ['69', 'Rhône', 'Lyon'], ['13', 'Bouches-du-Rhône', 'Marseille'],
  ['33', 'Gironde', 'Bordeaux'], ['31', 'Haute-Garonne', 'Toulouse'], ['67', 'Bas-Rhin', 'Strasbourg'],
  ['44', 'Loire-Atlantique', 'Rennes'], ['35', 'Ille-et-Vilaine', 'Rennes'], ['2A', 'Corse-du-Sud', 'Marseille'],
  ['974', 'La Réunion', 'Mission des services pénitentiaires de l’outre-mer'], ['21', 'Côte-d’Or', 'Dijon'],
];
const TOWNS = ['Arras', 'Béthune', 'Douai', 'Valenciennes', 'Amiens', 'Lens', 'Villepinte', 'Fleury', 'Corbas', 'Gradignan',
  'Muret', 'Nantes', 'Vezin', 'Ajaccio', 'Saint-Denis', 'Dijon', 'Calais', 'Boulogne', 'Maubeuge', 'Abbeville'];
const UNIONS = [['fo-justice-cpip', 'compte-rendu'], ['cgt-ip', 'communique']];
const TOPICS = {
  cap: 'Les CAP s’enchaînent et laissent peu de temps pour préparer les rapports.',
  locaux: 'Les bureaux sont trop petits pour l’équipe actuelle.',
  securite: 'Les procédures en cas d’alarme ne sont pas connues de tous.',
  acces: 'Le site est mal desservi par les transports en commun.',
  partenariat: 'Les structures de soins du secteur manquent de personnel.',
  rps: 'Une enquête sur les risques psychosociaux n’a été suivie d’aucune mesure.',
  administratif: 'Les remboursements de frais de déplacement prennent des mois.',
  effectifs: 'Les postes vacants ne sont pas remplacés.',
  organisation: 'La réorganisation du service n’a pas été présentée aux agents.',
};
const ROLES = ['cpip', 'pa', 'ass', 'ase', 'psychologue', 'dpip', 'stagiaire-cpip', 'service-civique'];

const pad = (n) => String(n).padStart(2, '0');

/** One visit, as plain data. */
export function generateVisit(i, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const [union, kind] = pick(UNIONS);
  const [code, name, disp] = pick(DEPARTEMENTS);
  const year = int(2022, 2026);
  const month = int(1, 12);
  const day = int(1, 25);
  const days = random() < 0.4 ? [`${year}-${pad(month)}-${pad(day)}`, `${year}-${pad(month)}-${pad(day + 1)}`] : [`${year}-${pad(month)}-${pad(day)}`];
  const published = `${year}-${pad(month)}-${pad(Math.min(28, day + int(2, 3)))}`;
  const serviceId = `spip${code.toLowerCase()}`;
  const siteCount = int(1, 3);
  const sites = Array.from({ length: siteCount }, (_, s) => {
    const town = pick(TOWNS);
    const cpip = int(4, 35);
    const seconded = random() < 0.3 ? 1 : 0;
    const leave = random() < 0.3 ? int(1, 2) : 0;
    const present = cpip - seconded - leave;
    const staffing = [
      { role: 'dpip', count: int(0, 2) },
      {
        role: 'cpip', count: cpip,
        of: [
          ...(seconded ? [{ status: 'detache', count: seconded }] : []),
          ...(leave ? [{ status: 'conge-long', count: leave, leave: [pick(['CMO', 'CLM', 'CLD', 'maternite'])] }] : []),
          ...(random() < 0.4 ? [{ status: 'temps-partiel', count: 1, rate: pick([50, 80, 90]) }] : []),
        ],
      },
      { role: 'pa', count: int(1, 5), ...(random() < 0.3 ? { of: [{ status: 'depart', count: 1, replaced: false }] } : {}) },
      { role: 'ase', count: int(0, 3) },
      ...(random() < 0.5 ? [{ role: pick(ROLES.slice(4)), count: int(1, 2) }] : []),
    ].map((line) => (line.of && line.of.length === 0 ? { ...line, of: undefined } : line));
    const ase = staffing.find((l) => l.role === 'ase').count;
    const perFte = int(45, 110);
    const caseload = [
      random() < 0.5
        ? { role: 'cpip', unit: 'ppsmj', perFte: random() < 0.5 ? perFte : { min: perFte, max: perFte + int(2, 10) }, approximate: random() < 0.5 }
        : { role: 'cpip', unit: 'ppsmj', total: Math.max(1, present) * perFte },
      ...(ase > 0 ? [{ role: 'ase', unit: 'pse', total: int(20, 200), approximate: true }] : []),
    ];
    const capacity = int(4, 9);
    return {
      id: `site-${s + 1}`,
      service: serviceId,
      kind: pick(['antenne-mo', 'antenne-mf', 'antenne-mixte']),
      name: `ALIP de ${town}`,
      visitedOn: [days[Math.min(s, days.length - 1)]],
      difficulties: Object.keys(TOPICS).filter(() => random() < 0.35).map((topic) => ({
        topic, text: TOPICS[topic], source: pick(['agents', 'syndicat']),
        ...(topic === 'cap' ? { cap: { sessionsPerMonth: int(1, 4), listReceivedDaysBefore: int(8, 15), reportsDueDaysBefore: int(5, 8) } } : {}),
      })),
      premises: {
        parking: { sufficient: random() < 0.5 },
        reception: { airlock: random() < 0.5 },
        areas: [{
          label: random() < 0.5 ? 'au rez-de-chaussée du bâtiment principal' : 'à l’étage',
          floor: int(0, 3),
          offices: [
            { kind: 'open-space', count: int(1, 3), capacity, occupancy: int(2, capacity), occupants: ['cpip'] },
            { kind: 'secretariat', capacity: int(2, 4), occupants: ['pa'] },
          ],
        }],
      },
      staffing: staffing.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined))),
      caseload,
      gaps: random() < 0.6 ? [{ role: 'dpip', count: 1 }] : undefined,
      climate: random() < 0.5 ? ['L’équipe décrit une bonne entente, malgré la charge.'] : undefined,
    };
  }).map((site) => Object.fromEntries(Object.entries(site).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))));
  return {
    version: 1,
    report: {
      kind,
      unions: [union],
      title: `Visite du SPIP ${code} (${sites.map((s) => s.name).join(', ')})`,
      published: kind === 'communique' ? { date: published, place: 'Montreuil' } : { date: published },
      ...(kind === 'communique'
        ? {
          arguments: [{ text: 'Les effectifs ne suivent pas la charge de travail annoncée.', questions: ['Quand les postes vacants seront-ils pourvus ?'] }],
          demands: [{ text: 'Le remplacement de chaque départ.' }],
          commitment: 'Le syndicat restera mobilisé.',
        }
        : { thanks: ['Merci aux collègues pour leur accueil.'] }),
      tags: [`SPIP ${code}`],
    },
    visit: {
      dates: days,
      met: [{ roles: ['cpip', 'pa'], label: 'les collègues présents' }],
      ...(random() < 0.3 ? { scope: ['Toutes les antennes n’ont pas pu être visitées.'] } : {}),
    },
    services: [{ id: serviceId, name: `SPIP ${code === '2A' ? 'de Corse-du-Sud' : `du département ${name}`}`, shortName: `SPIP ${code}`, departement: { code, name }, disp: `DISP de ${disp}` }],
    sites,
  };
}

/** Writes `count` visit files into `dir`; returns their paths. */
export function generateVisits(count, dir, seed = 1) {
  const random = prng(seed);
  mkdirSync(dir, { recursive: true });
  const paths = [];
  for (let i = 0; i < count; i++) {
    const visit = generateVisit(i, random);
    const [union] = visit.report.unions;
    const path = join(dir, `${visit.visit.dates[0]}-${visit.services[0].id}-${union}-${String(i).padStart(4, '0')}.yaml`);
    writeFileSync(path, `# yaml-language-server: $schema=../schemas/visit.schema.json\n${stringify(visit, { lineWidth: 0 })}`);
    paths.push(path);
  }
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [count, dir] = process.argv.slice(2);
  const seedAt = process.argv.indexOf('--seed');
  if (!count || !dir || !/^\d+$/.test(count)) {
    console.error('usage: node scripts/generate-visits.js N OUT_DIR [--seed S]');
    process.exit(2);
  }
  const paths = generateVisits(Number(count), dir, seedAt > 0 ? Number(process.argv[seedAt + 1]) : 1);
  console.log(`${paths.length} visits written to ${dir}`);
}
