/**
 * Stage 2a, schema: ajv (JSON Schema 2020-12, all errors at once) against the
 * visit schema, each error mapped back to its YAML node.
 */
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { deref, pointerToPath, type SchemaNode } from '../schema/walk.js';
import { configSchema } from '../config-schema.js';
import { styleSchema } from '../render/style-schema.js';
import { visitSchema } from '../schema/definition.js';
import type { Code, Diagnostic, Params } from '../diagnostics.js';
import type { DataPath, SourceFile } from '../load.js';
import { placeOfKey, placeOfParent, placeOfValue } from '../locate.js';
import { suggest } from './suggest.js';
import { validatorFor, type SchemaName } from './validators.js';

type Localize = (errors?: ErrorObject[] | null) => void;
// ajv-i18n's wording, for the rare keyword without a message of its own: loaded only then.
const require = createRequire(import.meta.url);
const localize = (lang: 'fr' | 'en'): Localize => require(`ajv-i18n/localize/${lang}/index.js`) as Localize;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function matchesType(schema: unknown, value: unknown): boolean {
  const t = (schema as { type?: string } | undefined)?.type;
  const actual = typeOf(value);
  return t === undefined || t === actual || (t === 'number' && actual === 'integer');
}

/**
 * Keeps ajv's errors a person needs: under `anyOf`, only the branch whose
 * type fits the value (or one type error when none fits); no `if` echoes.
 */
function prune(errors: ErrorObject[], schema: object, data: unknown): ErrorObject[] {
  let kept = errors.filter((e) => e.keyword !== 'if');
  for (const any of errors.filter((e) => e.keyword === 'anyOf')) {
    const branches = ((schemaForPath(schema as SchemaNode, pointerToPath(any.instancePath))?.anyOf as unknown[] | undefined) ?? [])
      .map((b) => deref(schema as SchemaNode, b));
    const value = dataAt(data, pointerToPath(any.instancePath));
    const fit = branches.findIndex((b) => matchesType(b, value));
    const prefix = `${any.schemaPath}/`;
    kept = kept.filter((e) => {
      if (e === any) return fit < 0;
      if (e.instancePath !== any.instancePath && !e.instancePath.startsWith(`${any.instancePath}/`)) return true;
      if (!e.schemaPath.startsWith(prefix)) return true;
      return fit >= 0 && e.schemaPath.startsWith(`${prefix}${fit}/`);
    });
  }
  return kept;
}

const typeNames: Record<string, string> = {
  string: 'string', integer: 'integer', number: 'number', boolean: 'boolean', object: 'object', array: 'array',
};

/**
 * The subschema that applies at a data path, found by walking the schema
 * along the data (ajv's schema paths are relative to each compiled $ref).
 */
function schemaForPath(root: SchemaNode, path: DataPath): SchemaNode | undefined {
  let node = deref(root, root);
  for (const seg of path) {
    if (!node) return undefined;
    if (Array.isArray(node.anyOf)) node = deref(root, (node.anyOf as unknown[]).find((b) => (deref(root, b) as SchemaNode | undefined)?.[typeof seg === 'number' ? 'items' : 'properties']));
    node = typeof seg === 'number' ? deref(root, node?.items) : deref(root, (node?.properties as SchemaNode | undefined)?.[seg]);
  }
  return node;
}

/** The value at a data path. */
function dataAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const seg of path) node = (node as Record<string | number, unknown> | undefined)?.[seg];
  return node;
}

// Errors carry paths only (no copies of schema or data, which would bloat the
// precompiled validators): what a message needs is looked up from the paths.
function toDiagnostic(file: SourceFile, e: ErrorObject, schema: object): Diagnostic {
  const path: DataPath = pointerToPath(e.instancePath);
  let parent = schemaForPath(schema as SchemaNode, path);
  if (Array.isArray(parent?.anyOf)) parent = (parent.anyOf as unknown[]).map((b) => deref(schema as SchemaNode, b)).find((b) => b?.properties);
  const data = dataAt(file.data, path);
  const last = path[path.length - 1];
  const field = typeof last === 'string' ? last : typeof path[path.length - 2] === 'string' ? String(path[path.length - 2]) : '';
  const make = (code: Code, params: Params, place = placeOfValue(file, path), at: DataPath = path): Diagnostic =>
    ({ code, severity: 'error', file: file.path, place, path: at, params, source: 'schema' });
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const key = String(p.missingProperty);
      return make('schema-required', { key, parent: field }, placeOfParent(file, path));
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const known = Object.keys((parent?.properties as object | undefined) ?? {});
      const params: Params = { key, allowed: known };
      const near = suggest(key, known);
      if (near) params.suggestion = near;
      return make('schema-unknown-key', params, placeOfKey(file, [...path, key]), [...path, key]);
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const value = String(data);
      const params: Params = { field, value, allowed };
      const near = suggest(value, allowed);
      if (near) params.suggestion = near;
      return make('schema-enum', params);
    }
    case 'const':
      return make('schema-const', { field, expected: String(p.allowedValue), value: String(data) });
    case 'type': {
      const expected = String(p.type).split(',').map((t) => typeNames[t] ?? t);
      return make('schema-type', { field, expected, actual: typeOf(data) });
    }
    case 'anyOf':
      return make('schema-type', { field, expected: ['number', 'object'], actual: typeOf(data) });
    case 'pattern':
      return make('schema-pattern', { field, value: String(data), pattern: String(p.pattern) });
    case 'format':
      return make('schema-format', { field, value: String(data), format: String(p.format) });
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return make('schema-range', { field, value: Number(data), comparison: String(p.comparison), limit: Number(p.limit) });
    case 'minLength': case 'maxLength':
      return make('schema-length', { field, comparison: e.keyword === 'minLength' ? '>=' : '<=', limit: Number(p.limit) });
    case 'minItems': case 'maxItems':
      return make('schema-items', { field, comparison: e.keyword === 'minItems' ? '>=' : '<=', limit: Number(p.limit) });
    default: {
      const fr = [{ ...e }];
      const en = [{ ...e }];
      localize('fr')(fr);
      localize('en')(en);
      return make('schema-invalid', { field, keyword: e.keyword, fr: fr[0]?.message ?? '', en: en[0]?.message ?? '' });
    }
  }
}

const schemas: Record<SchemaName, object> = { visit: visitSchema, style: styleSchema, config: configSchema };

/** Validates a loaded file's data against a schema (the visit schema by default). */
/** At most this many schema problems are reported for one file (a pasted file of 20,000 wrong keys stays readable). */
export const MAX_SCHEMA_DIAGNOSTICS = 100;

export function checkSchema(file: SourceFile, name: SchemaName = 'visit'): Diagnostic[] {
  const validate = validatorFor(name);
  if (validate(file.data)) return [];
  return prune(validate.errors ?? [], schemas[name], file.data).slice(0, MAX_SCHEMA_DIAGNOSTICS).map((e) => toDiagnostic(file, e, schemas[name]));
}
