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
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';

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
// esbuild escapes non-ASCII characters in strings and names, not in regular expression literals
// (« », é…), and those few make V8 hold the whole 1.6 MB script two bytes a character. Escaped the
// same way, it is read and scanned as one-byte text (some 0.005–0.02 s of every cold start here).
const code = asciiOnly(readFileSync(bundle, 'utf8'));
// The bundle is run by vm.Script (bin/load-bundle.cjs), which is given no way to load ES modules.
if (code.includes('import(')) throw new Error('lib/bundle/visite.cjs holds an import(): load that module with require or a static import');
// Written once, with its identity on the last line, which the code cache repeats (bin/load-bundle.cjs).
writeFileSync(bundle, `${code}//# visite-build=${createHash('sha256').update(code).digest('hex')}\n`);
console.log('lib/bundle/visite.cjs written');

// In a fresh `node`, with no option of this one's (NODE_OPTIONS among them): V8 accepts a cache
// only where its flags are those that made it.
const env = { ...process.env };
delete env.NODE_OPTIONS;
execFileSync(process.execPath, [fileURLToPath(new URL('train-code-cache.cjs', import.meta.url))], { env, stdio: 'inherit' });

/**
 * The script with each non-ASCII character written as a \\u escape where that means the same
 * character: in a regular expression literal (unless escaped there, `\\é`), a string, a comment.
 * TypeScript's parser says where each one is; anywhere else (a template literal, whose raw text a
 * tag may read) the build stops rather than change what the code does.
 */
function asciiOnly(source) {
  const places = [...source.matchAll(/[^\x00-\x7f]/g)].map((m) => m.index);
  if (places.length === 0) return source;
  const file = ts.createSourceFile('visite.cjs', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  /** The innermost node whose own text holds `at`, or whether `at` is in a comment before a node. */
  const where = (at) => {
    let kind;
    let comment = false;
    const visit = (node) => {
      if (at < node.pos || at >= node.end) return;
      if (at < node.getStart(file)) {
        comment = ts.getLeadingCommentRanges(source, node.pos)?.some((c) => c.pos <= at && at < c.end) ?? false;
        return;
      }
      kind = node.kind;
      ts.forEachChild(node, visit);
    };
    visit(file);
    return { kind, comment };
  };
  const safe = new Set([ts.SyntaxKind.RegularExpressionLiteral, ts.SyntaxKind.StringLiteral]);
  for (const at of places) {
    const { kind, comment } = where(at);
    if (!comment && (!safe.has(kind) || source[at - 1] === '\\')) {
      throw new Error(`lib/bundle/visite.cjs: a non-ASCII character at offset ${at} (${ts.SyntaxKind[kind]}) cannot be escaped safely`);
    }
  }
  return source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
