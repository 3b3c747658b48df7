'use strict';
// Part of `npm run build` (run by scripts/bundle.js): runs the command line's
// bundle the way a delegate's day does — `validate` of the example visits,
// `render` of one to Markdown, HTML and PDF — in this process, quietly, then
// saves V8's code cache of every function that ran to
// lib/bundle/visite.cjs.cache (bin/load-bundle.cjs). The cache only makes a
// cold start faster: a run that fails (an example visit being edited, no
// Typst compiler here) is reported, and the cache holds what did run.
const { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { CACHE, cacheFile, loadBundle } = require('../bin/load-bundle.cjs');

const VISITS = join(__dirname, '..', 'visits');

/** Runs the command line quietly; warns when it does not exit 0. */
async function run(cli, args) {
  const said = [];
  const io = { out: (t) => said.push(t), err: (t) => said.push(t), isTTY: false, env: { ...process.env, LANG: 'C' } };
  const code = await cli.main(args, io);
  if (code !== 0) console.warn(`scripts/train-code-cache.cjs: visite ${args[0]} exited ${code} (the cache holds what ran):\n${said.join('')}`);
}

async function train() {
  const { exports: cli, build, script } = loadBundle({ cache: false });
  if (!build) throw new Error('lib/bundle/visite.cjs has no build line: run scripts/bundle.js');
  const visits = existsSync(VISITS) ? readdirSync(VISITS).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(VISITS, f)) : [];
  if (visits.length > 0) {
    const out = mkdtempSync(join(tmpdir(), 'visite-train-'));
    try {
      await run(cli, ['validate', ...visits]);
      await run(cli, ['render', visits[0], '--to', 'md,html,pdf', '--out', out]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  } else {
    console.warn(`scripts/train-code-cache.cjs: no visit in ${VISITS}: the cache holds the bundle's loading only`);
  }
  const temp = `${CACHE}.${process.pid}.tmp`;
  writeFileSync(temp, cacheFile(build, script.createCachedData()));
  renameSync(temp, CACHE);
  console.log('lib/bundle/visite.cjs.cache written');
}

train().catch((error) => {
  console.error(`scripts/train-code-cache.cjs: ${error.stack ?? error}`);
  process.exitCode = 1;
});
