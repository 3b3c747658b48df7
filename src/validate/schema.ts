/**
 * Stage 2a, schema: ajv (JSON Schema 2020-12, all errors at once) against the
 * visit schema, each error mapped back to its YAML node.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import localizeFrModule from 'ajv-i18n/localize/fr/index.js';
import localizeEnModule from 'ajv-i18n/localize/en/index.js';
import type { Code, Diagnostic, Params } from '../diagnostics.js';
import type { DataPath, SourceFile } from '../load.js';
import { placeOfKey, placeOfParent, placeOfValue } from '../locate.js';
import { visitSchema } from '../schema/definition.js';
import { suggest } from './suggest.js';

type Localize = (errors?: ErrorObject[] | null) => void;
const interop = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;
const addFormats = interop<(ajv: Ajv2020, formats: string[]) => void>(addFormatsModule);
const localize = { fr: interop<Localize>(localizeFrModule), en: interop<Localize>(localizeEnModule) };

let ajv: Ajv2020 | undefined;
const compiled = new Map<object, ValidateFunction>();

/** Compiles a schema once per process (the visit schema, a style's or the configuration's). */
export function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate) return validate;
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, verbose: true });
    ajv.addKeyword({ keyword: 'markdownEnumDescriptions', schemaType: 'array' });
    addFormats(ajv, ['uri']);
  }
  validate = ajv.compile(schema);
  compiled.set(schema, validate);
  return validate;
}

/** The compiled visit validator. */
export function visitValidator(): ValidateFunction {
  return validatorFor(visitSchema);
}

/** `/sites/0/name` → `['sites', 0, 'name']`, with JSON Pointer escapes undone. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((raw) => {
    const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s;
  });
}

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
function prune(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors.filter((e) => e.keyword !== 'if');
  for (const any of errors.filter((e) => e.keyword === 'anyOf')) {
    const branches = (any.schema as unknown[]) ?? [];
    const fit = branches.findIndex((b) => matchesType(b, any.data));
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

function toDiagnostic(file: SourceFile, e: ErrorObject): Diagnostic {
  const path: DataPath = pointerToPath(e.instancePath);
  const parent = e.parentSchema as Record<string, unknown> | undefined;
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
      const value = String(e.data);
      const params: Params = { field, value, allowed };
      const near = suggest(value, allowed);
      if (near) params.suggestion = near;
      return make('schema-enum', params);
    }
    case 'const':
      return make('schema-const', { field, expected: String(p.allowedValue), value: String(e.data) });
    case 'type': {
      const expected = String(p.type).split(',').map((t) => typeNames[t] ?? t);
      return make('schema-type', { field, expected, actual: typeOf(e.data) });
    }
    case 'anyOf':
      return make('schema-type', { field, expected: ['number', 'object'], actual: typeOf(e.data) });
    case 'pattern':
      return make('schema-pattern', { field, value: String(e.data), pattern: String(p.pattern) });
    case 'format':
      return make('schema-format', { field, value: String(e.data), format: String(p.format) });
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return make('schema-range', { field, value: Number(e.data), comparison: String(p.comparison), limit: Number(p.limit) });
    case 'minLength': case 'maxLength':
      return make('schema-length', { field, comparison: e.keyword === 'minLength' ? '>=' : '<=', limit: Number(p.limit) });
    case 'minItems': case 'maxItems':
      return make('schema-items', { field, comparison: e.keyword === 'minItems' ? '>=' : '<=', limit: Number(p.limit) });
    default: {
      const fr = [{ ...e }];
      const en = [{ ...e }];
      localize.fr(fr);
      localize.en(en);
      return make('schema-invalid', { field, keyword: e.keyword, fr: fr[0]?.message ?? '', en: en[0]?.message ?? '' });
    }
  }
}

/** Validates a loaded file's data against a schema (the visit schema by default). */
export function checkSchema(file: SourceFile, validate: ValidateFunction = visitValidator()): Diagnostic[] {
  if (validate(file.data)) return [];
  return prune(validate.errors ?? []).map((e) => toDiagnostic(file, e));
}
