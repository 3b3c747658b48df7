/**
 * Compiles the schemas at run time: only when the build's precompiled
 * validators are absent (running from the sources, as the tests do). The
 * options match scripts/build-validators.js.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { configSchema } from '../config-schema.js';
import { styleSchema } from '../render/style-schema.js';
import { visitSchema } from '../schema/definition.js';
import type { SchemaName } from './validators.js';

const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void;
const schemas: Record<SchemaName, object> = { visit: visitSchema, style: styleSchema, config: configSchema };
const cache = new Map<SchemaName, ValidateFunction>();
let ajv: Ajv2020 | undefined;

/** The validator of a schema, compiled once. */
export function compiled(name: SchemaName): ValidateFunction {
  let validate = cache.get(name);
  if (validate) return validate;
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
    ajv.addKeyword({ keyword: 'markdownEnumDescriptions', schemaType: 'array' });
    addFormats(ajv, ['uri']);
  }
  validate = ajv.compile(schemas[name]);
  cache.set(name, validate);
  return validate;
}
