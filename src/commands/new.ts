/**
 * `visite new`: a valid, commented skeleton of a visit file, named
 * `YYYY-MM-DD-<service>-<union>.yaml`, with the schema line for the editor.
 * Asks on a terminal for what the flags do not give; never overwrites.
 */
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { dirname, join, relative, sep } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { writeAtomic } from '../export/write.js';
import type { Lang } from '../messages.js';
import { packageFile } from '../paths.js';
import { slugify } from '../site/text.js';
import { dateExists } from '../validate/rules.js';
import { formatDocument } from './fmt.js';

const canonicalText = (text: string): string => formatDocument(parseDocument(text));

/** Where the schema ships: beside lib/, in the package. */
const SCHEMA = packageFile('schemas/visit.schema.json');

export interface NewOptions {
  union?: string;
  service?: string;
  serviceName?: string;
  departement?: string;
  sites: string[];
  dates: string[];
  kind?: 'compte-rendu' | 'communique';
  dir: string;
  lang: Lang;
  /** Ask for what is missing (a terminal is there). */
  interactive: boolean;
  input?: NodeJS.ReadableStream;
  out: (t: string) => void;
  err: (t: string) => void;
  /** Today, as YYYY-MM-DD (the CLI passes the clock; tests pass a date). */
  today: string;
}

const words = {
  fr: {
    union: 'Syndicat (identifiant, p. ex. fo-justice-cpip ou cgt-ip)',
    service: 'Service (identifiant court, p. ex. spip62)',
    serviceName: 'Nom du service (p. ex. SPIP du Pas-de-Calais)',
    sites: 'Sites visités, séparés par des virgules (p. ex. ALIP de Béthune, ALIP d’Arras)',
    dates: 'Jour(s) de visite AAAA-MM-JJ, séparés par des virgules',
    written: (p: string) => `Visite créée : ${p}\nComplétez-la, puis vérifiez-la avec « visite validate ${p} ».\n`,
    exists: (p: string) => `Le fichier ${p} existe déjà : rien n’a été écrit. Choisissez une autre date ou renommez l’existant.\n`,
    missing: (what: string) => `Il manque ${what} : donnez-le avec l’option correspondante (voir « visite --help »).\n`,
    badDate: (d: string) => `Date invalide « ${d} » : écrivez AAAA-MM-JJ, p. ex. 2024-01-24.\n`,
    badId: (what: string, v: string) => `${what} « ${v} » : seulement des minuscules, chiffres et tirets (p. ex. spip62).\n`,
  },
  en: {
    union: 'Union (id, e.g. fo-justice-cpip or cgt-ip)',
    service: 'Service (short id, e.g. spip62)',
    serviceName: 'Service name (e.g. SPIP du Pas-de-Calais)',
    sites: 'Sites visited, comma-separated (e.g. ALIP de Béthune, ALIP d’Arras)',
    dates: 'Visit day(s) YYYY-MM-DD, comma-separated',
    written: (p: string) => `Visit created: ${p}\nFill it in, then check it with "visite validate ${p}".\n`,
    exists: (p: string) => `The file ${p} already exists: nothing was written. Choose another date or rename the existing one.\n`,
    missing: (what: string) => `Missing ${what}: give it with its option (see "visite --help").\n`,
    badDate: (d: string) => `Invalid date "${d}": write YYYY-MM-DD, e.g. 2024-01-24.\n`,
    badId: (what: string, v: string) => `${what} "${v}": only lower-case letters, digits and dashes (e.g. spip62).\n`,
  },
};

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** "ALIP de Béthune" → "alip-de-bethune" (at most 60 characters). */
export function slug(name: string): string {
  return slugify(name).slice(0, 60) || 'site';
}

const scalar = (v: string): string => stringify(v).trimEnd();

/** The skeleton's text: valid as it is, with comments saying what to fill. */
export function skeleton(o: { union: string; service: string; serviceName: string; departement?: string; sites: string[]; dates: string[]; kind: string; schemaPath: string }): string {
  const dates = [...o.dates].sort();
  const ids = new Set<string>();
  const sites = o.sites.map((name) => {
    let id = slug(name);
    for (let i = 2; ids.has(id); i++) id = `${slug(name)}-${i}`;
    ids.add(id);
    return [
      `  - id: ${id}`,
      `    service: ${o.service}`,
      '    kind: antenne-mo          # antenne-mo, antenne-mf, antenne-mixte, etablissement, inserre, siege, pole-tig, autre',
      `    name: ${scalar(name)}`,
      `    visitedOn: [${dates[0]}]`,
      '    # difficulties:            # difficultés rencontrées (topic, text, source, legal, cap)',
      '    # premises:                # locaux et sécurité (areas, offices, reception, alarms, relocations)',
      '    # staffing:                # effectifs par rôle (role, count, of: [{status, count}])',
      '    #   - role: cpip',
      '    #     count: 10',
      '    # caseload:                # charge de travail (role, unit, perFte ou total)',
      '    # gaps:                    # manques constatés par le syndicat',
    ].join('\n');
  });
  const departement = o.departement && /^([0-9]{2}|2[AB]|97[1-6])$/.test(o.departement) ? `\n    departement: { code: "${o.departement}", name: À compléter }` : '';
  return `# yaml-language-server: $schema=${o.schemaPath}
# Visite créée par « visite new ». Complétez chaque partie ; votre éditeur
# explique chaque clé au survol. Vérifiez avec « visite validate ».
# Les personnes sont désignées par leur rôle, jamais par leur nom.
version: 1

report:
  kind: ${o.kind}              # compte-rendu ou communique
  unions: [${o.union}]
  title: ${scalar(o.kind === 'communique' ? `Visite du ${o.serviceName}` : `Compte-rendu de visite au ${o.serviceName}`)}
  # thanks: []                  # remerciements
  # demands: []                 # revendications
  published:
    date: ${dates.at(-1)}         # date de publication, le jour de la signature
    # place: Montreuil

visit:
  dates: [${dates.join(', ')}]
  # met:                        # personnes rencontrées, par rôle
  #   - roles: [cpip, pa]
  #     label: les collègues présents
  # scope: []                   # limites de la visite

services:
  - id: ${o.service}
    name: ${scalar(o.serviceName)}${departement}

sites:
${sites.join('\n')}
`;
}

/** Creates the visit file; returns the exit code. */
export async function runNew(o: NewOptions): Promise<number> {
  const w = words[o.lang];
  const rl = o.interactive ? createInterface({ input: o.input ?? process.stdin, output: process.stderr }) : undefined;
  const ask = async (label: string, current: string | undefined): Promise<string | undefined> => {
    if (current || !rl) return current;
    const answer = (await rl.question(`${label} : `)).trim();
    return answer || undefined;
  };
  try {
    const union = await ask(w.union, o.union);
    const service = await ask(w.service, o.service);
    const serviceName = await ask(w.serviceName, o.serviceName ?? (service ? service.toUpperCase().replace(/^SPIP/, 'SPIP ') : undefined));
    const sites = o.sites.length > 0 ? o.sites : ((await ask(w.sites, undefined)) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const dates = o.dates.length > 0 ? o.dates : ((await ask(w.dates, o.today)) ?? o.today).split(',').map((s) => s.trim()).filter(Boolean);
    for (const [what, value] of [['union', union], ['service', service]] as const) {
      if (!value) { o.err(w.missing(`--${what}`)); return 2; }
      if (!ID.test(value)) { o.err(w.badId(`--${what}`, value)); return 2; }
    }
    if (sites.length === 0) { o.err(w.missing('--site')); return 2; }
    const bad = dates.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || !dateExists(d));
    if (bad !== undefined) { o.err(w.badDate(bad)); return 2; }
    const first = [...dates].sort()[0]!;
    const path = join(o.dir, `${first}-${service}-${union}.yaml`);
    if (await stat(path).catch(() => undefined)) { o.err(w.exists(path)); return 2; }
    const schemaPath = relative(dirname(join(process.cwd(), path)), SCHEMA).split(sep).join('/');
    // Written in canonical form, so that `visite fmt --check` passes on a new file.
    await writeAtomic(path, canonicalText(skeleton({
      union: union!, service: service!, serviceName: serviceName ?? service!, sites, dates,
      kind: o.kind ?? (union === 'cgt-ip' ? 'communique' : 'compte-rendu'), schemaPath, ...(o.departement ? { departement: o.departement } : {}),
    })));
    o.out(w.written(path));
    return 0;
  } finally {
    rl?.close();
  }
}
