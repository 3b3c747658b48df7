'use strict';
/**
 * Loads the command line's bundle (lib/bundle/visite.cjs) with V8's code
 * cache for it (lib/bundle/visite.cjs.cache), which `npm run build` makes by
 * running the bundle once (scripts/train-code-cache.cjs). With the cache, V8
 * neither parses nor compiles the code it holds: a cold `visite validate`
 * takes about a quarter less time. Without it, the bundle is compiled as
 * usual: when the cache is missing, was made for another build of the
 * bundle, or is rejected by V8 (another Node version, or other V8 flags such
 * as `--max-old-space-size` in NODE_OPTIONS).
 *
 * CommonJS on purpose: Node 20 gives a code cache to scripts only, and a
 * CommonJS entry point does not start the ES module loader.
 */
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'lib', 'bundle', 'visite.cjs');
const CACHE = `${BUNDLE}.cache`;

/**
 * The build's identity, which scripts/bundle.js writes on the bundle's last
 * line and the cache repeats on its first: V8 itself checks only the
 * source's length, so a cache is used only with the very bundle it was made from.
 */
const BUILD_LINE = /\/\/# visite-build=([0-9a-f]{64})\n$/;
const buildOf = (source) => BUILD_LINE.exec(source.slice(-100))?.[1];

/** The cache file's content for a build: its identity, a newline, then V8's data. */
const cacheFile = (build, data) => Buffer.concat([Buffer.from(`${build}\n`), data]);

/** V8's data in a cache file, if the file was made for this build. */
function cachedDataFor(build, file) {
  if (!build || file.length <= build.length + 1 || file.toString('latin1', 0, build.length + 1) !== `${build}\n`) return undefined;
  return file.subarray(build.length + 1);
}

/**
 * Runs the bundle's module code and returns its exports, its build, the
 * script (whose `createCachedData()` makes a cache) and whether the cache
 * was used. Throws ENOENT when the bundle is not built.
 * @param {{ cache?: string | false }} [options] the cache file, or false to compile from source
 */
function loadBundle(options = {}) {
  const source = readFileSync(BUNDLE, 'utf8');
  const build = buildOf(source);
  const cachePath = options.cache ?? CACHE;
  let cachedData;
  if (cachePath) {
    try {
      cachedData = cachedDataFor(build, readFileSync(cachePath));
    } catch {
      // No cache: compiled from source.
    }
  }
  // CommonJS's own wrapper, on the first line so that line numbers in stack traces stay right.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { exports: module.exports, build, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

module.exports = { BUNDLE, CACHE, cacheFile, loadBundle };
