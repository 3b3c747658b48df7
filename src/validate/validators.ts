/**
 * The schema validators, and nothing else: whether data passes a schema is
 * all a clean file needs, so this module stays small (no schema text, no
 * message catalogue) and `visite validate` of valid files starts fast.
 * Turning failures into located diagnostics is `schema.ts`'s job.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
// Precompiled by the build (scripts/build-validators.js), so ajv's compiler is
// not even loaded. The tests run the sources, where no such module exists:
// vitest.config.ts puts the run-time compiler (schema-compile.ts) in its place.
import * as precompiled from '../schema/validators.js';

/** Schemas the tool validates against, by name. */
export type SchemaName = 'visit' | 'style' | 'config';

/** The validator of a schema. */
export function validatorFor(name: SchemaName): ValidateFunction {
  return precompiled[name];
}
