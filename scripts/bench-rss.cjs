// Loaded with `node --require` by the benchmarks: reports the process's peak
// memory (max RSS, in kB) on stderr when it exits. CommonJS, so that it does
// not start Node's ES module loader, which the CLI itself never starts.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
