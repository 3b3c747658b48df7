// Values tagged !internal, and people's names, never reach a public output.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { htmlDocument, htmlFragment } from '../src/export/html.js';
import { pdfBytes } from '../src/export/pdf.js';
import { markdownFile } from '../src/export/md.js';
import { parseVisitText } from '../src/load.js';
import { renderVisit } from '../src/render/index.js';
import { validateFile } from '../src/validate/index.js';
import { validateText } from '../src/validate/text.js';

const CANARY = 'CANARI-INTERNE';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await doc.destroy();
  return out.join('\n');
}

describe('internal values', async () => {
  const file = await validateFile('test/internal/canary.yaml');

  it('the canary file is valid and tags many kinds of value', () => {
    expect(file.diagnostics).toEqual([]);
    expect(file.internal.length).toBeGreaterThanOrEqual(14);
  });

  const { result, diagnostics } = await renderVisit(file);
  expect(diagnostics).toEqual([]);

  it('appear in no public output: Markdown, front matter, HTML, fragment, PDF text', async () => {
    expect(markdownFile(result!)).not.toContain(CANARY);
    expect(htmlDocument(result!)).not.toContain(CANARY);
    expect(htmlFragment(result!)).not.toContain(CANARY);
    expect(await pdfText(await pdfBytes(result!))).not.toContain(CANARY);
  });

  it('keep the public parts around them', () => {
    expect(markdownFile(result!)).toContain('Un paragraphe public.');
    expect(markdownFile(result!)).toContain('Une difficulté publique.');
    expect(markdownFile(result!)).toMatch(/12\sCPIP/);
  });

  it('do appear in an internal edition (so this test can fail)', async () => {
    const internal = await renderVisit(file, { internal: true });
    expect(markdownFile(internal.result!)).toContain(`${CANARY} difficulté confidentielle`);
    expect(markdownFile(internal.result!)).toContain(`${CANARY} paragraphe interne`);
  });

  it('appear in no file of a public site: index, pages, feed, sitemap, manifest; and do in an internal one', async () => {
    const { dir, cleanup } = await tempDir('visite-canary-');
    try {
      const site = join(dir, 'site');
      const run = await runCli(['build', 'test/internal/canary.yaml', '--out', site, '--base-url', 'https://exemple.invalid/']);
      expect(run.code).toBe(0);
      const texts = await Promise.all((await readdir(site, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && !e.name.endsWith('.pdf'))
        .map(async (e) => [e.name, await readFile(join(e.parentPath ?? e.path, e.name), 'utf8')] as const));
      expect(texts.map(([name]) => name)).toEqual(expect.arrayContaining(['index.html', 'feed.xml', 'sitemap.xml']));
      expect(texts.filter(([, text]) => text.includes(CANARY)).map(([name]) => name)).toEqual([]);
      const internal = join(dir, 'internal');
      expect((await runCli(['build', 'test/internal/canary.yaml', '--out', internal, '--internal'])).code).toBe(0);
      const page = await readFile(join(internal, 'canary', 'canary.md'), 'utf8');
      expect(page).toContain(CANARY);
    } finally {
      await cleanup();
    }
  }, 30_000);

  it('a required value tagged internal is refused where the tag is', () => {
    const text = 'version: 1\nreport:\n  kind: compte-rendu\n  unions: [fo-justice-cpip]\n  title: !internal Titre\n  published: {date: 2024-02-01}\nvisit:\n  dates: [2024-01-24]\nservices:\n  - {id: s, name: S}\nsites:\n  - {id: a, service: s, kind: antenne-mo, name: A}\n';
    const checked = validateText('t.yaml', text);
    expect(checked.diagnostics.map((d) => [d.code, d.place?.line, d.place?.column])).toEqual([['internal-required', 5, 3]]);
    expect(parseVisitText('t.yaml', text).internal).toEqual([['report', 'title']]);
  });
});
