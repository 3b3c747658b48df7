// The built validators check the "uri" format with a small expression first
// (scripts/build-validators.js), so that a cold `visite validate` does not
// compile ajv-formats' long one for the usual address. The small one must
// accept nothing the full one refuses: the two checks must agree everywhere.
import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const full = fullFormats.uri as (value: string) => boolean;
let built: (value: string) => boolean;

beforeAll(async () => {
  // The build's module (test/setup/global-setup.ts builds lib/ before the suite).
  const module = (await import(pathToFileURL(join(ROOT, 'lib', 'schema', 'validators.js')).href)) as { formats: Record<string, (value: string) => boolean> };
  built = module.formats.uri!;
});

const CHARS = [..."htps:/%2aF.?#@[]é -_~!$&'()*+,;=0123456789xyzHTTPS\\"];

describe('the built "uri" format', () => {
  it('agrees with ajv-formats on written cases', () => {
    const cases = [
      'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000023408447', 'http://exemple.fr', 'HTTPS://EXEMPLE.FR/',
      'https://exemple.fr:8080/a/b?c=d&e=f#g', 'https://exemple.fr/%C3%A9', 'https://exemple.fr/%zz', 'https://exemple.fr/%4',
      'https://exa mple.fr', 'https://exemple.fr/a b', 'https://exemple.fr/?q=«»', 'http://é.fr', 'https://[::1]/x',
      'https://user:pw@exemple.fr/', 'mailto:delegue@exemple.fr', 'ftp://exemple.fr', 'https:', 'https://', 'https:///x',
      '//exemple.fr', 'exemple.fr', '', 'https://exemple.fr:80a/', 'https://exemple.fr\\x', 'https://exemple.fr/#a#b',
    ];
    for (const value of cases) expect(built(value), value).toBe(full(value));
  });

  it('agrees with ajv-formats on generated addresses and near-addresses', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => built(url) === full(url)), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 40 }), (tail) =>
      built(`https://${tail}`) === full(`https://${tail}`) && built(`http:${tail}`) === full(`http:${tail}`) && built(tail) === full(tail)), { numRuns: 20000 });
  });
});
