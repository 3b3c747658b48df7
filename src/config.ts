/**
 * `visite.config.yaml`: a union repository's settings — its own house
 * styles, a default style, the output folder, reference ratios with their
 * source. Optional; checked like a visit file, with located diagnostics.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DEFAULT_RATIOS, type Ratio } from './derive/index.js';
import type { Diagnostic } from './diagnostics.js';
import { loadFile } from './load.js';
import { roles, caseloadUnits } from './schema/vocabulary.js';
import { checkSchema, validatorFor } from './validate/schema.js';

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

const enumOf = (values: object, title: string, description: string) => ({
  type: 'string', enum: Object.keys(values), markdownEnumDescriptions: Object.values(values), title, description,
});

/** Schema of `visite.config.yaml`. */
export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    style: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', title: 'Style par défaut', description: 'Style maison quand la visite n’en indique pas' },
    templates: { type: 'string', minLength: 1, title: 'Styles du syndicat', description: 'Dossier des styles maison propres au syndicat, relatif à ce fichier' },
    out: { type: 'string', minLength: 1, title: 'Dossier de sortie', description: 'Dossier où écrire les bulletins (par défaut out/)' },
    ratios: {
      type: 'array', title: 'Ratios de référence', description: 'Ratios de référence, avec leur source',
      items: {
        type: 'object', additionalProperties: false, required: ['role', 'unit', 'perFte', 'source'], title: 'Ratio', description: 'Un agent pour N unités',
        properties: {
          role: enumOf(roles, 'Rôle', 'Rôle concerné'),
          unit: enumOf(caseloadUnits, 'Unité', 'Ce qui est compté'),
          perFte: { type: 'number', exclusiveMinimum: 0, title: 'Par ETP', description: 'Nombre suivi par agent à temps plein' },
          source: { type: 'string', minLength: 1, title: 'Source', description: 'D’où vient ce ratio (texte, note, organigramme)' },
        },
      },
    },
  },
} as const;

interface RawConfig { style?: string; templates?: string; out?: string; ratios?: Ratio[] }

/** Loads the configuration (the given path, else visite.config.yaml if present). */
export async function loadConfig(path?: string, cwd = process.cwd()): Promise<{ config: Config; diagnostics: Diagnostic[] }> {
  const empty: Config = { templateDirs: [], ratios: [...DEFAULT_RATIOS] };
  const target = path ?? resolve(cwd, CONFIG_FILE);
  if (!path && !(await stat(target).catch(() => undefined))?.isFile()) return { config: empty, diagnostics: [] };
  const file = await loadFile(target);
  if (file.data !== undefined) file.diagnostics.push(...checkSchema(file, validatorFor(configSchema)));
  if (file.diagnostics.length > 0) return { config: empty, diagnostics: file.diagnostics };
  const raw = (file.data ?? {}) as RawConfig;
  const base = dirname(resolve(target));
  const config: Config = { path: target, templateDirs: [], ratios: [...(raw.ratios ?? []), ...DEFAULT_RATIOS] };
  if (raw.style) config.style = raw.style;
  if (raw.templates) config.templateDirs.push(resolve(base, raw.templates));
  if (raw.out) config.out = resolve(base, raw.out);
  return { config, diagnostics: [] };
}
