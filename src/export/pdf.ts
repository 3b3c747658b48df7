/**
 * Stage 6, export to PDF: Typst, through its Node compiler (a prebuilt
 * binary: no system install, no browser). Here, the data the page template
 * prints; in `pdf-compile.ts`, the compiler, which works in an empty virtual
 * workspace holding only the page template, the logo and the charts, and
 * sees no file of the machine and no system font (the embedded Libertinus
 * Serif and DejaVu Sans Mono only), so the PDF is the same on every machine.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageFile } from '../paths.js';
import type { RenderedVisit } from '../render/index.js';
import { caseloadChart, colorsOf, staffingChart } from './charts.js';
import { compilePdf, type PdfJob } from './pdf-compile.js';
import type { PdfPool } from './pdf-pool.js';
import { serialise, type TBlock, type TypstDocument } from './typst-data.js';

/** The default page template; a style may bring its own `page.typ`. */
export const DEFAULT_PAGE = packageFile('typst/page.typ');

const templates = new Map<string, Promise<string>>();
function pageTemplate(rendered: RenderedVisit): Promise<string> {
  const own = join(rendered.style.dir, 'page.typ');
  let found = templates.get(own);
  if (!found) {
    found = readFile(own, 'utf8').catch(() => readFile(DEFAULT_PAGE, 'utf8'));
    templates.set(own, found);
  }
  return found;
}

const LOGO_EXT: Record<string, string> = { 'image/svg+xml': 'svg', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** The data the page template prints, and the files it needs (charts, logo). */
export function typstInput(rendered: RenderedVisit, logo?: { mime: string; data: Uint8Array }): { doc: TypstDocument; files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const colors = colorsOf(rendered);
  const { title, subtitle, body } = serialise(rendered.tree);
  const addCharts = (nodes: TBlock[]): void => {
    for (const n of nodes) {
      if (n.t === 'chart') {
        const ind = rendered.indicators.sites.find((s) => s.siteId === n.site);
        const svgs = ind ? [caseloadChart(ind, colors), staffingChart(ind, colors)].filter((s): s is string => s !== undefined) : [];
        n.files = svgs.map((svg, i) => {
          const path = `/charts/${n.site}-${i}.svg`;
          files.set(path, Buffer.from(svg, 'utf8'));
          return path;
        });
      } else if (n.t === 'list') n.items.forEach(addCharts);
      else if (n.t === 'quote') addCharts(n.c);
    }
  };
  addCharts(body);
  let logoPath = '';
  if (logo && LOGO_EXT[logo.mime]) {
    logoPath = `/logo.${LOGO_EXT[logo.mime]}`;
    files.set(logoPath, logo.data);
  }
  const [year, month, day] = String(rendered.frontMatter.date).split('-').map(Number);
  const fm = rendered.frontMatter;
  const doc: TypstDocument = {
    title: title || String(fm.title),
    subtitle,
    union: String(fm.union),
    signature: rendered.signature,
    keywords: [...(fm.tags as string[]), ...(fm.sites as string[])],
    date: { year: year ?? 1970, month: month ?? 1, day: day ?? 1 },
    colors,
    logo: logoPath,
    body,
  };
  return { doc, files };
}

/**
 * Compiles a rendered visit to PDF bytes: in the pool's workers when a batch
 * has one, else in this thread. Throws TypstError when the page template is
 * at fault, TypstUnavailable where there is no compiler.
 */
export async function pdfBytes(rendered: RenderedVisit, logo?: { mime: string; data: Uint8Array }, pool?: PdfPool): Promise<Uint8Array> {
  const job = await pdfJob(rendered, logo);
  return pool ? pool.compile(job) : compilePdf(job);
}

/** What the compiler needs for a rendered visit: its style's page template, its data, its charts and logo. */
export async function pdfJob(rendered: RenderedVisit, logo?: { mime: string; data: Uint8Array }): Promise<PdfJob> {
  const { doc, files } = typstInput(rendered, logo);
  return { template: await pageTemplate(rendered), data: JSON.stringify(doc), files };
}
