// French typography, as a table of (input, expected). Spaces: ␣ normal,
// · narrow no-break (U+202F), ~ no-break (U+00A0), to keep the table readable.
import { describe, expect, it } from 'vitest';
import { parseMarkdown, printMarkdown, type MarkdownOptions } from '../src/markdown/index.js';

/** Markdown through the Markdown stage: parsed, house rules applied, printed back. */
const canonical = (md: string, options?: MarkdownOptions): string => printMarkdown(parseMarkdown(md, options));
import { frenchTypography } from '../src/markdown/typography.js';

const show = (s: string): string => s.replace(/\u202f/g, '·').replace(/\u00a0/g, '~');

const cases: [string, string][] = [
  ['Pourquoi ?', 'Pourquoi·?'],
  ['Pourquoi?', 'Pourquoi·?'],
  ['Attention !', 'Attention·!'],
  ['un ; deux', 'un·; deux'],
  ['Note : voir', 'Note~: voir'],
  ['Note: voir', 'Note~: voir'],
  ['« texte »', '«·texte·»'],
  ['«texte»', '«·texte·»'],
  ['procédures ?!?', 'procédures·?!?'],
  ['rendez-vous à 9 h 30', 'rendez-vous à 9~h~30'],
  ['à 9:30 précises', 'à 9:30 précises'],
  ['à 14 h', 'à 14~h'],
  ['voir https://www.legifrance.gouv.fr/a?b=c : ici', 'voir https://www.legifrance.gouv.fr/a?b=c~: ici'],
  ['écrire à contact@exemple.fr ; merci', 'écrire à contact@exemple.fr·; merci'],
  ['au 2ème étage', 'au 2e étage'],
  ['la 1ère fois', 'la 1re fois'],
  ['le 1er mars', 'le 1er mars'],
  ['les 3èmes', 'les 3es'],
  ["l'établissement", 'l’établissement'],
  ['et ainsi de suite...', 'et ainsi de suite…'],
  ['déjà\u00a0: fait', 'déjà~: fait'],
  ['déjà\u202f? oui', 'déjà·? oui'],
  ['article 12:3', 'article 12:3'],
  ['(?)', '(?)'],
];

describe('French typography on text', () => {
  for (const [input, expected] of cases) {
    it(`${show(input)} → ${expected}`, () => expect(show(frenchTypography(input))).toBe(expected));
  }

  it('puts spaced en dashes in headings only', () => {
    expect(frenchTypography('SPIP 62 - ALIP', true)).toBe('SPIP 62 – ALIP');
    expect(frenchTypography('SPIP 62 - ALIP', false)).toBe('SPIP 62 - ALIP');
  });
});

describe('French typography in a document', () => {
  const run = (md: string): string => show(canonical(md).trim());

  it('leaves inline code and code blocks alone', () => {
    expect(run('Voir `a : b ?` ici : oui')).toBe('Voir `a : b ?` ici~: oui');
    expect(run('```\nx : y ?\n```')).toBe('```\nx : y ?\n```');
  });

  it('leaves link addresses alone and spaces the text around them', () => {
    expect(run('Lire [la note](https://exemple.fr/a:b?c=d) : importante')).toBe('Lire [la note](https://exemple.fr/a:b?c=d)~: importante');
  });

  it('fixes the mark after emphasis', () => {
    expect(run('*Attention* : oui')).toBe('*Attention*~: oui');
  });

  it('turns headings’ hyphens into en dashes', () => {
    expect(run('## SPIP 62 - ALIP MO de Béthune')).toBe('## SPIP 62 – ALIP MO de Béthune');
  });

  it('links CPP articles and laws to Légifrance', () => {
    const out = canonical('Selon l’article D147-21 du CPP et la loi du 11 février 2005.');
    expect(out).toContain('[article D147-21 du CPP](https://www.legifrance.gouv.fr/search/all?query=article%20D147-21%20code%20de%20proc%C3%A9dure%20p%C3%A9nale)');
    expect(out).toContain('[loi du 11 février 2005](https://www.legifrance.gouv.fr/search/all?query=loi%20du%2011%20f%C3%A9vrier%202005)');
  });

  it('uses the address a visit gives for a reference', () => {
    const out = canonical('Voir l’article D147-21 du CPP.', {
      refs: [{ kind: 'code', code: 'CPP', article: 'D147-21', url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000046342730' }],
    });
    expect(out).toContain('[article D147-21 du CPP](https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000046342730)');
  });
});
