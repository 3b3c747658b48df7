/**
 * The schema validators, and nothing else: whether data passes a schema is
 * all a clean file needs, so this module stays small (no schema text, no
 * message catalogue) and `visite validate` of valid files starts fast.
 * Turning failures into located diagnostics is `schema.ts`'s job.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';

/** Schemas the tool validates against, by name. */
export type SchemaName = 'visit' | 'style' | 'config';

// The build precompiles every schema (scripts/build-validators.js), so ajv's
// compiler is not even loaded; running from the sources (tests), the schemas
// are compiled on first use instead, with the same options.
// The path is a plain string so that the bundle (scripts/bundle.js) takes the module in.
const precompiled: Record<SchemaName, ValidateFunction> | undefined = await import('../schema/validators.js').catch(() => undefined);
const compiler = precompiled ? undefined : await import('./schema-compile.js');

/** The validator of a schema. */
export function validatorFor(name: SchemaName): ValidateFunction {
  return precompiled?.[name] ?? compiler!.compiled(name);
}
