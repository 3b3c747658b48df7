#!/usr/bin/env node
// Part of `npm run build`: bundles the command line (lib/cli.js and what it
// imports, dependencies included) into one CommonJS script,
// lib/bundle/visite.cjs, then has it make V8's code cache for itself
// (scripts/train-code-cache.cjs). bin/visite.js loads the two together
// (bin/load-bundle.cjs): a cold `visite validate` neither finds and links
// some 340 modules nor compiles the code it runs.
// Left out: the Typst binding (a native module, found at run time), and the
// worker threads' modules, which the threads load from lib/ (`workerModule`).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const outdir = fileURLToPath(new URL('../lib/bundle/', import.meta.url));
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [fileURLToPath(new URL('../lib/cli.js', import.meta.url))],
  outfile: `${outdir}visite.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The Typst binding: optional, native, and chosen at run time.
  external: ['@myriaddreamin/*'],
  // The sources find the package's files from their own address (src/paths.ts): the bundle's.
  define: { 'import.meta.url': 'importMetaUrl' },
  // Strict, as the ES modules it is made from were (a directive counts only at the very start).
  banner: { js: "'use strict'; var importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  // Less to parse on a cold start; names are kept, so a VISITE_DEBUG stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  legalComments: 'eof',
});
const bundle = `${outdir}visite.cjs`;
// esbuild escapes non-ASCII characters everywhere but in regular expression literals (« », é…),
// and those few make V8 hold the whole 1.6 MB script two bytes a character: escaped the same way
// (the same characters to a regular expression, with or without its u flag), it is read and
// scanned as one-byte text, some 0.005–0.02 s of every cold start here.
const code = readFileSync(bundle, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(bundle, code);
// The bundle is run by vm.Script (bin/load-bundle.cjs), which is given no way to load ES modules.
if (code.includes('import(')) throw new Error('lib/bundle/visite.cjs holds an import(): load that module with require or a static import');
// Its identity, which the code cache repeats (bin/load-bundle.cjs).
appendFileSync(bundle, `//# visite-build=${createHash('sha256').update(code).digest('hex')}\n`);
console.log('lib/bundle/visite.cjs written');

// In a fresh `node`, with no option of this one's (NODE_OPTIONS among them): V8 accepts a cache
// only where its flags are those that made it.
const env = { ...process.env };
delete env.NODE_OPTIONS;
execFileSync(process.execPath, [fileURLToPath(new URL('train-code-cache.cjs', import.meta.url))], { env, stdio: 'inherit' });
