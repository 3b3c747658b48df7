/**
 * House styles: a folder per union with `style.yaml` (name, colours, logo,
 * signature form, inclusive writing) and Handlebars templates. Built-in
 * styles live in `templates/`; a union adds its own folder without touching
 * code (`--templates DIR` or `templates:` in visite.config.yaml).
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic, Params } from '../diagnostics.js';
import { packageFile } from '../paths.js';
import { loadSettings } from '../validate/settings.js';
import { suggest } from '../validate/suggest.js';
import type { Inclusive } from './french.js';
import { COMPILE_OPTIONS, precompiled, readTemplates, registerHelpers } from './templates.js';

export { listItemEnd } from './templates.js';

/** The folder of built-in styles, beside lib/. */
export const BUILTIN_STYLES = packageFile('templates');

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

/** The line a Handlebars error names ("Parse error on line 3", "- 3:4"). */
function errorLine(message: string): number | undefined {
  const m = /on line (\d+)/.exec(message) ?? / - (\d+):\d+/.exec(message);
  return m ? Number(m[1]) : undefined;
}

async function compileTemplates(dir: string, id: string): Promise<{ render?: HouseStyle['render']; diagnostics: Diagnostic[] }> {
  const sources = await readTemplates(dir);
  if (dir === join(BUILTIN_STYLES, id)) {
    const render = precompiled(id, sources);
    if (render) return { render, diagnostics: [] };
  }
  // The compiler (most of Handlebars) only for templates not precompiled by the build.
  const { default: Handlebars } = await import('handlebars');
  const hb = Handlebars.create();
  registerHelpers(hb);
  const diagnostics: Diagnostic[] = [];
  const parsed = (path: string, source: string): boolean => {
    try {
      hb.parse(source);
      return true;
    } catch (error) {
      const message = (error as Error).message;
      diagnostics.push(problem('template-error', path, { style: id, detail: message.split('\n')[0] ?? '' }, errorLine(message)));
      return false;
    }
  };
  for (const { name, path, source } of sources.partials) if (parsed(path, source)) hb.registerPartial(name, source);
  if (!sources.main) {
    diagnostics.push(problem('style-invalid', join(dir, 'report.md.hbs'), { style: id, detail: 'report.md.hbs manquant' }));
    return { diagnostics };
  }
  if (!parsed(sources.main.path, sources.main.source) || diagnostics.length > 0) return { diagnostics };
  // noEscape: the view holds Markdown-safe text only; HTML escaping would corrupt code spans.
  const template = hb.compile(sources.main.source, COMPILE_OPTIONS);
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
  const file = await loadSettings(configPath, 'style');
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
