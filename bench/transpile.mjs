#!/usr/bin/env node
// npm run bench:transpile [-- --runs N --sample FILES]
//
// Translation speed over the CPython standard library that comes with `python3` (every .py below sysconfig's
// stdlib path, site-packages left out, as ../shared/bench/BASELINES.md takes it). Measures, in one run:
//   e2e_lines_per_s            `pyts convert STDLIB --out-dir TMP --no-cache`: the real CLI, on every core (worker
//                              threads), formatted with prettier
//   e2e_no_format_lines_per_s  one thread, in process: read, parse, analyze, translate, emit without prettier (a
//                              worker thread configured as `pyts convert`'s translating threads are)
//   parse_only_lines_per_s     one thread, in process, the same files: tree-sitter's parse alone (the yardstick)
//   startup_tiny_s             `pyts convert tiny.py` (a 3-line file, to stdout): the whole process's CPU time
//   peak_rss_mb                peak resident memory of the e2e process (worker threads included)
// and writes them to bench/results/transpile.json. Rates are Python lines per CPU-second of the process (threads
// and GC included), which is lines/s per core: this machine is shared, and CPU time is what other load disturbs
// least. Wall-clock rates are printed beside them. Medians of --runs runs (default 3); start-up is the median of at
// least 5, also in CPU-seconds (its wall time is printed). Caveat: CPU time still grows under heavy load (caches,
// clock frequency), so compare figures taken in one run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'pyts.js');
const { values: options } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, sample: { type: 'string' } },
});
const runs = Number(options.runs);

// The tree-sitter binding frees a tree's native memory only after V8 collects its wrapper and the event loop turns
// (BASELINES.md, "Memory finding"): the in-process loops collect and yield every 100 files, as the anchors did.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const stdlib = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], {
  encoding: 'utf8',
}).stdout.trim();
const { collectSources } = await import(pathToFileURL(join(root, 'dist', 'cli', 'sources.js')).href);
let files = (
  await collectSources([stdlib], { cwd: stdlib, exclude: [{ folder: stdlib, patterns: ['site-packages'] }] })
).map((file) => file.absolute);
// --sample N: every k-th file, spread over the whole library, for a quicker run
if (options.sample) files = files.filter((_, i) => i % Math.ceil(files.length / Number(options.sample)) === 0);
const texts = files.map((file) => readFileSync(file, 'latin1'));
const lines = texts.reduce((sum, text) => sum + countLines(text), 0);
const cores = availableParallelism();
console.log(`corpus: ${files.length} files, ${lines} lines (${stdlib}); ${cores} cores; ${runs} runs`);

const parseOnly = median(await repeat(() => rate('parse only (tree-sitter, 1 thread)', parseAll)));
const noFormat = median(await translateAllInWorker());
console.log(`without prettier / parse-only: ${percent(noFormat / parseOnly)}`);
console.log(`  peak RSS of this process so far: ${round(process.resourceUsage().maxRSS / 1024)} MB`);
const cli = await repeat(() => cliRun());
const e2e = median(cli.map((run) => lines / run.cpuSeconds));
const peak = Math.max(...cli.map((run) => run.peakMb));
console.log(
  `end to end with prettier (pyts convert, ${cores} threads): ${round(e2e)} lines per CPU-second ` +
    `(${percent(e2e / parseOnly)} of parse-only); peak RSS ${round(peak)} MB`,
);
const startup = median(await repeatN(Math.max(5, runs), () => startupSeconds()));
console.log(`start-up, pyts convert tiny.py: ${startup.toFixed(3)} CPU-s`);

const results = {
  lines,
  e2e_lines_per_s: Math.round(e2e),
  e2e_no_format_lines_per_s: Math.round(noFormat),
  parse_only_lines_per_s: Math.round(parseOnly),
  startup_tiny_s: Number(startup.toFixed(3)),
  peak_rss_mb: Math.round(peak),
};
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'transpile.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results));

/** Runs `work` once over the corpus; prints and returns its lines per CPU-second. */
async function rate(name, work) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await work();
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`  ${name}: ${round(lines / cpuSeconds)} lines per CPU-second (${round(lines / wall)} lines/s wall)`);
  return lines / cpuSeconds;
}

/** tree-sitter's parse alone, as the anchor measured it (no walk over the tree). */
async function parseAll() {
  const { default: Parser } = await import('tree-sitter');
  const { default: Python } = await import('tree-sitter-python');
  const parser = new Parser();
  parser.setLanguage(Python);
  for (let i = 0; i < texts.length; i++) {
    parser.parse(texts[i]);
    if (i % 100 === 99) await collect();
  }
}

/**
 * The translator's loops, in one worker thread made as the CLI makes its translating threads (after its V8
 * configuration, with their heap limits: bench/lib/translate-thread.mjs).
 * The loop turns the event loop every 100 files but forces no collection: a forced full collection deoptimises the
 * code whose embedded objects it frees (`--trace-deopt` says "weak objects": some 160 translator functions each
 * time), so every 100 files such a loop compiled the translator again, which no real run does (a whole `pyts
 * convert` sees a handful of such deoptimisations); it measured the translator about 1.4 times slower than it runs.
 * The translator allocates enough for V8's own collections to release the trees. The runs share the thread, as a
 * translating thread of `pyts convert` shares its warm code and module summaries between files.
 */
async function translateAllInWorker() {
  const { configureV8ForWorkerThreads, translatingThreadLimits } = await import(
    pathToFileURL(join(root, 'dist', 'cli', 'worker-v8.js')).href
  );
  configureV8ForWorkerThreads();
  const api = pathToFileURL(join(root, 'dist', 'api.js')).href;
  const worker = new Worker(join(root, 'bench', 'lib', 'translate-thread.mjs'), {
    workerData: { files, api },
    resourceLimits: translatingThreadLimits,
  });
  try {
    const done = new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    worker.postMessage({ runs });
    const seconds = await done;
    return seconds.map(({ cpu, wall }) => {
      console.log(
        `  end to end without prettier (1 thread): ${round(lines / cpu)} lines per CPU-second ` +
          `(${round(lines / wall)} lines/s wall)`,
      );
      return lines / cpu;
    });
  } finally {
    await worker.terminate();
  }
}

/** The real CLI over the whole corpus into a temporary folder; wall time and peak RSS of its process. */
async function cliRun() {
  const out = mkdtempSync(join(tmpdir(), 'pyts-bench-'));
  try {
    const probe = join(root, 'bench', 'lib', 'process-usage.mjs');
    const start = performance.now();
    // The whole library by its folder; with --sample, the chosen files (the same tree below the library's folder).
    const sources = options.sample ? [...files, '--root-dir', stdlib] : [stdlib, '--exclude', 'site-packages'];
    const result = await run(process.execPath, [probe, bin, 'convert', ...sources, '--out-dir', out, '--no-cache'], {
      CI: 'true',
    });
    const seconds = (performance.now() - start) / 1000;
    const usage = /peak-rss-mb: (\d+) cpu-s: ([\d.]+)/.exec(result.stderr);
    if (usage === null) throw new Error(`the CLI run failed:\n${result.stderr.slice(-2000)}`);
    const [peakMb, cpuSeconds] = [Number(usage[1]), Number(usage[2])];
    console.log(
      `  pyts convert: ${seconds.toFixed(1)} s wall (${round(lines / seconds)} lines/s), ${cpuSeconds.toFixed(1)} CPU-s; ` +
        result.stdout.trim().split('\n').at(-1),
    );
    return { seconds, cpuSeconds, peakMb };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** CPU time (and wall time) of a whole `pyts convert tiny.py` process. */
async function startupSeconds() {
  const folder = mkdtempSync(join(tmpdir(), 'pyts-bench-tiny-'));
  try {
    writeFileSync(join(folder, 'tiny.py'), 'import asyncio\n\nasyncio.run(asyncio.sleep(0))\n');
    const probe = join(root, 'bench', 'lib', 'process-usage.mjs');
    const start = performance.now();
    const result = await run(process.execPath, [probe, bin, 'convert', 'tiny.py'], {}, folder);
    const wall = (performance.now() - start) / 1000;
    const cpu = /cpu-s: ([\d.]+)/.exec(result.stderr);
    if (result.code !== 0 || cpu === null) throw new Error(`pyts convert tiny.py failed: ${result.stderr}`);
    console.log(`  pyts convert tiny.py: ${Number(cpu[1]).toFixed(3)} CPU-s, ${wall.toFixed(3)} s wall`);
    return Number(cpu[1]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function run(command, args, env, cwd = root) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function collect() {
  gc();
  await new Promise((resolve) => setImmediate(resolve));
}

async function repeat(measure) {
  return repeatN(runs, measure);
}

async function repeatN(count, measure) {
  const values = [];
  for (let i = 0; i < count; i++) values.push(await measure());
  return values;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function countLines(text) {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return text.length > 0 && !text.endsWith('\n') ? count + 1 : count;
}

function round(value) {
  return Math.round(value).toLocaleString('en-US');
}

function percent(ratio) {
  return `${(ratio * 100).toFixed(1)} %`;
}
