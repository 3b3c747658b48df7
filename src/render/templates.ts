/**
 * A style's Handlebars templates, made into a render function. The built-in
 * styles are precompiled by `npm run build` (scripts/build-templates.js)
 * into lib/templates/<id>.cjs, so that a cold `visite render` loads only
 * Handlebars' runtime; a union's own style, or a built-in one edited since
 * the build (its sources no longer match the recorded hash), is compiled
 * here with the full Handlebars.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type Handlebars from 'handlebars';
import runtimeModule from 'handlebars/runtime.js';
import { packageFile } from '../paths.js';

// Handlebars' runtime (no compiler) has the same API as the whole, and no types of its own.
const HandlebarsRuntime = runtimeModule as unknown as typeof Handlebars;

/** Compile options shared by the build's precompilation and run-time compiling. */
export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

/** A style's template sources: `report.md.hbs` and the partials in `partials/`, by name. */
export interface TemplateSources {
  main?: { path: string; source: string };
  partials: { name: string; path: string; source: string }[];
}

/** Reads a style folder's templates (partials in name order). */
export async function readTemplates(dir: string): Promise<TemplateSources> {
  const partialsDir = join(dir, 'partials');
  const files = (await readdir(partialsDir).catch(() => [] as string[])).filter((f) => f.endsWith('.hbs')).sort();
  const partials = await Promise.all(files.map(async (f) => {
    const path = join(partialsDir, f);
    return { name: basename(f, '.hbs'), path, source: await readFile(path, 'utf8') };
  }));
  const path = join(dir, 'report.md.hbs');
  const source = await readFile(path, 'utf8').catch(() => undefined);
  return { main: source === undefined ? undefined : { path, source }, partials };
}

/** A digest of the sources: a precompiled style is used only for the very sources it was made from. */
export function templatesHash(sources: TemplateSources): string {
  const hash = createHash('sha256');
  for (const { name, source } of sources.partials) hash.update(`${name}\0${source}\0`);
  hash.update(`\0${sources.main?.source ?? ''}`);
  return hash.digest('hex');
}

/** What scripts/build-templates.js writes for each built-in style. */
export interface PrecompiledStyle {
  hash: string;
  main: TemplateSpecification;
  partials: Record<string, TemplateSpecification>;
}
type TemplateSpecification = Parameters<typeof HandlebarsRuntime.template>[0];

/** Where the build puts a built-in style's precompiled templates. */
export const precompiledPath = (id: string): string => packageFile(join('lib', 'templates', `${id}.cjs`));

/**
 * A list item's closing punctuation, as French bulletins write lists: " ;"
 * after each item, "." after the last; an item that ends with ? ! or … keeps it.
 */
export function listItemEnd(text: string, last: boolean): string {
  const t = text.replace(/[\s.;,]+$/u, '');
  if (/[?!…]$/u.test(t)) return t;
  return `${t}${last ? '.' : '\u00a0;'}`;
}

/** The helpers every template may call. */
export function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('inc', (n: unknown) => Number(n) + 1);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('end', (text: unknown, last: unknown) => listItemEnd(String(text), last === true));
}

/** A built-in style's precompiled templates, if the build made them (CommonJS: loaded without Node's ES module loader). */
function loadPrecompiled(id: string): PrecompiledStyle | undefined {
  try {
    return createRequire(import.meta.url)(precompiledPath(id)) as PrecompiledStyle;
  } catch {
    return undefined;
  }
}

/**
 * The render function of a built-in style, from its precompiled templates,
 * when they exist and were made from these sources; undefined otherwise.
 */
export function precompiled(id: string, sources: TemplateSources): ((view: unknown) => string) | undefined {
  const built = loadPrecompiled(id);
  if (!built || built.hash !== templatesHash(sources)) return undefined;
  const hb = HandlebarsRuntime.create();
  registerHelpers(hb);
  for (const [name, spec] of Object.entries(built.partials)) hb.registerPartial(name, hb.template(spec));
  const template = hb.template(built.main);
  return (view) => template(view);
}
