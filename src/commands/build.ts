/**
 * `visite build`: every visit to a static site in the output folder — an
 * index filterable without script, one page per visit with its PDF and
 * Markdown beside it, an Atom feed and a sitemap when the site's address is
 * known. Every link is relative, so the folder works from any sub-path.
 *
 * Incremental: `.visite-build.json` records what each visit's files were made
 * from; an unchanged visit is not rendered again. The same input always gives
 * the same bytes, whatever was built before.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { failing } from '../diagnostics.js';
import { exportBytes, pdfProblem, withPdfWorkers, type ExportFormat } from '../export/index.js';
import { writeAtomic } from '../export/write.js';
import { visitFilesOrExplain } from '../files.js';
import { formatPretty } from '../format/pretty.js';
import type { FileResult } from '../format/result.js';
import { ui } from '../messages.js';
import type { WritingCommandOptions } from './options.js';
import { renderVisit, type RenderedVisit, type RenderOptions } from '../render/index.js';
import { byNewest, entryOf, type SiteEntry } from '../site/entry.js';
import { atomFeed, normaliseBaseUrl, sitemap } from '../site/feed.js';
import { facetsOf, indexPage, siteStylesheet, stylesheetPath } from '../site/index-page.js';
import { MANIFEST, manifestText, readManifest, stylesHash, visitHash, type BuildContext, type Manifest } from '../site/manifest.js';
import { visitPage } from '../site/page.js';
import { RESERVED_SLUGS, sha256, slugify } from '../site/text.js';
import { validateFile } from '../validate/index.js';
import { version } from '../version.js';

export interface BuildCommandOptions extends WritingCommandOptions {
  /** Visit files, folders or globs (default: visits/). */
  paths: string[];
  /** Output folder (the CLI's default: dist/). */
  out: string;
  /** The site's address, for the feed and the sitemap (absolute URLs); without it neither is written. */
  baseUrl?: string;
  /** Skip invalid visits instead of stopping (the exit code is still 1). */
  keepGoing: boolean;
  /** Keep the fields tagged `!internal` (a site for the union's members only). */
  internal: boolean;
  style?: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`;
const pluralEn = (n: number, one: string, many: string): string => `${n} ${n !== 1 ? many : one}`;

const words = {
  fr: {
    summary: (n: number, rendered: number, unchanged: number, dir: string, feed: boolean) =>
      `${plural(n, 'visite', 'visites')}, ${plural(rendered, 'rendue', 'rendues')}, ${plural(unchanged, 'inchangée', 'inchangées')} → ${dir}`
      + `${feed ? '' : ' (flux et plan du site : donnez --base-url)'}`,
    stopped: (n: number) => `Rien n’a été écrit : ${plural(n, 'visite invalide', 'visites invalides')} (voir ci-dessus). Corrigez-les, ou passez-les avec --keep-going.`,
    notUpdated: (n: number) => `Site non mis à jour : ${plural(n, 'visite non rendue', 'visites non rendues')} (voir ci-dessus) ; les pages déjà écrites sont complètes. Corrigez, ou passez-les avec --keep-going.`,
    skipped: (list: string) => `Visites invalides laissées de côté : ${list}.`,
    clash: (a: string, b: string, slug: string) => `${a} et ${b} donneraient le même dossier ${slug}/ : renommez l’une d’elles.`,
    reserved: (file: string, slug: string) => `${file} donnerait le dossier ${slug}/, réservé au site : renommez-la.`,
    badBase: (value: string) => `Adresse refusée pour --base-url : « ${value} » (attendu : une adresse http ou https complète, p. ex. https://exemple.fr/visites/).`,
    notWritten: 'Le site n’a pas été entièrement écrit : voir ci-dessus.',
    title: (unions: string[]) => (unions.length === 1 ? `Bulletins de visite — ${unions[0]}` : 'Bulletins de visite'),
  },
  en: {
    summary: (n: number, rendered: number, unchanged: number, dir: string, feed: boolean) =>
      `${pluralEn(n, 'visit', 'visits')}, ${rendered} rendered, ${unchanged} unchanged → ${dir}`
      + `${feed ? '' : ' (feed and sitemap: give --base-url)'}`,
    stopped: (n: number) => `Nothing written: ${pluralEn(n, 'invalid visit', 'invalid visits')} (see above). Fix them, or skip them with --keep-going.`,
    notUpdated: (n: number) => `Site not updated: ${pluralEn(n, 'visit not rendered', 'visits not rendered')} (see above); the pages already written are whole. Fix, or skip them with --keep-going.`,
    skipped: (list: string) => `Invalid visits left out: ${list}.`,
    clash: (a: string, b: string, slug: string) => `${a} and ${b} would give the same folder ${slug}/: rename one of them.`,
    reserved: (file: string, slug: string) => `${file} would give the folder ${slug}/, which the site uses: rename it.`,
    badBase: (value: string) => `Address refused for --base-url: "${value}" (expected a full http or https address, e.g. https://example.org/visits/).`,
    notWritten: 'The site was not entirely written: see above.',
    title: (unions: string[]) => (unions.length === 1 ? `Bulletins de visite — ${unions[0]}` : 'Bulletins de visite'),
  },
};

/** A visit's folder name: its file's base name reduced to `[a-z0-9-]`. */
export function slugOf(path: string): string {
  const name = basename(path, extname(path));
  return slugify(name) || `v-${sha256(name).slice(0, 8)}`;
}

/** The three files of a visit's folder. */
const visitFiles = (slug: string): string[] => ['index.html', `${slug}.pdf`, `${slug}.md`];

async function allExist(out: string, slug: string): Promise<boolean> {
  const found = await Promise.all(visitFiles(slug).map((f) => stat(join(out, slug, f)).then((s) => s.isFile(), () => false)));
  return found.every(Boolean);
}

/** Writes a file unless it already holds exactly these bytes (so an unchanged site is not touched). */
async function writeIfChanged(path: string, data: string): Promise<void> {
  const old = await readFile(path, 'utf8').catch(() => undefined);
  if (old !== data) await writeAtomic(path, data);
}

/** A visit rendered in this run, its files in memory until the whole build is known to succeed. */
interface Built { slug: string; hash: string; entry: SiteEntry }

/** The bytes of one format; a PDF failure becomes its diagnostic (as in `visite render`). */
async function bytesOf(rendered: RenderedVisit, format: ExportFormat, problems: Diagnostic[], visitPath: string): Promise<string | Uint8Array | undefined> {
  try {
    return await exportBytes(rendered, format);
  } catch (error) {
    const problem = pdfProblem(error, rendered, visitPath);
    if (!problem) throw error;
    problems.push(problem);
    return undefined;
  }
}

/** Builds the site; returns 0 (built), 1 (invalid visits, or a file could not be written) or 2 (usage). */
export async function runBuild(o: BuildCommandOptions): Promise<number> {
  const t = ui[o.lang];
  const w = words[o.lang];
  let base: string | undefined;
  if (o.baseUrl !== undefined) {
    base = normaliseBaseUrl(o.baseUrl);
    if (base === undefined) {
      o.err(`visite: ${w.badBase(o.baseUrl)}\n${t.seeHelp}\n`);
      return 2;
    }
  }
  const files = await visitFilesOrExplain(o.paths, o.lang, o.err);
  if (!files) return 2;
  const slugs = new Map<string, string>();
  for (const path of files) {
    const slug = slugOf(path);
    const other = slugs.get(slug);
    if (other !== undefined) {
      o.err(`visite: ${w.clash(other, path, slug)}\n`);
      return 2;
    }
    if (RESERVED_SLUGS.includes(slug)) {
      o.err(`visite: ${w.reserved(path, slug)}\n`);
      return 2;
    }
    slugs.set(slug, path);
  }

  const context: BuildContext = {
    version, styles: await stylesHash(o.config.templateDirs), style: o.style, defaultStyle: o.config.style,
    ratios: o.config.ratios, internal: o.internal,
  };
  const previous = await readManifest(o.out);

  // 1. What changed: a visit whose inputs hash as before, with its files all there, is kept as it is.
  const kept: { slug: string; hash: string; entry: SiteEntry }[] = [];
  const todo: { slug: string; path: string; hash: string }[] = [];
  for (const [slug, path] of slugs) {
    const bytes = await readFile(path).catch(() => undefined);
    // An unreadable file gets no hash: validation below says why.
    const hash = bytes ? visitHash(bytes, context) : '';
    const before = previous.visits[slug];
    if (hash !== '' && before?.hash === hash && (await allExist(o.out, slug))) kept.push({ slug, hash, entry: before.entry });
    else todo.push({ slug, path, hash });
  }

  // 2. Check the others: an invalid visit stops the build before anything is rendered or written.
  const reports: FileResult[] = [];
  const invalid: string[] = [];
  const checked: { slug: string; path: string; hash: string; file: Awaited<ReturnType<typeof validateFile>> }[] = [];
  for (const v of todo) {
    const file = await validateFile(v.path, o.config.ratios);
    if (failing(file.diagnostics)) {
      invalid.push(v.path);
      reports.push({ file: v.path, text: file.text, diagnostics: file.diagnostics, valid: false });
    // The YAML document is only needed to place problems, and they are known now: keep memory flat on large sites.
    } else checked.push({ ...v, file: { ...file, doc: undefined, find: undefined } });
  }
  // Without --keep-going, an invalid visit stops the build before any rendering.
  const stop = (rendered: boolean): number => {
    if (o.progress) o.err('\r\u001b[K');
    o.out_(formatPretty(reports, o.lang, o.color));
    o.out_(`${rendered ? w.notUpdated(invalid.length) : w.stopped(invalid.length)}\n`);
    return 1;
  };
  if (invalid.length > 0 && !o.keepGoing) return stop(false);
  // The `!internal` option of renderVisit (keep those fields), passed only when asked.
  const renderOptions: RenderOptions & { internal?: boolean } = {
    style: o.style, defaultStyle: o.config.style, templateDirs: o.config.templateDirs, ratios: o.config.ratios,
    ...(o.internal ? { internal: true } : {}),
  };
  // Several visits in flight: while Typst compiles one in a worker thread, the next is rendered here.
  let started = 0;
  const outcomes = await withPdfWorkers(checked, o.jobs ?? availableParallelism(), async (v) => {
    if (o.progress) o.err(`\r\u001b[K[${++started}/${checked.length}] ${basename(v.path)}`);
    const diagnostics: Diagnostic[] = [...v.file.diagnostics];
    const { result, diagnostics: problems } = await renderVisit(v.file, renderOptions);
    diagnostics.push(...problems);
    const out = new Map<string, string | Uint8Array>();
    if (result && !failing(problems)) {
      const [md, html, pdf] = await Promise.all((['md', 'html', 'pdf'] as const).map((f) => bytesOf(result, f, diagnostics, v.path)));
      if (md !== undefined && typeof html === 'string' && pdf !== undefined) {
        out.set(`${v.slug}.md`, md);
        out.set(`${v.slug}.pdf`, pdf);
        out.set('index.html', visitPage(html, v.slug));
      }
    }
    let ok = !failing(diagnostics) && out.size === 3 && result !== undefined;
    // Written as soon as rendered (atomically, file by file), so that memory does not grow with the site.
    if (ok) {
      let target = '';
      try {
        for (const [name, data] of [...out].sort(([a], [c]) => (a < c ? -1 : 1))) {
          target = join(o.out, v.slug, name);
          await writeAtomic(target, data);
        }
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
        diagnostics.push({ code: 'output-failed', severity: 'error', file: target, source: 'write', params: { path: target, reason } });
        ok = false;
      }
    }
    return { v, diagnostics, ok, entry: ok ? entryOf(result!, v.slug) : undefined };
  });
  const built: Built[] = [];
  for (const { v, diagnostics, ok, entry } of outcomes) {
    if (diagnostics.length > 0) reports.push({ file: v.path, text: v.file.text, diagnostics, valid: ok });
    if (ok && entry) built.push({ slug: v.slug, hash: v.hash, entry });
    else invalid.push(v.path);
  }
  if (o.progress) o.err('\r\u001b[K');
  if (invalid.length > 0 && !o.keepGoing) return stop(true);

  // 3. Write the site's files, remove what is no longer part of the site, the manifest last.
  // With --keep-going, an invalid visit is left out of the site (its old folder removed too), so the site
  // is always exactly its valid visits; the exit code is still 1, so CI notices.
  const entries = [...kept.map((k) => k.entry), ...built.map((b) => b.entry)].sort(byNewest);
  const facets = facetsOf(entries);
  const unions = facets.find((f) => f.key === 'union')?.values.map((v) => v.label) ?? [];
  const title = w.title(unions);
  const css = siteStylesheet(facets);
  const cssPath = stylesheetPath(css);
  const siteFiles = new Map<string, string>([[cssPath, css], ['index.html', indexPage(entries, facets, { title, stylesheet: cssPath, feed: base !== undefined })]]);
  if (base !== undefined) {
    siteFiles.set('feed.xml', atomFeed(entries, base, title));
    siteFiles.set('sitemap.xml', sitemap(entries, base));
  }
  const current = new Set(entries.map((e) => e.slug));
  const manifest: Manifest = {
    format: previous.format, files: [...siteFiles.keys()],
    visits: Object.fromEntries([...kept, ...built].map((v) => [v.slug, { hash: v.hash, entry: v.entry }])),
  };
  let target = o.out;
  try {
    for (const [name, data] of [...siteFiles].sort(([a], [c]) => (a < c ? -1 : 1))) {
      target = join(o.out, name);
      await writeIfChanged(target, data);
    }
    // Only what an earlier build recorded is removed: never a folder or file the manifest does not list.
    for (const slug of Object.keys(previous.visits).sort()) {
      if (current.has(slug)) continue;
      target = join(o.out, slug);
      await rm(target, { recursive: true, force: true });
    }
    for (const name of previous.files) {
      if (siteFiles.has(name)) continue;
      target = join(o.out, name);
      await rm(target, { force: true });
    }
    target = join(o.out, MANIFEST);
    await writeIfChanged(target, manifestText(manifest));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
    const d: Diagnostic = { code: 'output-failed', severity: 'error', file: target, source: 'write', params: { path: target, reason } };
    reports.push({ file: target, text: '', diagnostics: [d], valid: false });
    o.out_(formatPretty(reports, o.lang, o.color));
    o.out_(`${w.notWritten}\n`);
    return 1;
  }

  if (reports.length > 0) o.out_(formatPretty(reports, o.lang, o.color));
  const dir = o.out.endsWith('/') ? o.out : `${o.out}/`;
  o.out_(`${w.summary(entries.length, built.length, kept.length, dir, base !== undefined)}\n`);
  if (invalid.length > 0) {
    o.out_(`${w.skipped(invalid.join(', '))}\n`);
    return 1;
  }
  return 0;
}
