// Measures the front end (tree-sitter parse + conversion to the typed tree) on real Python: the CPython standard
// library by default. Prints lines/s, files whose source has a syntax error, and any internal error (a converter
// bug: the run must report none).
//
//   node --expose-gc scripts/measure-parse.mjs [--dir DIR] [--passes N]
//
// Caveats: in-process timing of parse() only (reading files excluded), after one warm-up pass; the figure
// depends on the machine. Both wall time and CPU time (user + system) are reported: on a shared machine the
// CPU-time figure is the steadier one. Each file is also parsed by tree-sitter alone right before, so the run
// prints the same-run ratio front end / bare tree-sitter parse, which survives a busy machine better than
// absolute figures (BASELINES.md measured the bare parse at 211k lines/s on the stdlib). The script bundles src/parse with esbuild into node_modules/.cache so it measures the
// current sources without a full build. With --expose-gc it collects every 100 files and lets the event loop
// turn, which is what frees tree-sitter's native trees (see parse/cst.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};

const dir = option('--dir', null) ?? stdlibDirectory();
const passes = Number(option('--passes', '1'));

function stdlibDirectory() {
  const result = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error('python3 not found: pass --dir');
  return result.stdout.trim();
}

function listPythonFiles(directory) {
  const files = [];
  const pending = [directory];
  while (pending.length > 0) {
    const current = pending.pop();
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'site-packages' && entry.name !== '__pycache__') pending.push(path);
      } else if (entry.name.endsWith('.py')) {
        files.push(path);
      }
    }
  }
  return files.sort();
}

async function loadFrontEnd() {
  const outDir = join(root, 'node_modules', '.cache', 'pyts-measure');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'parse.mjs');
  await build({
    entryPoints: [join(root, 'src', 'parse', 'index.ts'), join(root, 'src', 'parse', 'read-source.ts')],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    outdir: outDir,
    packages: 'external',
    logLevel: 'warning',
  });
  const parseModule = await import(pathToFileURL(join(outDir, 'index.js')).href);
  const readModule = await import(pathToFileURL(join(outDir, 'read-source.js')).href);
  return { parse: parseModule.parse, readSource: readModule.readSource, outfile };
}

const turnEventLoop = () => new Promise((resolve) => setImmediate(resolve));

const bareParser = new Parser();
bareParser.setLanguage(Python);

async function runPass(parse, inputs) {
  let seconds = 0;
  let cpuSeconds = 0;
  let bareCpuSeconds = 0;
  const syntaxErrors = [];
  const internalErrors = [];
  for (let i = 0; i < inputs.length; i++) {
    const { path, source } = inputs[i];
    const bareStarted = process.cpuUsage();
    bareParser.parse(source);
    const bare = process.cpuUsage(bareStarted);
    bareCpuSeconds += (bare.user + bare.system) / 1e6;
    const started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    const result = parse(source, path);
    const cpu = process.cpuUsage(cpuStarted);
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
    cpuSeconds += (cpu.user + cpu.system) / 1e6;
    for (const diagnostic of result.diagnostics) {
      const where = diagnostic.range === null ? '' : `:${diagnostic.range.start.line}:${diagnostic.range.start.col + 1}`;
      const line = `${relative(dir, path)}${where} ${diagnostic.code} ${diagnostic.message}`;
      if (diagnostic.code.startsWith('PYTS9')) internalErrors.push(line);
      else syntaxErrors.push(line);
    }
    if (i % 100 === 99) {
      globalThis.gc?.();
      await turnEventLoop();
    }
  }
  return { seconds, cpuSeconds, bareCpuSeconds, syntaxErrors, internalErrors };
}

const { parse, readSource } = await loadFrontEnd();
const files = listPythonFiles(dir);
const inputs = [];
let lines = 0;
let unreadable = 0;
for (const path of files) {
  const read = readSource(new Uint8Array(readFileSync(path)), path);
  if (read.source === null) {
    unreadable++;
    continue;
  }
  inputs.push({ path, source: read.source });
  lines += read.source.split('\n').length;
}

await runPass(parse, inputs);
let best = null;
for (let pass = 0; pass < passes; pass++) {
  const result = await runPass(parse, inputs);
  if (best === null || result.seconds < best.seconds) best = result;
}
console.log(`corpus: ${dir}`);
console.log(`files: ${inputs.length} parsed, ${unreadable} unreadable; lines: ${lines}`);
const rate = (seconds) => Math.round(lines / seconds).toLocaleString('en');
console.log(`front end: wall ${best.seconds.toFixed(2)} s = ${rate(best.seconds)} lines/s; CPU ${best.cpuSeconds.toFixed(2)} s = ${rate(best.cpuSeconds)} lines/s`);
console.log(
  `bare tree-sitter parse, same run: CPU ${best.bareCpuSeconds.toFixed(2)} s = ${rate(best.bareCpuSeconds)} lines/s; ` +
    `front end / bare parse speed: ${(best.bareCpuSeconds / best.cpuSeconds).toFixed(2)}`,
);
console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
console.log(`files with a syntax diagnostic: ${best.syntaxErrors.length}`);
for (const line of best.syntaxErrors) console.log(`  ${line}`);
console.log(`internal errors: ${best.internalErrors.length}`);
for (const line of best.internalErrors) console.log(`  ${line}`);
process.exitCode = best.internalErrors.length > 0 ? 1 : 0;
