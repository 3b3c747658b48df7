/**
 * The schemas compiled at run time, in place of the build's precompiled
 * validators (`lib/schema/validators.js`) where those do not exist: the tests,
 * which run the sources (vitest.config.ts). The options match
 * scripts/build-validators.js; each schema is compiled on its first use.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { configSchema } from '../config-schema.js';
import { styleSchema } from '../render/style-schema.js';
import { visitSchema } from '../schema/definition.js';

const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void;
let ajv: Ajv2020 | undefined;

/** A validator that compiles its schema when first called, then behaves as the compiled one (`errors` included). */
function compiledOnUse(schema: object): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const validate = ((data: unknown) => {
    if (!ajv) {
      ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
      ajv.addKeyword({ keyword: 'markdownEnumDescriptions', schemaType: 'array' });
      addFormats(ajv, ['uri']);
    }
    compiled ??= ajv.compile(schema);
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  }) as ValidateFunction;
  return validate;
}

export const visit = compiledOnUse(visitSchema);
export const style = compiledOnUse(styleSchema);
export const config = compiledOnUse(configSchema);
