// Times the hand-written ports against the native-Promise lower bounds of ../../../shared/bench/runtime, run by
// run, alternating the two so that load on the machine hits both alike; prints the median ratio per benchmark
// and their geometric mean. Build first (npm run build).
//
//   node bench/handwritten/compare.mjs [--runs 7] [--only spawn_sleep0,deep_chain]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const nativeDir = join(here, '..', '..', '..', 'shared', 'bench', 'runtime');
const args = process.argv.slice(2);
const option = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const runs = Number(option('--runs', 7));
const only = option('--only', 'spawn_sleep0,deep_chain,futures_callsoon,cancel_storm').split(',');

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
  for (let i = 0; i < runs; i++) {
    const a = timed(join(here, `${name}.mjs`));
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
