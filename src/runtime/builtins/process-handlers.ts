// What CPython does when an exception escapes the program (Python/pythonrun.c _PyErr_PrintEx,
// Modules/main.c pymain_run_python): SystemExit becomes the exit status, KeyboardInterrupt ends the process by
// SIGINT, anything else prints a traceback to stderr and exits with status 1. Buffered stdout is written first.

import { KeyboardInterrupt, SystemExit } from './exceptions.js';
import { str } from './repr.js';
import { flushStdout, writeStderr } from './stdio.js';
import { formatException } from './traceback.js';
import { toPyException } from './to-py-exception.js';

// Shared by every copy of the runtime loaded in the process (src and dist, two versions), so handlers install once.
const INSTALLED = Symbol.for('pyts.runtime.processHandlers');

/**
 * Install the handlers that make an uncaught exception (a synchronous throw at module top level or an unhandled
 * promise rejection) end the process as CPython does, and that flush stdout at exit. Idempotent; the runtime
 * calls it when `pyts/runtime` is imported. A host that already listens for uncaught errors (a test runner, an
 * application embedding translated code) keeps its own handling: only the stdout flush at exit is added then.
 */
export function installProcessHandlers(): void {
  const registry = process as unknown as Record<symbol, boolean>;
  if (registry[INSTALLED]) return;
  registry[INSTALLED] = true;
  process.on('exit', flushStdout);
  if (process.listenerCount('uncaughtException') > 0 || process.listenerCount('unhandledRejection') > 0) return;
  process.on('uncaughtException', exitWithUncaught);
  process.on('unhandledRejection', exitWithUncaught);
}

/** End the process for an exception nobody caught, exactly as CPython's top level does. */
export function exitWithUncaught(error: unknown): never {
  const exc = toPyException(error);
  if (exc instanceof SystemExit) exitForSystemExit(exc);
  writeStderr(formatException(exc) + '\n');
  if (exc instanceof KeyboardInterrupt) killBySigint();
  process.exit(1);
}

// Python/pythonrun.c handle_system_exit: None → 0, an int → that status, anything else printed and status 1.
function exitForSystemExit(exc: SystemExit): never {
  const code = exc.code;
  if (code === null || code === undefined) process.exit(0);
  if (typeof code === 'number' && Number.isInteger(code)) process.exit(code);
  if (typeof code === 'boolean') process.exit(Number(code));
  writeStderr(str(code) + '\n');
  process.exit(1);
}

// Modules/main.c exit_sigint: CPython re-raises SIGINT with the default handler, so the parent sees the signal.
function killBySigint(): never {
  flushStdout();
  process.removeAllListeners('SIGINT');
  process.kill(process.pid, 'SIGINT');
  // The signal is delivered asynchronously; stop everything else from running meanwhile.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
}

