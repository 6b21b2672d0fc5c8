#!/usr/bin/env node
// Records what CPython does with each fixture: the ONLY writer of fixtures' `.out` and `.exit` files.
//
// usage: node scripts/record-cpython.mjs [--check] [PATH ...]     (PATH: fixture files or folders; default fixtures/)
//
// Each program runs three times under `python3` (cwd = its folder, stdin empty, PYTHONHASHSEED=0, PYTHONUNBUFFERED=1,
// asyncio debug variables removed), two programs at a time. When the runs agree (after the case's `.masks`) it
// writes `case.out` (stdout of the first run) and, when CPython exited non-zero or wrote to stderr, `case.exit`
// (`CODE\nLAST STDERR LINE\n`, the format of shared/seed/programs/*.expected.exit). A program whose runs differ is
// reported NONDETERMINISTIC and nothing is written for it. --check compares with the recordings and writes nothing.
// Exit code 1 when any program is nondeterministic, times out, or (with --check) differs.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { applyMasks, companionFiles, findFixturePrograms, fixtureName, readMasks, repoRoot } from './lib/fixtures.mjs';

const runsPerProgram = 3;
const parallelPrograms = 2;
const timeoutMs = 60_000;

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const roots = args.filter((a) => a !== '--check');
const programs = (roots.length === 0 ? [undefined] : roots).flatMap((root) =>
  findFixturePrograms(root === undefined ? undefined : resolve(root)),
);
if (programs.length === 0) {
  console.error('record-cpython: no fixture programs found');
  process.exit(1);
}

const pythonEnvironment = {
  ...process.env,
  PYTHONHASHSEED: '0',
  PYTHONUNBUFFERED: '1',
  PYTHONDONTWRITEBYTECODE: '1',
  PYTHONIOENCODING: 'utf-8',
};
for (const name of [
  'PYTHONASYNCIODEBUG',
  'PYTHONDEVMODE',
  'PYTHONWARNINGS',
  'PYTHONTRACEMALLOC',
  'PYTHONPATH',
  'PYTHONSTARTUP',
  'PYTHONINSPECT',
])
  delete pythonEnvironment[name];

/** One CPython run: exit code (128 + n when killed by signal n), stdout, last non-empty stderr line. */
function runPython(program) {
  return new Promise((resolveRun) => {
    const child = spawn('python3', [basename(program)], {
      cwd: dirname(program),
      env: pythonEnvironment,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const errorLines = Buffer.concat(stderr)
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== '');
      resolveRun({
        timedOut: signal === 'SIGKILL',
        exitCode: code ?? 128,
        stdout: Buffer.concat(stdout).toString('utf8'),
        wroteStderr: errorLines.length > 0,
        stderrLastLine: errorLines.at(-1) ?? '',
      });
    });
  });
}

async function record(program) {
  const masks = readMasks(program);
  const runs = [];
  for (let i = 0; i < runsPerProgram; i++) {
    const run = await runPython(program);
    if (run.timedOut) return { status: 'TIMEOUT', problems: [`no exit after ${timeoutMs / 1000} s`] };
    runs.push(run);
  }
  const key = (run) =>
    JSON.stringify([run.exitCode, applyMasks(run.stdout, masks), applyMasks(run.stderrLastLine, masks)]);
  const problems = runs
    .slice(1)
    .flatMap((run, i) => (key(run) === key(runs[0]) ? [] : [`run 1 and run ${i + 2} differ`]));
  const [first] = runs;
  if (first.stdout.includes(repoRoot) || first.stderrLastLine.includes(repoRoot)) {
    problems.push("the output contains the checkout's absolute path: print relative paths, or add a mask");
  }
  if (problems.length > 0) return { status: 'NONDETERMINISTIC', problems };
  const exitText = first.exitCode !== 0 || first.wroteStderr ? `${first.exitCode}\n${first.stderrLastLine}\n` : null;
  const files = companionFiles(program);
  if (checkOnly) {
    const recordedOut = existsSync(files.stdout) ? readFileSync(files.stdout, 'utf8') : null;
    const recordedExit = existsSync(files.exit) ? readFileSync(files.exit, 'utf8') : null;
    const same =
      recordedOut !== null &&
      applyMasks(recordedOut, masks) === applyMasks(first.stdout, masks) &&
      (recordedExit === null
        ? exitText === null
        : exitText !== null && applyMasks(recordedExit, masks) === applyMasks(exitText, masks));
    return same ? { status: 'ok', problems: [] } : { status: 'DIFFERS', problems: ['differs from the recording'] };
  }
  writeFileSync(files.stdout, first.stdout);
  if (exitText === null) rmSync(files.exit, { force: true });
  else writeFileSync(files.exit, exitText);
  return { status: 'written', problems: [] };
}

let failures = 0;
const queue = [...programs];
async function worker() {
  for (let program = queue.shift(); program !== undefined; program = queue.shift()) {
    const { status, problems } = await record(program);
    if (status !== 'ok' && status !== 'written') failures++;
    console.log(`${status.padEnd(16)} ${fixtureName(program)}`);
    for (const problem of problems) console.log(`${' '.repeat(17)}${problem}`);
  }
}
await Promise.all(Array.from({ length: parallelPrograms }, worker));
console.log(`\n${programs.length} programs, ${failures} with problems`);
process.exitCode = failures === 0 ? 0 : 1;
