/**
 * A value tagged `!internal` is removed from public outputs; the bulletin
 * must still make sense without it. A required value (a site's name, the
 * publication date…) cannot be internal: say so where the tag is.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../load.js';
import { placeOfKey } from '../locate.js';
import { publicData } from '../render/internal.js';
import { checkSchema } from './schema.js';

/** Problems that only appear once the internal values are removed. */
export function checkInternal(file: SourceFile): Diagnostic[] {
  if (file.internal.length === 0 || file.data === undefined) return [];
  const stripped = { ...file, data: publicData(file) };
  return checkSchema(stripped).map((d) => {
    const path = d.code === 'schema-required' && d.path ? [...d.path, String(d.params.key)] : d.path ?? [];
    return {
      ...d, code: 'internal-required', source: 'rule', path,
      place: placeOfKey(file, path), params: { key: String(d.params.key ?? path.at(-1) ?? '') },
    } satisfies Diagnostic;
  });
}
