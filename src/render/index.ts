/**
 * Stage 4, render: a valid visit → its house style's Markdown, through the
 * view (safe phrases), the style's templates and the Markdown stage. Fields
 * tagged `!internal` are removed before anything is rendered.
 */
import type { Root } from 'mdast';
import { deriveVisit, DEFAULT_RATIOS, type Ratio, type VisitIndicators } from '../derive/index.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../load.js';
import { parseMarkdown } from '../markdown/index.js';
import type { Legal, Visit } from '../schema/types.js';
import { publicData } from './internal.js';
import { availableStyles, loadStyle, runTemplate, type HouseStyle } from './style.js';
import { joinAnd } from './french.js';
import { buildView, signature } from './view.js';

/** How to render. */
export interface RenderOptions {
  /** House style forced by the user (`--style`), over the visit's own `report.style`. */
  style?: string;
  /** Style when neither `--style` nor the visit names one (the configuration's), before the first union's. */
  defaultStyle?: string;
  /** Extra folders of house styles, searched before the built-in ones. */
  templateDirs?: readonly string[];
  /** Reference ratios (configuration first, then defaults). */
  ratios?: readonly Ratio[];
  /** Keep the values tagged `!internal` (an internal edition); public outputs never set it. */
  internal?: boolean;
}

/** A rendered visit. */
export interface RenderedVisit {
  /** The processed tree, for every output (`markdownFile` prints the `.md`). */
  tree: Root;
  /** What the `.md` file's front matter says. */
  frontMatter: Record<string, unknown>;
  style: HouseStyle;
  visit: Visit;
  indicators: VisitIndicators;
  /** The signature line, as plain text ("Montreuil, le 6 mars 2026"). */
  signature: string;
  /** Display names of the signing unions, in the visit's order. */
  unionNames: string[];
}

/** What is made once per process for a key: styles do not change during a run, and a batch reads each once. */
function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const styleCache = new Map<string, Promise<{ style?: HouseStyle; diagnostics: Diagnostic[] }>>();
const knownCache = new Map<string, Promise<string[]>>();

/** Loads a style once per process and set of folders. */
export function cachedStyle(id: string, dirs: readonly string[]): Promise<{ style?: HouseStyle; diagnostics: Diagnostic[] }> {
  return memo(styleCache, `${id}\u0000${dirs.join('\u0000')}`, () => loadStyle(id, dirs));
}

/** The styles the folders hold, listed once per process and set of folders. */
function knownStyles(dirs: readonly string[]): Promise<string[]> {
  return memo(knownCache, dirs.join('\u0000'), () => availableStyles(dirs));
}

/** Every legal reference the visit declares, so mentions link to the exact text. */
function legalRefs(visit: Visit): Legal[] {
  const refs: Legal[] = [];
  for (const site of visit.sites) {
    for (const d of site.difficulties ?? []) refs.push(...(d.legal ?? []));
    for (const a of site.premises?.areas ?? []) refs.push(...(a.accessibility?.legal ?? []));
  }
  return refs;
}

/** Display names of the signing unions: from their own style when one exists, else their id. */
async function unionNames(visit: Visit, style: HouseStyle, dirs: readonly string[]): Promise<string[]> {
  const known = await knownStyles(dirs);
  return Promise.all(visit.report.unions.map(async (id) => {
    if (id === style.id) return style.config.name;
    if (!known.includes(id)) return id;
    return (await cachedStyle(id, dirs)).style?.config.name ?? id;
  }));
}

const plain = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Front matter that Hugo, Jekyll and WordPress importers read as is. */
export function frontMatter(visit: Visit, unions: readonly string[]): Record<string, unknown> {
  const fmUnion = unions.join(', ');
  const services = visit.services.map((s) => plain(s.name));
  const fm: Record<string, unknown> = {
    title: plain(visit.report.title),
    date: visit.report.published.date,
    kind: visit.report.kind,
    union: fmUnion,
    unions: visit.report.unions,
    services,
    sites: visit.sites.map((s) => plain(s.name)),
    visit_dates: visit.visit.dates,
    categories: [...unions, ...services],
    tags: (visit.report.tags ?? []).map(plain),
  };
  if (visit.report.subtitle) fm.description = plain(visit.report.subtitle);
  return fm;
}

/** Renders a loaded, valid visit to Markdown. Problems come back as diagnostics. */
export async function renderVisit(file: SourceFile, options: RenderOptions = {}): Promise<{ result?: RenderedVisit; diagnostics: Diagnostic[] }> {
  // Only a file with internal values can lose a required one to them (and the check loads the schema's wording).
  if (!options.internal && file.internal.length > 0) {
    const problems = (await import('../validate/internal.js')).checkInternal(file);
    if (problems.length > 0) return { diagnostics: problems };
  }
  const visit = (options.internal ? file.data : publicData(file)) as Visit;
  const id = options.style ?? visit.report.style ?? options.defaultStyle ?? visit.report.unions[0]!;
  const { style, diagnostics } = await cachedStyle(id, options.templateDirs ?? []);
  if (!style) return { diagnostics: diagnostics.map((d) => (d.code === 'style-unknown' ? { ...d, file: file.path } : d)) };
  const indicators = deriveVisit(visit, options.ratios ?? DEFAULT_RATIOS);
  const unions = await unionNames(visit, style, options.templateDirs ?? []);
  const view = buildView(visit, indicators, style.config, unions);
  const rendered = runTemplate(style, view);
  if (rendered.markdown === undefined) return { diagnostics: rendered.diagnostics };
  const tree = parseMarkdown(rendered.markdown, { refs: legalRefs(visit) });
  const signed = signature(style.config.signature, joinAnd(unions), visit.report.published.place, visit.report.published.date);
  return { result: { tree, frontMatter: frontMatter(visit, unions), style, visit, indicators, signature: signed, unionNames: unions }, diagnostics: [] };
}
