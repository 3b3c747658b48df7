/**
 * Stage 6, export to PDF: Typst, through its Node compiler (a prebuilt
 * binary: no system install, no browser). The compiler works in an empty
 * virtual workspace holding only the page template, the logo and the charts;
 * it sees no file of the machine and no system font (the embedded Libertinus
 * Serif and DejaVu Sans Mono only), so the PDF is the same on every machine.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderedVisit } from '../render/index.js';
import { caseloadChart, staffingChart } from './charts.js';
import { colorsOf } from './html.js';
import { TypstError } from './pdf-error.js';
import { loadTypst, type TypstCompiler } from './typst-binding.js';
import { serialise, type TBlock, type TypstDocument } from './typst-data.js';

/** The default page template; a style may bring its own `page.typ`. */
export const DEFAULT_PAGE = fileURLToPath(new URL('../../typst/page.typ', import.meta.url));


/** A root that does not exist: the compiler reads only what is mapped into it. */
const ROOT = join(tmpdir(), `visite-typst-${randomUUID()}`);
let compiler: TypstCompiler | undefined;

async function getCompiler(): Promise<TypstCompiler> {
  if (compiler) return compiler;
  const { NodeCompiler } = loadTypst();
  // Hide system fonts: fontconfig is pointed at a folder that does not exist while the compiler starts.
  const conf = join(tmpdir(), `visite-nofonts-${process.pid}-${randomUUID()}.conf`);
  await writeFile(conf, `<?xml version="1.0"?>\n<fontconfig><dir>${ROOT}/no-fonts</dir></fontconfig>\n`);
  const saved = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = conf;
  try {
    compiler = NodeCompiler.create({ workspace: ROOT });
  } finally {
    if (saved === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = saved;
    await rm(conf, { force: true });
  }
  return compiler;
}

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

/** Compiles a rendered visit to PDF bytes. Throws TypstError when the page template is at fault. */
export async function pdfBytes(rendered: RenderedVisit, logo?: { mime: string; data: Uint8Array }): Promise<Uint8Array> {
  const typst = await getCompiler();
  const template = await pageTemplate(rendered);
  const { doc, files } = typstInput(rendered, logo);
  typst.resetShadow();
  for (const [path, bytes] of files) typst.mapShadow(join(ROOT, path), Buffer.from(bytes));
  const main = join(ROOT, 'page.typ');
  typst.addSource(main, template);
  const result = typst.compile({ mainFilePath: main, inputs: { data: JSON.stringify(doc) } });
  const error = result.takeError();
  if (error) {
    const diagnostics = typst.fetchDiagnostics(error);
    const first = diagnostics.find((d) => d.severity === 1) ?? diagnostics[0];
    throw new TypstError(first?.message ?? 'Typst compilation failed', first?.range ? first.range.start.line + 1 : undefined);
  }
  const bytes = typst.pdf(result.result);
  typst.evictCache(10);
  return new Uint8Array(bytes);
}
