// HTML export: a standalone French document with the union's colours, its
// charts, no script anywhere, and the same bytes every time.
import { describe, expect, it } from 'vitest';
import { htmlDocument, htmlFragment } from '../src/export/html.js';
import { parseVisitText } from '../src/load.js';
import { renderVisit, type RenderedVisit } from '../src/render/index.js';
import { validateFile } from '../src/validate/index.js';

async function rendered(path: string): Promise<RenderedVisit> {
  const { result } = await renderVisit(await validateFile(path));
  return result!;
}

describe('HTML document', async () => {
  const fo = await rendered('visits/2024-01-24-spip62-fo-justice-cpip.yaml');
  const html = htmlDocument(fo);

  it('is French, titled, described, and forbids scripts', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<title>Compte-rendu de visite au SPIP du Pas-de-Calais</title>');
    expect(html).toMatch(/<meta name="description" content="ALIP du CP de Longuenesse et ALIP MO de Béthune">/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@media print');
    expect(html).toContain('--primary: #1f3a93');
  });

  it('draws the caseload and staffing charts of each site', () => {
    expect(html.match(/<figure class="charts">/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Charge par agent (ETP) et référence"');
    expect(html).toContain('85 à 90 (réf. 60)');
    expect(html).toContain('27 présents / 29 en poste');
  });

  it('says what the Markdown says', () => {
    expect(html).toContain('<h2>SPIP 62 – ALIP MO de Béthune, jeudi 25 janvier 2024</h2>');
    expect(html).toMatch(/<td>CPIP<\/td>\s*<td[^>]*>29<\/td>\s*<td[^>]*>27<\/td>/);
  });

  it('gives the same bytes twice', async () => {
    expect(htmlDocument(await rendered('visits/2024-01-24-spip62-fo-justice-cpip.yaml'))).toBe(html);
  });

  it('--fragment is the body alone', () => {
    const fragment = htmlFragment(fo);
    expect(fragment).not.toContain('<html');
    expect(fragment.startsWith('<h1>')).toBe(true);
  });
});

const HOSTILE = `version: 1
report:
  kind: communique
  unions: [cgt-ip]
  title: "<script>alert(1)</script> <img src=x onerror=alert(2)>"
  published: { date: 2024-02-01, place: "<b onmouseover=alert(3)>Lille</b>" }
  background:
    - text: "[clic](javascript:alert(4)) <iframe src=//x></iframe> <a href=\\"javascript:alert(5)\\">a</a>"
      links:
        - url: "https://exemple.fr/\\"><script>alert(6)</script>"
          title: "<svg onload=alert(7)>"
  commitment: "<style>body{display:none}</style> ![x](https://pistage.example/t.png)"
visit:
  dates: [2024-01-24]
services:
  - id: s
    name: "SPIP <script>"
sites:
  - id: a
    service: s
    kind: antenne-mo
    name: "Antenne <em onclick=alert(8)>A</em>"
`;

describe('hostile data in HTML', async () => {
  const file = parseVisitText('h.yaml', HOSTILE);
  const { result, diagnostics } = await renderVisit(file);
  expect(diagnostics).toEqual([]);
  const html = htmlDocument(result!);
  const body = html.slice(html.indexOf('<main>'));

  // Escaped text starts with &#x3C; and is harmless; these look for real tags and attributes.
  it('has no script, iframe, style or event handler from data', () => {
    expect(body).not.toMatch(/<(script|iframe|style|object|embed)\b/i);
    // Attribute values are quoted text: look at tags with their values blanked.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(html.match(/<script/gi)).toBeNull();
  });

  it('has no javascript: link and loads no remote image', () => {
    expect(html).not.toMatch(/<a\s[^>]*href="\s*javascript:/i);
    expect(html).not.toMatch(/<img[^>]+src="https?:/i);
  });

  it('prints what was written, as text', () => {
    expect(body).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;</title>');
  });
});
