// Runs the real `bin/pyts.js` (built into dist/ by `npm test`) as a child process, as a user would, and python3 as
// the oracle to compare it with.
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/lib/fixtures.mjs';

export { repoRoot };
export const pytsBin = join(repoRoot, 'bin', 'pyts.js');

export interface ProcessResult {
  stdout: string;
  stderr: string;
  /** null when the process was ended by a signal */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunOptions {
  cwd?: string;
  /** written to stdin, which is then closed (stdin is empty otherwise) */
  input?: string;
  /** added to the environment */
  env?: Record<string, string>;
  /** start the child in its own process group (so a test can signal the group, as a terminal's Ctrl-C does) */
  detached?: boolean;
  /** called once the child has started */
  onSpawn?: (child: ChildProcess) => void;
  /** SIGKILL after this many milliseconds (default 60 s) */
  timeoutMs?: number;
}

/** The translation cache tests use unless they choose one: outside the user's home. */
const testCacheFolder = join(tmpdir(), 'pyts-test-cache');

/** Runs `node bin/pyts.js ...args` and collects its output. */
export function runPyts(args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  const env = { PYTS_CACHE_DIR: testCacheFolder, ...options.env };
  return runProcess(process.execPath, [pytsBin, ...args], { ...options, env });
}

/** Runs `python3 ...args` (the oracle) the way record-cpython does: stdin empty, PYTHONHASHSEED=0. */
export function runPython(args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  return runProcess('python3', args, { ...options, env: { PYTHONHASHSEED: '0', ...options.env } });
}

/** Runs a command and collects its output. */
export function runProcess(command: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: options.detached ?? false,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode,
        signal,
      });
    });
    options.onSpawn?.(child);
  });
}

/** A gate that lets at most `slots` of the tasks given to it run at the same time. */
export function limitConcurrency(slots: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in between.
    if (running >= slots) await new Promise<void>((wake) => waiting.push(wake));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next === undefined) running--;
      else next();
    }
  };
}

/** The last non-empty line of `text`, trimmed ('' when there is none). */
export function lastLine(text: string): string {
  return (
    text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .at(-1)
      ?.trim() ?? ''
  );
}
