/**
 * A settings file (a style's `style.yaml`, `visite.config.yaml`) read and
 * checked against its schema the way visits are: the quick loader and the
 * precompiled validator when it is clean, the full loader and located
 * diagnostics otherwise. A clean file thus never loads the `yaml` package.
 */
import { quickLoad } from '../load-quick.js';
import { readSource } from '../read.js';
import type { SourceFile } from '../source.js';
import { validatorFor, type SchemaName } from './validators.js';

/** Reads a settings file and checks it against `schema`; problems land on the file. Never throws. */
export async function loadSettings(path: string, schema: SchemaName): Promise<SourceFile> {
  const read = await readSource(path);
  if ('failed' in read) return read.failed;
  const quick = quickLoad(path, read.text);
  if (quick && validatorFor(schema)(quick.data) === true) return quick;
  const [{ parseVisitText }, { checkSchema }] = await Promise.all([import('../load.js'), import('./schema.js')]);
  const file = parseVisitText(path, read.text);
  if (file.data !== undefined) file.diagnostics.push(...checkSchema(file, schema));
  return file;
}
