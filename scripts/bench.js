#!/usr/bin/env node
// `npm run bench`: the performance targets of the issues, measured on this
// machine with the real CLI, each against its target. Prints a table; exits 0
// whatever the figures (targets are tracked, not enforced as tests).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateVisits } from './generate-visits.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'visite.js');
const RSS = join(ROOT, 'scripts', 'bench-rss.cjs');
const FO = join(ROOT, 'visits', '2024-01-24-spip62-fo-justice-cpip.yaml');
const work = mkdtempSync(join(tmpdir(), 'visite-bench-'));

/** Runs the CLI once; returns wall seconds and peak RSS in MB. */
function run(args, env = process.env) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--require', RSS, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`visite ${args.join(' ')} exited ${child.status}: ${child.stdout}${child.stderr}`);
  const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024;
  return { seconds, rss };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
function measure(name, target, unit, fn, repeat = 1, group = '') {
  const results = Array.from({ length: repeat }, fn);
  const value = median(results.map((r) => r.seconds));
  const rss = Math.max(...results.map((r) => r.rss));
  if (target === undefined) {
    console.log(`· ${name}: ${value.toFixed(3)} ${unit}, peak RSS ${rss.toFixed(0)} MB`);
    return;
  }
  rows.push({ rss, group });
  console.log(`${value <= target ? '✓' : '✗'} ${name}: ${value.toFixed(3)} ${unit} (target ≤ ${target} ${unit}), peak RSS ${rss.toFixed(0)} MB`);
}

/** Node itself, started cold with nothing to do: the floor under every cold measure here. */
function nodeAlone(env = process.env) {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0'], { env });
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, rss: 0 };
}

try {
  console.log(`visite benchmarks — node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  const gen100 = join(work, 'gen100');
  generateVisits(100, gen100, 7);
  const gen1000 = join(work, 'gen1000');
  generateVisits(1000, gen1000, 11);

  // NODE_EXTRA_CA_CERTS makes Node read a whole CA bundle before any script runs (about 0.1 s here).
  const noCa = { ...process.env };
  delete noCa.NODE_EXTRA_CA_CERTS;
  measure('node -e 0, cold (median of 9)', undefined, 's', () => nodeAlone(), 9);
  if (process.env.NODE_EXTRA_CA_CERTS) measure('node -e 0, cold, without NODE_EXTRA_CA_CERTS (median of 9)', undefined, 's', () => nodeAlone(noCa), 9);
  measure('cold validate of one file (median of 9)', 0.15, 's', () => run(['validate', FO]), 9);
  if (process.env.NODE_EXTRA_CA_CERTS) measure('cold validate of one file, without NODE_EXTRA_CA_CERTS (median of 9)', undefined, 's', () => run(['validate', FO], noCa), 9);
  measure('validate of 1,000 generated files (median of 3)', 2, 's', () => run(['validate', gen1000]), 3);

  measure('cold render of one visit to PDF (median of 5)', 0.5, 's', () => run(['render', FO, '--to', 'pdf', '--out', join(work, 'o1')]), 5, 'render');
  if (process.env.NODE_EXTRA_CA_CERTS) measure('cold render of one visit to PDF, without NODE_EXTRA_CA_CERTS (median of 5)', undefined, 's', () => run(['render', FO, '--to', 'pdf', '--out', join(work, 'o1')], noCa), 5);
  measure('100 generated visits to PDF in one process (median of 3)', 5, 's', () => run(['render', gen100, '--to', 'pdf', '--out', join(work, 'o100')]), 3, 'render');
  measure('the same with --jobs 0 (no PDF worker: least memory)', undefined, 's', () => run(['render', gen100, '--to', 'pdf', '--jobs', '0', '--out', join(work, 'o100-0')]));
  const site = join(work, 'site');
  measure('site build of 1,000 generated visits', 60, 's', () => run(['build', gen1000, '--out', site, '--base-url', 'https://exemple.invalid/']));
  const first = join(gen1000, readdirSync(gen1000).sort()[0]);
  writeFileSync(first, readFileSync(first, 'utf8').replace(/^(\s+title: .*)$/m, '$1 (modifié)'));
  measure('site rebuild after editing one visit', 3, 's', () => run(['build', gen1000, '--out', site, '--base-url', 'https://exemple.invalid/']));
  // The memory target is the render's ([3/7]); the site build's peak is printed on its own line above.
  const peak = Math.max(...rows.filter((r) => r.group === 'render').map((r) => r.rss));
  console.log(`${peak <= 250 ? '✓' : '✗'} peak RSS of the renders to PDF (default --jobs): ${peak.toFixed(0)} MB (target ≤ 250 MB)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
