/**
 * House styles: a folder per union with `style.yaml` (name, colours, logo,
 * signature form, inclusive writing) and Handlebars templates. Built-in
 * styles live in `templates/`; a union adds its own folder without touching
 * code (`--templates DIR` or `templates:` in visite.config.yaml).
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { Diagnostic, Params } from '../diagnostics.js';
import { loadFile } from '../load.js';
import { checkSchema } from '../validate/schema.js';
import { suggest } from '../validate/suggest.js';
import type { Inclusive } from './french.js';

/** The folder of built-in styles, beside lib/. */
export const BUILTIN_STYLES = fileURLToPath(new URL('../../templates/', import.meta.url));

const STYLE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** What `style.yaml` holds. */
export interface StyleConfig {
  name: string;
  website?: string;
  colors: { primary: string; accent: string; text?: string };
  logo?: string;
  /** How the bulletin is signed: `{union}`, `{place}` and `{date}` are replaced. */
  signature: string;
  inclusive?: Inclusive;
}


/** A loaded, compiled house style. */
export interface HouseStyle {
  id: string;
  dir: string;
  config: StyleConfig;
  /** Absolute path of the logo, checked to be inside the style folder. */
  logoPath?: string;
  render: (view: unknown) => string;
  templatePath: string;
}

/** Names of the styles found in the folders, in search order, without repeats. */
export async function availableStyles(dirs: readonly string[]): Promise<string[]> {
  const names = new Set<string>();
  for (const dir of [...dirs, BUILTIN_STYLES]) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isDirectory() && STYLE_ID.test(e.name)) names.add(e.name);
  }
  return [...names].sort();
}

function problem(code: Diagnostic['code'], file: string, params: Params, line?: number): Diagnostic {
  const d: Diagnostic = { code, severity: 'error', file, params, source: 'render' };
  if (line !== undefined) d.place = { line, column: 1, endLine: line, endColumn: 2, offset: 0, endOffset: 0 };
  return d;
}

/** Whether `path` is inside `dir` once symbolic links are followed. */
export async function inside(dir: string, path: string): Promise<boolean> {
  const [realDir, realPath] = await Promise.all([realpath(dir), realpath(path).catch(() => undefined)]);
  if (!realPath) return false;
  const rel = relative(realDir, realPath);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * A list item's closing punctuation, as French bulletins write lists: " ;"
 * after each item, "." after the last; an item that ends with ? ! or … keeps it.
 */
export function listItemEnd(text: string, last: boolean): string {
  const t = text.replace(/[\s.;,]+$/u, '');
  if (/[?!…]$/u.test(t)) return t;
  return `${t}${last ? '.' : '\u00a0;'}`;
}

/** The line a Handlebars error names ("Parse error on line 3", "- 3:4"). */
function errorLine(message: string): number | undefined {
  const m = /on line (\d+)/.exec(message) ?? / - (\d+):\d+/.exec(message);
  return m ? Number(m[1]) : undefined;
}

async function compileTemplates(dir: string, id: string): Promise<{ render?: HouseStyle['render']; diagnostics: Diagnostic[] }> {
  const hb = Handlebars.create();
  hb.registerHelper('inc', (n: unknown) => Number(n) + 1);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('end', (text: unknown, last: unknown) => listItemEnd(String(text), last === true));
  const diagnostics: Diagnostic[] = [];
  const partialsDir = join(dir, 'partials');
  const partialFiles = (await readdir(partialsDir).catch(() => [] as string[])).filter((f) => f.endsWith('.hbs')).sort();
  for (const f of partialFiles) {
    const path = join(partialsDir, f);
    const source = await readFile(path, 'utf8');
    try {
      hb.parse(source);
      hb.registerPartial(basename(f, '.hbs'), source);
    } catch (error) {
      const message = (error as Error).message;
      diagnostics.push(problem('template-error', path, { style: id, detail: message.split('\n')[0] ?? '' }, errorLine(message)));
    }
  }
  const templatePath = join(dir, 'report.md.hbs');
  const source = await readFile(templatePath, 'utf8').catch(() => undefined);
  if (source === undefined) {
    diagnostics.push(problem('style-invalid', templatePath, { style: id, detail: 'report.md.hbs manquant' }));
    return { diagnostics };
  }
  try {
    hb.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    diagnostics.push(problem('template-error', templatePath, { style: id, detail: message.split('\n')[0] ?? '' }, errorLine(message)));
    return { diagnostics };
  }
  if (diagnostics.length > 0) return { diagnostics };
  // noEscape: the view holds Markdown-safe text only; HTML escaping would corrupt code spans.
  const template = hb.compile(source, { strict: true, noEscape: true });
  return { render: (view) => template(view), diagnostics };
}

/** Finds, checks and compiles a style. Problems come back as diagnostics, never thrown. */
export async function loadStyle(id: string, dirs: readonly string[] = []): Promise<{ style?: HouseStyle; diagnostics: Diagnostic[] }> {
  const known = await availableStyles(dirs);
  if (!STYLE_ID.test(id) || !known.includes(id)) {
    const params: Params = { style: id, known };
    const near = suggest(id, known);
    if (near) params.suggestion = near;
    return { diagnostics: [problem('style-unknown', id, params)] };
  }
  let dir = '';
  for (const base of [...dirs, BUILTIN_STYLES]) {
    const candidate = resolve(base, id);
    if ((await stat(candidate).catch(() => undefined))?.isDirectory()) { dir = candidate; break; }
  }
  const configPath = join(dir, 'style.yaml');
  const file = await loadFile(configPath);
  if (file.data !== undefined) file.diagnostics.push(...checkSchema(file, 'style'));
  if (file.diagnostics.length > 0) return { diagnostics: file.diagnostics };
  const config = file.data as StyleConfig;
  const style: Omit<HouseStyle, 'render'> = { id, dir, config, templatePath: join(dir, 'report.md.hbs') };
  if (config.logo) {
    const logo = resolve(dir, config.logo);
    if (!(await inside(dir, logo))) return { diagnostics: [problem('style-path-outside', configPath, { path: config.logo })] };
    style.logoPath = logo;
  }
  const compiled = await compileTemplates(dir, id);
  if (!compiled.render) return { diagnostics: compiled.diagnostics };
  return { style: { ...style, render: compiled.render }, diagnostics: [] };
}

/** Runs a compiled template; a template that throws becomes a located diagnostic. */
export function runTemplate(style: HouseStyle, view: unknown): { markdown?: string; diagnostics: Diagnostic[] } {
  try {
    return { markdown: style.render(view), diagnostics: [] };
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    return { diagnostics: [problem('template-error', style.templatePath, { style: style.id, detail: message.split('\n')[0] ?? '' }, errorLine(message))] };
  }
}
