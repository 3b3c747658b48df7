#!/usr/bin/env node
'use strict';
// Entry point of the `visite` command. Any failure that escapes the CLI is a
// bug: say so in one line (no stack trace unless VISITE_DEBUG is set) and exit 2.
// Output piped into a command that stops reading (`| head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { BUNDLE, loadBundle } = require('./load-bundle.cjs');

function fail(error) {
  if (process.env.VISITE_DEBUG) console.error(error);
  const fr = /^fr/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
  const notBuilt = error && error.code === 'ENOENT' && error.path === BUNDLE;
  const what = notBuilt
    ? (fr ? 'visite n’est pas construit : lancez « npm ci » (ou « npm run build »).' : 'visite is not built: run "npm ci" (or "npm run build").')
    : (fr ? `erreur interne (${String(error && error.message)}). Merci de la signaler.` : `internal error (${String(error && error.message)}). Please report it.`);
  process.stderr.write(`visite: ${what}\n`);
  process.exitCode = 2;
}

try {
  const { main } = loadBundle().exports;
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, fail);
} catch (error) {
  fail(error);
}
