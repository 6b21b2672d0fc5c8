// pyts/runtime/sys: the parts of Python's sys module translated programs use.

import { BaseException, SystemExit } from '../builtins/exceptions.js';
import { type } from '../builtins/builtin-types.js';
import { tracebackOf } from '../builtins/traceback-object.js';
import { tuple } from '../builtins/tuple.js';
import { stdin as stdinStream } from '../builtins/input.js';
import { repr } from '../builtins/repr.js';
import { stderr as stderrStream, stdout as stdoutStream } from '../builtins/stdio.js';
import { namedTuple } from '../builtins/tuple.js';

/**
 * `sys.argv`: the script path first, then its arguments. Defaults to the script node runs and its arguments;
 * `pyts run` replaces it through `setArgv` so that argv[0] names the Python file.
 */
export const argv: string[] = process.argv.slice(1);

/** Replace the contents of `sys.argv` (in place, so modules holding a reference see the change). */
export function setArgv(args: readonly string[]): void {
  argv.splice(0, argv.length, ...args);
}

/** `sys.exit(code=None)`: raises SystemExit; the runtime's top level turns it into the exit status. */
export function exit(code: unknown = null): never {
  throw code === null || code === undefined ? new SystemExit() : new SystemExit(code);
}

/** `sys.stdin`: read synchronously (see builtins/input.ts). */
export const stdin = stdinStream;

/** `sys.stdout`: block-buffered like CPython's stdout on a pipe (see builtins/stdio.ts). */
export const stdout = stdoutStream;

/** `sys.stderr`: unbuffered. */
export const stderr = stderrStream;

/** `sys.maxsize`: 2**63 - 1, a bigint because a JS number cannot hold it exactly (it compares with numbers). */
export const maxsize = 9223372036854775807n;

/** `sys.platform`: 'linux', 'darwin', 'win32'… as CPython names them. */
export const platform: string = process.platform;

/** `sys.version_info`: the Python version whose behaviour the runtime reproduces. */
export const versionInfo = namedTuple(
  'sys.version_info',
  ['major', 'minor', 'micro', 'releaselevel', 'serial'],
  [3, 11, 7, 'final', 0] as [number, number, number, string, number],
  repr,
);

/** `sys.version`. */
export const version = `3.11.7 (pyts runtime) [Node.js ${process.versions.node}]`;

let recursionLimit = 1000;

/** `sys.getrecursionlimit()`: CPython's default, 1000 (the JS stack sets the real limit). */
export function getrecursionlimit(): number {
  return recursionLimit;
}

/** `sys.setrecursionlimit(n)`: recorded for getrecursionlimit; the JS stack size is not changed. */
export function setrecursionlimit(limit: number): void {
  recursionLimit = limit;
}

/**
 * `sys.exc_info()`: the exception being handled as `(type, value, traceback)`, or three Nones. JavaScript has no
 * "exception being handled" state, so the translator passes the one its enclosing `except` clause caught.
 */
export function excInfo(handled: unknown = null): readonly [Function | null, BaseException | null, unknown] {
  if (!(handled instanceof BaseException)) return tuple(null, null, null);
  return tuple(type(handled), handled, tracebackOf(handled));
}
