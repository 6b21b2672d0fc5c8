#!/usr/bin/env node
// Measures how long `pyts run` takes on a one-line program, cold (empty translation cache) and warm (cached), next
// to bare `node` and `python3` on the same machine. Build first (npm run build).
//
// usage: node scripts/measure-run-startup.mjs [--runs N]     (default 9; medians are printed)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './lib/fixtures.mjs';

const runsOption = process.argv.indexOf('--runs');
const runs = runsOption === -1 ? 9 : Number(process.argv[runsOption + 1]);
const folder = mkdtempSync(join(tmpdir(), 'pyts-startup-'));
const program = join(folder, 'hello.py');
writeFileSync(program, 'print("hello")\n');
const pyts = join(repoRoot, 'bin', 'pyts.js');

/** Median wall time in milliseconds of `command args`, with `prepare()` run (untimed) before each run. */
function median(command, args, env = {}, prepare = () => {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)].toFixed(0);
}

const coldCache = join(folder, 'cold-cache');
const warmCache = join(folder, 'warm-cache');
spawnSync(process.execPath, [pyts, 'run', program], { env: { ...process.env, PYTS_CACHE_DIR: warmCache } });
try {
  console.log(`median of ${runs} runs, one-line program (print("hello")), Node ${process.version}`);
  console.log(`node -e 0                  ${median(process.execPath, ['-e', '0'])} ms`);
  console.log(`python3 hello.py           ${median('python3', [program])} ms`);
  console.log(
    `pyts run hello.py, cached  ${median(process.execPath, [pyts, 'run', program], { PYTS_CACHE_DIR: warmCache })} ms`,
  );
  const cold = median(process.execPath, [pyts, 'run', program], { PYTS_CACHE_DIR: coldCache }, () =>
    rmSync(coldCache, { recursive: true, force: true }),
  );
  console.log(`pyts run hello.py, cold    ${cold} ms`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
