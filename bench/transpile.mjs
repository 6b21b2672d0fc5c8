#!/usr/bin/env node
// npm run bench:transpile [-- --runs N --limit FILES]
//
// Translation speed over the CPython standard library that comes with `python3` (every .py below sysconfig's
// stdlib path, site-packages and __pycache__ left out, as ../shared/bench/BASELINES.md takes it). Measures, in one
// run on this machine:
//   e2e_lines_per_s            `pyts convert STDLIB --out-dir TMP --no-cache`, the real CLI on every core, formatted
//                              with prettier: Python lines / whole-process wall time (per core: divide by the cores)
//   e2e_no_format_lines_per_s  one thread, in process: read, parse, analyze, translate, emit without prettier
//   parse_only_lines_per_s     one thread, in process, the same files: tree-sitter parse only (the yardstick)
//   startup_tiny_s             `pyts convert tiny.py` (a 3-line file, to stdout), whole process, median of runs
//   peak_rss_mb                peak resident memory of the e2e process (worker threads included)
// and writes them to bench/results/transpile.json. Medians of --runs runs (default 3) for the in-process rates and
// the CLI run. Caveats: the machine is shared, so figures move by 10-20 % between runs; ratios taken in the same
// run (no-format / parse-only) are steadier than absolute rates.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'pyts.js');
const { values: options } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, limit: { type: 'string' } },
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
if (options.limit) files = files.slice(0, Number(options.limit));
const texts = files.map((file) => readFileSync(file, 'latin1'));
const lines = texts.reduce((sum, text) => sum + countLines(text), 0);
const cores = availableParallelism();
console.log(`corpus: ${files.length} files, ${lines} lines (${stdlib}); ${cores} cores; ${runs} runs`);

const parseOnly = median(await repeat(() => parseOnlyRate()));
console.log(`parse only (tree-sitter, 1 thread): ${round(parseOnly)} lines/s`);
const noFormat = median(await repeat(() => noFormatRate()));
console.log(
  `end to end without prettier (1 thread): ${round(noFormat)} lines/s = ${percent(noFormat / parseOnly)} of parse-only`,
);
const cli = await repeat(() => cliRun());
const e2e = median(cli.map((run) => lines / run.seconds));
const peak = Math.max(...cli.map((run) => run.peakMb));
console.log(
  `end to end with prettier (pyts convert, ${cores} threads): ${round(e2e)} lines/s = ${round(e2e / cores)} per core = ` +
    `${percent(e2e / cores / parseOnly)} of parse-only per core; peak RSS ${round(peak)} MB`,
);
const startup = median(await repeatN(Math.max(5, runs), () => startupSeconds()));
console.log(`start-up, pyts convert tiny.py: ${startup.toFixed(3)} s`);

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

async function parseOnlyRate() {
  const { parseConcrete } = await import(pathToFileURL(join(root, 'dist', 'parse', 'cst.js')).href);
  const start = performance.now();
  for (let i = 0; i < texts.length; i++) {
    parseConcrete(texts[i]);
    if (i % 100 === 99) await collect();
  }
  return lines / ((performance.now() - start) / 1000);
}

async function noFormatRate() {
  const { transpile } = await import(pathToFileURL(join(root, 'dist', 'api.js')).href);
  const start = performance.now();
  for (let i = 0; i < files.length; i++) {
    await transpile(readFileSync(files[i], 'utf8'), { filename: files[i], format: false });
    if (i % 100 === 99) await collect();
  }
  return lines / ((performance.now() - start) / 1000);
}

/** The real CLI over the whole corpus into a temporary folder; wall time and peak RSS of its process. */
async function cliRun() {
  const out = mkdtempSync(join(tmpdir(), 'pyts-bench-'));
  try {
    const probe = join(root, 'bench', 'lib', 'peak-rss.mjs');
    const start = performance.now();
    const result = await run(
      process.execPath,
      [probe, bin, 'convert', stdlib, '--out-dir', out, '--no-cache', '--exclude', 'site-packages'],
      {
        CI: 'true',
      },
    );
    const seconds = (performance.now() - start) / 1000;
    const peakMb = Number(/peak-rss-mb: (\d+)/.exec(result.stderr)?.[1]);
    if (!Number.isFinite(peakMb)) throw new Error(`the CLI run failed:\n${result.stderr.slice(-2000)}`);
    console.log(`  cli run: ${seconds.toFixed(1)} s, ${result.stdout.trim().split('\n').at(-1)}`);
    return { seconds, peakMb };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function startupSeconds() {
  const folder = mkdtempSync(join(tmpdir(), 'pyts-bench-tiny-'));
  try {
    writeFileSync(join(folder, 'tiny.py'), 'import asyncio\n\nasyncio.run(asyncio.sleep(0))\n');
    const start = performance.now();
    const result = await run(process.execPath, [bin, 'convert', 'tiny.py'], {}, folder);
    if (result.code !== 0) throw new Error(`pyts convert tiny.py failed: ${result.stderr}`);
    return (performance.now() - start) / 1000;
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
