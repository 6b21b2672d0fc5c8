// Runs a Node script in this process (`node peak-rss.mjs SCRIPT ARGS...`) and, at exit, prints the process's peak
// resident memory to stderr as `peak-rss-mb: N` (worker threads included: they share the process).
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on('exit', () => {
  process.stderr.write(`peak-rss-mb: ${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
});
await import(pathToFileURL(script).href);
