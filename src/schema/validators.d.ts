// The validators precompiled by `npm run build` (scripts/build-validators.js) into
// lib/schema/validators.js; there is no such module among the sources.
import type { ValidateFunction } from 'ajv/dist/2020.js';

export const visit: ValidateFunction;
export const style: ValidateFunction;
export const config: ValidateFunction;
/** The formats the schemas use, as the validators check them (tested against ajv-formats). */
export const formats: Record<string, (value: string) => boolean>;
