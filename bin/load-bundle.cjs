'use strict';
/**
 * Loads the command line's bundle (lib/bundle/visite.cjs) with V8's code
 * cache for it (lib/bundle/visite.cjs.cache), which `npm run build` makes by
 * running the bundle once (scripts/train-code-cache.cjs). With the cache, V8
 * neither parses nor compiles the code it holds: a cold `visite validate`
 * starts in about two thirds of the time. Without it, or when V8 rejects it
 * (another Node version than the build's), the bundle is compiled as usual.
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
 * Runs the bundle's module code and returns its exports, the script (whose
 * `createCachedData()` makes a cache) and whether the cache was used.
 * Throws ENOENT when the bundle is not built.
 * @param {{ cache?: string | false }} [options] the cache file, or false to compile from source
 */
function loadBundle(options = {}) {
  const source = readFileSync(BUNDLE, 'utf8');
  const cachePath = options.cache ?? CACHE;
  let cachedData;
  if (cachePath) {
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      // No cache: compiled from source.
    }
  }
  // CommonJS's own wrapper, on the first line so that line numbers in stack traces stay right.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { exports: module.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

module.exports = { BUNDLE, CACHE, loadBundle };
