// pyts/runtime/os: the parts of Python's os module asyncio scripts use — the environment, the working directory,
// path constants, a few file-system calls, and `os.path` (POSIX).

import { fs } from '../builtins/node-modules.js';
import { availableParallelism, EOL } from 'node:os';
import { FileExistsError, OSError, PermissionError, ProcessLookupError } from '../builtins/exceptions.js';
import * as pathModule from './path.js';

export { environ, Environ, getenv, putenv, unsetenv } from './environ.js';

/** `os.path`. */
export const path = pathModule;

/** `os.sep`, `os.linesep`, `os.pathsep`, `os.curdir`, `os.pardir`, `os.extsep`, `os.name`, `os.devnull`. */
export const sep = '/';
export const linesep = EOL;
export const pathsep = ':';
export const curdir = '.';
export const pardir = '..';
export const extsep = '.';
export const name = process.platform === 'win32' ? 'nt' : 'posix';
export const devnull = '/dev/null';

/** `os.getcwd()` and `os.chdir(path)`. */
export function getcwd(): string {
  return process.cwd();
}
export function chdir(dir: string): void {
  process.chdir(dir);
}

/** `os.getpid()`. */
export function getpid(): number {
  return process.pid;
}

/** `os.cpu_count()`. */
export function cpuCount(): number {
  return availableParallelism();
}

/** `os.listdir(path='.')`: the names in a directory, in the file system's order. */
export function listdir(dir = '.'): string[] {
  return fs.readdirSync(dir);
}

/** `os.mkdir(path)`, `os.makedirs(path, exist_ok=False)`, `os.remove(path)`, `os.rmdir(path)`, `os.rename(a, b)`. */
export function mkdir(dir: string): void {
  fs.mkdirSync(dir);
}
export function makedirs(dir: string, options: { existOk?: boolean } = {}): void {
  if (pathModule.exists(dir)) {
    if (options.existOk && pathModule.isdir(dir)) return;
    throw new FileExistsError(17, 'File exists', dir);
  }
  fs.mkdirSync(dir, { recursive: true });
}
export function remove(file: string): void {
  fs.unlinkSync(file);
}
export const unlink = remove;
export function rmdir(dir: string): void {
  fs.rmdirSync(dir);
}
export function rename(from: string, to: string): void {
  fs.renameSync(from, to);
}

/**
 * `os.kill(pid, sig)`: send a signal (an int or a signal.Signals member; 0 only checks that the process exists).
 * ProcessLookupError / PermissionError as CPython raises them.
 */
export function kill(pid: number, sig: unknown): void {
  const num = typeof sig === 'object' && sig !== null && '_value_' in sig ? (sig as { _value_: number })._value_ : sig;
  try {
    process.kill(pid, num as number);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') throw new ProcessLookupError(3, 'No such process');
    if (code === 'EPERM') throw new PermissionError(1, 'Operation not permitted');
    throw new OSError(22, 'Invalid argument');
  }
}
