// Loaded with `node --import` by the benchmarks: reports the process's peak
// memory (max RSS, in kB) on stderr when it exits.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
