'use strict';
// Part of `npm run build` (run by scripts/bundle.js): runs the command line's
// bundle the way a delegate's day does — `validate` of the example visits,
// `render` of one to Markdown, HTML and PDF — in this process, quietly, then
// saves V8's code cache of every function that ran to
// lib/bundle/visite.cjs.cache (bin/load-bundle.cjs).
const { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { CACHE, loadBundle } = require('../bin/load-bundle.cjs');

const VISITS = join(__dirname, '..', 'visits');

async function train() {
  const { exports: cli, script } = loadBundle({ cache: false });
  const visits = readdirSync(VISITS).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(VISITS, f));
  if (visits.length === 0) throw new Error(`no visit in ${VISITS} to train the code cache on`);
  const out = mkdtempSync(join(tmpdir(), 'visite-train-'));
  /** Runs the command line quietly: its exit code, and what it said. */
  const run = async (...args) => {
    const said = [];
    const io = { out: (t) => said.push(t), err: (t) => said.push(t), isTTY: false, env: { ...process.env, LANG: 'C' } };
    return { args, code: await cli.main(args, io), said: said.join('') };
  };
  try {
    const runs = [await run('validate', ...visits), await run('render', visits[0], '--to', 'md,html,pdf', '--out', out)];
    // Where no Typst compiler can be loaded, PDF is not to be had: train on the rest.
    if (runs[1].said.includes('pdf-unavailable')) runs[1] = await run('render', visits[0], '--to', 'md,html', '--out', out);
    const failed = runs.find((r) => r.code !== 0);
    if (failed) throw new Error(`visite ${failed.args.join(' ')} exited ${failed.code}:\n${failed.said}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const temp = `${CACHE}.${process.pid}.tmp`;
  writeFileSync(temp, script.createCachedData());
  renameSync(temp, CACHE);
  console.log('lib/bundle/visite.cjs.cache written');
}

train().catch((error) => {
  console.error(`scripts/train-code-cache.cjs: ${error.stack ?? error}`);
  process.exitCode = 1;
});
