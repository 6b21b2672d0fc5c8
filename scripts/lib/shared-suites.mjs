// Runs the shared suites (../shared beside the checkout) through `pyts run` with shared/tools/diffrun.py, and
// keeps the list of programs known to fail (test/known-failures.json).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { repoRoot } from './fixtures.mjs';

export const sharedRoot = join(repoRoot, '..', 'shared');
/** The suites, as paths under ../shared; they are also the keys of known-failures.json. */
export const suites = ['seed/programs', 'conformance', 'language'];
export const knownFailuresFile = join(repoRoot, 'test', 'known-failures.json');

/**
 * Runs diffrun over one suite (2 programs at a time, each with its own folder as working directory) and resolves to
 * the failing programs (paths relative to the suite, sorted) and diffrun's `N passed, N failed` line.
 */
export async function runSuite(suite) {
  await warmSignalPrograms(join(sharedRoot, suite));
  const first = await runDiffrun(join(sharedRoot, suite), suite);
  if (first.failing.length === 0) return first;
  // A program that depends on timers can miss on a loaded machine (CI shares 2 cores): a failure counts only if a
  // second run, alone, fails too. The programs run from a folder of links, so each keeps its own relative path.
  const retryRoot = mkdtempSync(join(tmpdir(), 'pyts-retry-'));
  try {
    for (const program of first.failing) {
      const base = program.replace(/\.py$/, '');
      const source = join(sharedRoot, suite, dirname(program));
      mkdirSync(join(retryRoot, dirname(program)), { recursive: true });
      for (const name of readdirSync(source)) {
        if (name === `${basename(base)}.py` || name.startsWith(`${basename(base)}.`)) {
          symlinkSync(join(source, name), join(retryRoot, dirname(program), name));
        }
      }
    }
    const second = await runDiffrun(retryRoot, suite);
    return { ...first, failing: first.failing.filter((program) => second.failing.includes(program)) };
  } finally {
    rmSync(retryRoot, { recursive: true, force: true });
  }
}

/**
 * Runs each program that diffrun will interrupt with a signal (`NAME.signal.json`) once beforehand, so that its
 * translation is cached: the signal comes at a fixed time (1.5 s), and a cold translation on a loaded machine can
 * take longer than that, which would test the translator's start-up instead of the program's behaviour.
 */
async function warmSignalPrograms(folder) {
  const programs = readdirSync(folder, { recursive: true })
    .filter((name) => name.endsWith('.signal.json'))
    .map((name) => join(folder, name.replace(/\.signal\.json$/, '.py')));
  for (const program of programs) {
    await new Promise((resolve, reject) => {
      // The absolute path, as diffrun passes it: the path is part of the cache key (diagnostics name the file).
      const child = spawn(process.execPath, [join(repoRoot, 'bin', 'pyts.js'), 'run', program], {
        cwd: dirname(program),
        stdio: 'ignore',
      });
      child.on('error', reject);
      child.on('close', resolve);
    });
  }
}

function runDiffrun(folder, suite) {
  const command = 'exec node {root}/bin/pyts.js run {file}';
  const args = [join(sharedRoot, 'tools', 'diffrun.py'), folder, '--quiet', '--cmd', command];
  return new Promise((resolve, reject) => {
    const child = spawn('python3', args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', () => {
      const lines = output.split('\n');
      const summary = lines.find((line) => /^\d+ passed, \d+ failed$/.test(line));
      if (summary === undefined) {
        reject(new Error(`diffrun did not finish on ${suite}:\n${output}`));
        return;
      }
      const failing = lines.flatMap((line) => (line.startsWith('FAIL ') ? [line.slice(5).split(': ')[0]] : [])).sort();
      resolve({ failing, summary, output });
    });
  });
}

/** known-failures.json: the failing programs of each suite. */
export function readKnownFailures() {
  if (!existsSync(knownFailuresFile)) return Object.fromEntries(suites.map((suite) => [suite, []]));
  return JSON.parse(readFileSync(knownFailuresFile, 'utf8'));
}

export function writeKnownFailures(failures) {
  writeFileSync(knownFailuresFile, `${JSON.stringify(failures, null, 2)}\n`);
}
