#!/usr/bin/env node
// Part of `npm run build`: bundles the command line (lib/cli.js and what it
// imports, dependencies included) into lib/bundle/. A cold `visite render`
// otherwise spends about 0.3 s finding, reading and linking some 340 small
// modules. Modules loaded on demand (`await import(...)`) become chunks of
// their own, loaded on demand still: `visite validate` reads only its part.
// Left out: the Typst binding (a native module, found at run time), and the
// worker threads' modules, which the threads load from lib/ (`workerModule`).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../lib/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { visite: new URL('../lib/cli.js', import.meta.url).pathname },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The Typst binding: optional, native, and chosen at run time.
  external: ['@myriaddreamin/*'],
  // Reproducible chunk names, and no source maps to ship.
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies (handlebars) require() Node's own modules: give each chunk a require.
  banner: { js: "import { createRequire as __visiteRequire } from 'node:module'; const require = __visiteRequire(import.meta.url);" },
  // Less to parse on a cold start; names are kept, so a VISITE_DEBUG stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  legalComments: 'eof',
});
console.log('lib/bundle/visite.js written');
