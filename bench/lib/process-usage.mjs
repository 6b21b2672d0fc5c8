// Runs a Node script in this process (`node process-usage.mjs SCRIPT ARGS...`) and, at exit, prints the process's peak
// resident memory and CPU time to stderr as `peak-rss-mb: N cpu-s: S` (worker threads included: they share the
// process).
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stderr.write(`peak-rss-mb: ${Math.round(usage.maxRSS / 1024)} cpu-s: ${cpuSeconds.toFixed(3)}\n`);
});
await import(pathToFileURL(script).href);
