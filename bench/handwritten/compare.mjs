// Times the hand-written ports against the native-Promise lower bounds of ../../../shared/bench/runtime, run by
// run, alternating the two so that load on the machine hits both alike; prints the median ratio per benchmark
// and their geometric mean. Build first (npm run build).
//
//   node bench/handwritten/compare.mjs [--runs 7] [--only spawn_sleep0,deep_chain] [--runtime DIR]
//
// --runtime DIR runs the ports against another build of src/ (e.g. `tsc --outDir DIR`), through copies whose
// import of ../../dist/ is rewritten: useful while something else rebuilds dist/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const nativeDir = join(here, '..', '..', '..', 'shared', 'bench', 'runtime');
const args = process.argv.slice(2);
const option = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const runs = Number(option('--runs', 7));
const only = option('--only', 'spawn_sleep0,deep_chain,futures_callsoon,cancel_storm').split(',');
const runtime = option('--runtime', null);

// The port to run: the file itself, or a copy importing the runtime from --runtime.
function portFile(name) {
  const file = join(here, `${name}.mjs`);
  if (runtime === null) return file;
  const copyDir = mkdtempSync(join(tmpdir(), 'pyts-bench-'));
  const target = pathToFileURL(join(resolve(runtime), 'runtime', 'asyncio', 'index.js')).href;
  const source = readFileSync(file, 'utf8').replaceAll('../../dist/runtime/asyncio/index.js', target);
  writeFileSync(join(copyDir, `${name}.mjs`), source);
  return join(copyDir, `${name}.mjs`);
}

function timed(file) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${file} failed:\n${result.stderr}`);
  return { seconds, stdout: result.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratios = [];
for (const name of only) {
  const ours = [];
  const native = [];
  const perRun = [];
  const port = portFile(name);
  for (let i = 0; i < runs; i++) {
    const a = timed(port);
    const b = timed(join(nativeDir, `${name}.native.mjs`));
    if (a.stdout !== b.stdout) throw new Error(`${name}: checksum lines differ:\n${a.stdout}${b.stdout}`);
    ours.push(a.seconds);
    native.push(b.seconds);
    perRun.push(a.seconds / b.seconds);
  }
  const ratio = median(perRun);
  ratios.push(ratio);
  console.log(
    `${name.padEnd(18)} runtime ${median(ours).toFixed(3)} s  native ${median(native).toFixed(3)} s  ratio ${ratio.toFixed(2)}`,
  );
}
const geomean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
console.log(`geomean ratio ${geomean.toFixed(2)} over ${ratios.length} benchmarks, ${runs} runs each`);
