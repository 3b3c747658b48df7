/**
 * `visite.config.yaml`: a union repository's settings — its own house
 * styles, a default style, the output folder, reference ratios with their
 * source. Optional; checked like a visit file, with located diagnostics.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DEFAULT_RATIOS, type Ratio } from './derive/index.js';
import type { Diagnostic } from './diagnostics.js';
import { loadSettings } from './validate/settings.js';

/** The configuration file looked for in the working folder. */
export const CONFIG_FILE = 'visite.config.yaml';

/** Settings after loading: paths are absolute, ratios include the defaults. */
export interface Config {
  /** Where the file was, if any. */
  path?: string;
  style?: string;
  templateDirs: string[];
  out?: string;
  /** Configured ratios first, then the defaults. */
  ratios: Ratio[];
}


interface RawConfig { style?: string; templates?: string; out?: string; ratios?: Ratio[] }

/** Loads the configuration (the given path, else visite.config.yaml if present). */
export async function loadConfig(path?: string, cwd = process.cwd()): Promise<{ config: Config; diagnostics: Diagnostic[] }> {
  const empty: Config = { templateDirs: [], ratios: [...DEFAULT_RATIOS] };
  const target = path ?? resolve(cwd, CONFIG_FILE);
  if (!path && !(await stat(target).catch(() => undefined))?.isFile()) return { config: empty, diagnostics: [] };
  const file = await loadSettings(target, 'config');
  if (file.diagnostics.length > 0) return { config: empty, diagnostics: file.diagnostics };
  const raw = (file.data ?? {}) as RawConfig;
  const base = dirname(resolve(target));
  const config: Config = { path: target, templateDirs: [], ratios: [...(raw.ratios ?? []), ...DEFAULT_RATIOS] };
  if (raw.style) config.style = raw.style;
  if (raw.templates) config.templateDirs.push(resolve(base, raw.templates));
  if (raw.out) config.out = resolve(base, raw.out);
  return { config, diagnostics: [] };
}
