// Runs a conformance program hand-ported to the shape of emitted code, and reads CPython's recorded result.
//
// Each port gets fresh runtime modules (Task-N counter, event-loop policy), a `print` that writes Python's `str()`
// of its arguments, and is judged like `pyts run`: stdout, exit code, last stderr line.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, vi } from 'vitest';

type Asyncio = typeof import('../../../src/runtime/asyncio/index.js');
type Exceptions = typeof import('../../../src/runtime/builtins/exceptions.js');

/** What a ported program can use: the asyncio module, Python's exceptions, and the builtins it prints with. */
export interface ProgramEnv {
  asyncio: Asyncio;
  py: Exceptions;
  repr: (x: unknown) => string;
  str: (x: unknown) => string;
  /** Python's print: arguments joined by spaces, then a newline. */
  print: (...args: unknown[]) => void;
  /** Python's print with `end=`. */
  printEnd: (end: string, ...args: unknown[]) => void;
  /** `isinstance(x, cls)`. */
  isinstance: (x: unknown, cls: Function) => boolean;
  /** `type(x).__name__`. */
  typeName: (x: unknown) => string;
}

/** A ported program's observable result, shaped like `<name>.expected.json`. */
export interface ProgramResult {
  stdout: string;
  exit_code: number;
  stderr_last_line: string;
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** CPython's recorded result for `conformance/<area>/<name>.py` (the shared folder sits beside the repo). */
export function expectedResult(area: string, name: string): ProgramResult {
  const file = join(repoRoot, '..', 'shared', 'conformance', area, `${name}.expected.json`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as ProgramResult;
  return { stdout: data.stdout, exit_code: data.exit_code, stderr_last_line: data.stderr_last_line };
}

/**
 * Run `program` with fresh runtime modules. An exception escaping it is reported as the top-level handler does:
 * exit code 1 (KeyboardInterrupt 130, SystemExit its code) and the traceback's last line on stderr.
 */
export async function runPorted(program: (env: ProgramEnv) => Promise<void>): Promise<ProgramResult> {
  vi.resetModules();
  const asyncio = (await import('../../../src/runtime/asyncio/index.js')) as Asyncio;
  const py = (await import('../../../src/runtime/builtins/exceptions.js')) as Exceptions;
  const { repr, str } = await import('../../../src/runtime/builtins/repr.js');
  const { formatExceptionOnly } = await import('../../../src/runtime/builtins/traceback.js');
  let stdout = '';
  let stderr = '';
  const printEnd = (end: string, ...args: unknown[]): void => {
    stdout += args.map((a) => str(a)).join(' ') + end;
  };
  const env: ProgramEnv = {
    asyncio,
    py,
    repr,
    str,
    print: (...args) => printEnd('\n', ...args),
    printEnd,
    isinstance: (x, cls) => x instanceof cls,
    typeName: (x) => (x as object).constructor.name,
  };
  const writeSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  let exitCode = 0;
  try {
    await program(env);
  } catch (e) {
    if (e instanceof py.SystemExit) {
      // Python's handling of SystemExit: an int is the exit status, anything else is printed and exits with 1.
      const code = e.code;
      if (code === null || code === undefined) exitCode = 0;
      else if (typeof code === 'number') exitCode = code;
      else {
        exitCode = 1;
        stderr += str(code) + '\n';
      }
    } else {
      exitCode = e instanceof py.KeyboardInterrupt ? 130 : 1;
      stderr += formatExceptionOnly(e) + '\n';
    }
  } finally {
    writeSpy.mockRestore();
  }
  const lines = stderr.split('\n').filter((line) => line !== '');
  return { stdout, exit_code: exitCode, stderr_last_line: lines.length > 0 ? lines[lines.length - 1]! : '' };
}

/** Strip the module prefix the comparison ignores (`asyncio.exceptions.CancelledError` → `CancelledError`). */
export function withoutModulePrefix(line: string): string {
  return line.replace(/^(?:[a-z_][a-z0-9_]*\.)+(?=[A-Z])/, '');
}

/** Register a test: the port of `conformance/<area>/<name>.py` behaves as CPython recorded. */
export function conformance(area: string, name: string, program: (env: ProgramEnv) => Promise<void>): void {
  it(`${name.replace(/_/g, ' ')} (conformance/${area})`, async () => {
    const result = await runPorted(program);
    const expected = expectedResult(area, name);
    expect(result.stdout).toBe(expected.stdout);
    expect(result.exit_code).toBe(expected.exit_code);
    expect(withoutModulePrefix(result.stderr_last_line)).toBe(withoutModulePrefix(expected.stderr_last_line));
  });
}
