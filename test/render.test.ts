// Rendering to Markdown: golden files for both visits in both styles, the
// facts of each reference bulletin in its rendering, hostile data, bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit as walk } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { markdownFile } from '../src/export/md.js';
import { printMarkdown } from '../src/markdown/index.js';
import { parseVisitText } from '../src/load.js';
import { safeInline } from '../src/markdown/inline.js';
import { renderVisit, type RenderOptions } from '../src/render/index.js';
import { validateFile } from '../src/validate/index.js';
import { validateText } from '../src/validate/text.js';

const FO = 'visits/2024-01-24-spip62-fo-justice-cpip.yaml';
const CGT = 'visits/2026-02-05-spip62-cgt-ip.yaml';

async function render(path: string, options: RenderOptions = {}): Promise<string> {
  const file = await validateFile(path);
  expect(file.diagnostics).toEqual([]);
  const { result, diagnostics } = await renderVisit(file, options);
  expect(diagnostics).toEqual([]);
  return markdownFile(result!);
}

/** Text with no-break spaces made plain and Markdown escapes removed, for looking facts up. */
const plain = (md: string): string => md.replace(/[\u00a0\u202f]/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');

describe('golden files (UPDATE=1 rewrites them)', () => {
  for (const [visit, name] of [[FO, 'fo'], [CGT, 'cgt']] as const) {
    for (const style of ['fo-justice-cpip', 'cgt-ip']) {
      it(`${name} visit in the ${style} style`, async () => {
        const out = await render(visit, { style });
        const golden = `test/golden/${name}-visit.${style}.md`;
        if (process.env.UPDATE) writeFileSync(golden, out);
        expect(out).toBe(readFileSync(golden, 'utf8'));
      });
    }
  }
});

describe('every fact of the FO Justice CPIP bulletin appears in its rendering', async () => {
  const text = plain(await render(FO));
  const facts = [
    'FO Justice CPIP', 'SPIP du Pas-de-Calais (62)', 'les 24 et 25 janvier 2024', 'CPIP, PA et ASE', 'cheffe d’antenne',
    'ALIP MO de Béthune', 'toutes les antennes', 'nouvelle visite',
    'SPIP 62 – ALIP du CP de Longuenesse (MA, CD, SAS), mercredi 24 janvier 2024',
    '3 CAP par mois', 'CAP LSC', '10 jours avant', '8 jours avant', '2 jours pour préparer', 'article D147-21 du CPP',
    'LEGIARTI000046342730', 'en temps utile', 'déménagement',
    'au 2e étage', 'greffe, comptabilité', 'bureau de secrétariat (PA)', 'bureau de direction (DPIP)',
    'bureau partagé de 4 places', 'bureau partagé de 6 places', 'CPIP, ASS et CPIP stagiaires', '3 à 5 collègues', 'cohésion',
    'Pas d’ascenseur', 'mobilité réduite', 'loi n° 2005-102 du 11 février 2005', 'citoyenneté des personnes handicapées',
    'À la SAS, au 1er étage', '3 bureaux', 'antenne mixte', 'Saint-Omer', 'plans', 'n’ont pas été consultés',
    'portique', 'chaussures, ceinture et bijoux', 'greffe, comptabilité, secrétariat de direction, personnels de détention',
    '« partenaire »', 'CIP', 'urgences', 'UHSA', 'virement', 'justificatifs des familles',
    'DFSPIP adjoint (grand quartier), faisant fonction de DPIP', 'DPIP (SAS), intervenant aussi : ALIP MO de Saint-Omer',
    '13 CPIP (grand quartier), dont 1 contractuel·le (contrat renouvelé pour 3 ans cette année)', '3 CPIP (SAS)',
    '1 CPIP stagiaire', '2 PA, dont 1 sur le départ, non remplacé·e à ce jour (en cours de licenciement)',
    '1 ASS (grand quartier), dont 1 sur le départ', '1 ASS (SAS), dont 1 sur le départ',
    'service civique (SAS) (action culturelle)', 'service civique (grand quartier) (action culturelle)', 'en renfort des PA',
    'suit en moyenne 60 PPSMJ', 'ratio jugé satisfaisant', '1 DPIP', '1 PA', '2 ASS', 'bon esprit d’équipe',
    'SPIP 62 – ALIP MO de Béthune', 'zone industrielle', 'transports en commun', 'faculté', 'parking', 'CMP',
    'obligations de soins', 'effet de sas', 'alarme', 'box d’entretien', '?!?', 'risques psychosociaux', 'septembre 2023',
    'CHORUS DT', 'ORIGINE', 'siège du SPIP', 'deux nouveaux espaces', '2 open-spaces de 9 places, occupés chacun par 9 personnes',
    '1 open-space de 9 places, occupé par 5 personnes', 'bureau partagé de 3 places', 'Télétravail : a amélioré',
    'ASE et PA', 'wifi', 'couloir', 'le 13 octobre 2023 en CSA SPIP local', 'MA de Béthune', 'bureaux individuels',
    '1 cheffe d’antenne', '29 CPIP, dont 1 détaché·e (à temps plein comme agent de prévention au siège), 1 en congé long (CLD / CLM)',
    '3 PA', '2 ASE', '1 ASS, dont 1 arrivé·e en février 2024', '1 psychologue', 'toutes les antennes du Pas-de-Calais',
    'environ 85 à 90 PPSMJ', 'environ 150 personnes sous surveillance électronique', 'référence de 50',
    '75 par ASE', 'il manque 1 ASE', 'campagne de mobilité', 'ratios bien pires', 'la cheffe d’antenne pallie ce manque',
    'au moins 1 ASE', 'remercions la direction du SPIP', 'secrétaire locale du CP de Longuenesse', 'FO Justice CPIP – le 23 février 2024',
  ];
  for (const fact of facts) it(fact, () => expect(text).toContain(fact));
});

describe('every fact of the CGT IP communiqué appears in its rendering', async () => {
  const text = plain(await render(CGT));
  const facts = [
    'InSERRE', 'Dès 2025', 'ATIGIP', 'IPRO', 'conseillers en insertion professionnelle (CIP)',
    'https://www.cgtspip.org/etablissements-inserre-la-cgt-ip-recue-par-la-directrice-en-charge-du-projet-a-latigip/',
    'choix d’Arras', 'chômage', 'le 5 février 2026', 'conventions de partenariat', 'élections municipales',
    'Septembre 2026 : ouverture', 'personnels de surveillance', 'Novembre 2026 : accueil des premières personnes détenues',
    '180 places', 'seul des trois établissements', 'cinq ans', 'responsabilisation, l’autonomie et la préparation active à la sortie',
    'sous l’égide du privé', 'équipe projet', 'La DISP : absence', 'L’ATIGIP : absence', 'Le DFSPIP 62 : présence en fin de visite seulement',
    '1 bureau de direction de 1 place', '2 bureaux partagés de 3 places', 'sans création de poste',
    '6 postes attendus en septembre 2026', 'aucun DPIP', 'aucun PA', 'ASS, un AA, un SA', 'psychologue', 'coordonnateur·rice culturel·le',
    '6 postes de travail pour 6 personnes', 'aucune place pour un autre personnel', 'pluridisciplinaire',
    'Pour quoi faire, et avec quels moyens réels ?', 'rouages essentiels', 'sans personnel administratif',
    'satisfait de la collaboration', 'résidence administrative d’Arras', 'mutation en septembre', '« groupe projet »',
    'organigrammes par unité de travail', 'pas de poste profilé', 'conditions de travail dégradées du SPIP 62',
    'horaires élargis', 'garanties claires et écrites', 'poste de DPIP et d’un poste de PA dédiés', 'locaux administratifs adaptés',
    'mobilisée et vigilante', 'Montreuil, le 6 mars 2026',
  ];
  for (const fact of facts) it(fact, () => expect(text).toContain(fact));
});

describe('rendering', () => {
  it('gives the same bytes twice', async () => {
    expect(await render(FO)).toBe(await render(FO));
  });

  it('front matter carries title, date, union, service, sites and tags', async () => {
    const out = await render(CGT);
    const fm = out.slice(4, out.indexOf('\n---\n'));
    expect(fm).toMatch(/^title: /m);
    expect(fm).toMatch(/^date: 2026-03-06$/m);
    expect(fm).toMatch(/^union: CGT IP$/m);
    expect(fm).toMatch(/^services:\n {2}- SPIP du Pas-de-Calais$/m);
    expect(fm).toMatch(/^sites:\n {2}- établissement InSERRE d’Arras$/m);
    expect(fm).toMatch(/^tags:\n {2}- InSERRE$/m);
  });

  it('renders with a union’s own style folder (the README example)', async () => {
    const out = await render(FO, { style: 'section-locale', templateDirs: ['examples/styles'] });
    expect(out).toContain('## ALIP MO de Béthune');
    expect(out).toContain('FO Justice CPIP, le 23 février 2024');
    expect(plain(out)).toContain('29 CPIP, dont 1 détaché (à temps plein');
  });

  it('reports an unknown style with a suggestion, and a broken template with its line', async () => {
    const file = await validateFile(FO);
    const unknown = await renderVisit(file, { style: 'fo-justice-cpi' });
    expect(unknown.diagnostics.map((d) => [d.code, d.params.suggestion])).toEqual([['style-unknown', 'fo-justice-cpip']]);
    const broken = await renderVisit(file, { style: 'broken', templateDirs: ['test/styles'] });
    expect(broken.diagnostics.map((d) => [d.code, d.place?.line])).toEqual([['template-error', 4]]);
  });
});

const HOSTILE = `version: 1
report:
  kind: compte-rendu
  unions: [fo-justice-cpip]
  title: "<script>alert('titre')</script> Titre"
  published: { date: 2024-02-01 }
  thanks:
    - "[cliquez](javascript:alert(1)) et <img src=x onerror=alert(2)>"
    - "# Pas un titre"
    - "{{report.title}} et {{#each x}}"
visit:
  dates: [2024-01-24]
services:
  - id: s
    name: "SPIP | 62"
sites:
  - id: a
    service: s
    kind: antenne-mo
    name: "Antenne | A"
    staffing:
      - role: cpip
        count: 3
        label: "CPIP | avec barre"
        note: "- une liste ? | et une cellule"
    difficulties:
      - topic: autre
        text: "> citation\\n\\n## titre\\n\\n\`\`\`js\\nalert(1)\\n\`\`\`"
`;

describe('hostile data renders as text', async () => {
  const file = parseVisitText('hostile.yaml', HOSTILE);
  validateText('hostile.yaml', HOSTILE);
  const { result, diagnostics } = await renderVisit(file, { style: 'fo-justice-cpip' });
  expect(diagnostics).toEqual([]);
  const md = printMarkdown(result!.tree);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as Root;

  it('has no raw HTML node and no javascript: link', () => {
    const html: string[] = [];
    const links: string[] = [];
    walk(tree, (n) => {
      // The only HTML a style may write is the charts marker; data never makes any.
      if (n.type === 'html' && !/^<!-- visite:charts [a-z0-9-]+ -->$/.test(n.value)) html.push(n.value);
      if (n.type === 'link') links.push(n.url);
    });
    expect(html).toEqual([]);
    expect(links.filter((u) => !/^(https?:|mailto:)/.test(u))).toEqual([]);
    expect(plain(md)).toContain("<script>alert('titre')</script>");
  });

  it('makes no heading, quote or code block out of data', () => {
    const headings: string[] = [];
    walk(tree, 'heading', (h) => {
      headings.push(h.children.map((c) => ('value' in c ? c.value : '')).join(''));
    });
    expect(headings.some((h) => h.includes('Pas un titre') || h === 'titre')).toBe(false);
    expect(tree.children.some((n) => n.type === 'code' || n.type === 'blockquote')).toBe(false);
  });

  it('keeps Handlebars syntax as text', () => {
    expect(md).toContain('{{report.title}} et {{#each x}}');
  });

  it('keeps a | in data from breaking a table', () => {
    const cell = safeInline('CPIP | avec barre');
    const table = unified().use(remarkParse).use(remarkGfm).parse(`| a | b |\n| - | - |\n| ${cell} | x |\n`) as Root;
    walk(table, 'tableRow', (row) => expect(row.children).toHaveLength(2));
    expect(plain(md)).toContain('CPIP | avec barre');
  });
});
