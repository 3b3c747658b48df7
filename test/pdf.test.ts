// PDF export through Typst: the text of each PDF holds every fact of its
// Markdown, hostile text prints as written, metadata and bytes are stable.
import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { pdfBytes } from '../src/export/pdf.js';
import { markdownFile } from '../src/export/md.js';
import { parseVisitText } from '../src/load.js';
import { renderVisit, type RenderedVisit } from '../src/render/index.js';
import { validateFile } from '../src/validate/index.js';

async function pdfText(bytes: Uint8Array): Promise<{ text: string; info: Record<string, unknown>; outline: unknown[] | null; pages: number }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
    }
    const { info } = await doc.getMetadata();
    return { text: pages.join('\n'), info: info as Record<string, unknown>, outline: await doc.getOutline(), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** Compares text regardless of line breaks, hyphenation and kinds of space. */
const squash = (s: string): string => s.replace(/[\s\u00ad\u00a0\u202f\u2011-]+/g, '');

async function rendered(path: string): Promise<RenderedVisit> {
  const { result } = await renderVisit(await validateFile(path));
  return result!;
}

/** Every text of a Markdown tree: what the PDF must say. */
function textsOf(tree: Root): string[] {
  const out: string[] = [];
  visit(tree, (n) => {
    if ((n.type === 'text' || n.type === 'inlineCode') && n.value.trim()) out.push(n.value);
  });
  return out;
}

for (const [name, path] of [['FO', 'visits/2024-01-24-spip62-fo-justice-cpip.yaml'], ['CGT', 'visits/2026-02-05-spip62-cgt-ip.yaml']] as const) {
  describe(`PDF of the ${name} visit`, async () => {
    const r = await rendered(path);
    const bytes = await pdfBytes(r);
    const pdf = await pdfText(bytes);
    const text = squash(pdf.text);

    it('holds every text of its Markdown', () => {
      const missing = textsOf(r.tree).filter((t) => !text.includes(squash(t)));
      expect(missing).toEqual([]);
    });

    it('holds the golden Markdown’s facts (the golden file is the same Markdown)', () => {
      expect(markdownFile(r)).toBe(readFileSync(`test/golden/${name.toLowerCase()}-visit.${r.style.id}.md`, 'utf8'));
    });

    it('carries title, author, language and keywords, and bookmarks from the headings', () => {
      expect(pdf.info.Title).toBe(r.frontMatter.title);
      expect(pdf.info.Author).toBe(r.frontMatter.union);
      expect(pdf.info.Language).toBe('fr');
      expect(String(pdf.info.Keywords)).toContain((r.frontMatter.sites as string[])[0]);
      expect(pdf.outline?.length).toBeGreaterThan(0);
    });

    it('numbers its pages "Page N / M" and signs every page', () => {
      expect(pdf.text).toContain(`Page 1 / ${pdf.pages}`);
      // In every footer, and once more at the end of the text.
      expect(pdf.text.split(r.signature).length - 1).toBe(pdf.pages + 1);
    });

    it('gives the same bytes twice, dated by the report itself', async () => {
      expect(Buffer.compare(Buffer.from(await pdfBytes(await rendered(path))), Buffer.from(bytes))).toBe(0);
      expect(String(pdf.info.CreationDate)).toContain(String(r.frontMatter.date).replace(/-/g, ''));
    });
  });
}

const HOSTILE = [
  '#read("/etc/passwd")', '#import "@preview/x:0.1.0": *', '] [ ) ( } {', '$x^2$ et 5 $', '@ref et <label>',
  '= pas un titre', '// pas un commentaire', '\\\\ barre oblique', '#{ panic("x") }', '#set page(fill: red)',
];

describe('hostile text in the PDF', async () => {
  const yaml = `version: 1
report:
  kind: communique
  unions: [cgt-ip]
  title: ${JSON.stringify(HOSTILE[0])}
  published: { date: 2024-02-01, place: ${JSON.stringify(HOSTILE[4])} }
  thanks:
${HOSTILE.map((h) => `    - ${JSON.stringify(`«${h}»`)}`).join('\n')}
visit:
  dates: [2024-01-24]
services:
  - id: s
    name: ${JSON.stringify(HOSTILE[2])}
sites:
  - id: a
    service: s
    kind: antenne-mo
    name: ${JSON.stringify(HOSTILE[3])}
`;
  const { result, diagnostics } = await renderVisit(parseVisitText('h.yaml', yaml));
  expect(diagnostics).toEqual([]);
  const pdf = await pdfText(await pdfBytes(result!));

  it('prints each hostile string exactly as written, and nothing of /etc/passwd', () => {
    const text = squash(pdf.text);
    for (const h of HOSTILE) expect(text).toContain(squash(h.replace(/\\\\/g, '\\')));
    expect(pdf.text).not.toMatch(/root:x:0:0/);
  });
});

describe('page templates', () => {
  it('import no Typst package (the compiler would reach for the network)', () => {
    for (const file of ['typst/page.typ']) expect(readFileSync(file, 'utf8')).not.toMatch(/@(preview|local)\//);
  });
});
