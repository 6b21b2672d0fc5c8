// Node's system errors as the OSError subclasses CPython raises for the same errno (Objects/exceptions.c errnomap),
// with the messages of the asyncio code paths that raise them (base_events.py, selector_events.py).

import {
  BrokenPipeError,
  ChildProcessError,
  ConnectionAbortedError,
  ConnectionRefusedError,
  ConnectionResetError,
  FileExistsError,
  FileNotFoundError,
  InterruptedError,
  IsADirectoryError,
  NotADirectoryError,
  OSError,
  PermissionError,
  ProcessLookupError,
  TimeoutError,
} from '../builtins/exceptions.js';

type OSErrorClass = new (...args: unknown[]) => OSError;

// errno → [Linux errno, strerror(3) text, class]
const ERRNO: Readonly<Record<string, readonly [number, string, OSErrorClass]>> = {
  EPERM: [1, 'Operation not permitted', PermissionError],
  ENOENT: [2, 'No such file or directory', FileNotFoundError],
  ESRCH: [3, 'No such process', ProcessLookupError],
  EINTR: [4, 'Interrupted system call', InterruptedError],
  EBADF: [9, 'Bad file descriptor', OSError],
  ECHILD: [10, 'No child processes', ChildProcessError],
  EACCES: [13, 'Permission denied', PermissionError],
  EEXIST: [17, 'File exists', FileExistsError],
  ENOTDIR: [20, 'Not a directory', NotADirectoryError],
  EISDIR: [21, 'Is a directory', IsADirectoryError],
  EINVAL: [22, 'Invalid argument', OSError],
  EMFILE: [24, 'Too many open files', OSError],
  EPIPE: [32, 'Broken pipe', BrokenPipeError],
  EADDRINUSE: [98, 'Address already in use', OSError],
  EADDRNOTAVAIL: [99, 'Cannot assign requested address', OSError],
  ENETUNREACH: [101, 'Network is unreachable', OSError],
  ECONNABORTED: [103, 'Software caused connection abort', ConnectionAbortedError],
  ECONNRESET: [104, 'Connection reset by peer', ConnectionResetError],
  ENOTCONN: [107, 'Transport endpoint is not connected', OSError],
  ETIMEDOUT: [110, 'Connection timed out', TimeoutError],
  ECONNREFUSED: [111, 'Connection refused', ConnectionRefusedError],
  EHOSTUNREACH: [113, 'No route to host', OSError],
};

/** A Node system error as Python's OSError subclass: `[Errno 104] Connection reset by peer`. */
export function osErrorOf(error: unknown, strerror?: string, ...extra: unknown[]): OSError {
  if (error instanceof OSError) return error;
  const e = error as NodeJS.ErrnoException;
  const known = e?.code ? ERRNO[e.code] : undefined;
  if (known === undefined) {
    const errno = typeof e?.errno === 'number' ? Math.abs(e.errno) : 0;
    return new OSError(errno, strerror ?? String(e?.message ?? error), ...extra);
  }
  const [errno, text, Class] = known;
  return new Class(errno, strerror ?? text, ...extra);
}

/** The errno name of a Node error ('ECONNRESET'…), or null. */
export function errnoCode(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** `OSError(errno, strerror)` as CPython builds it: the subclass the errno maps to (111 → ConnectionRefusedError). */
export function osErrorOfErrno(errno: number, strerror: string): OSError {
  const known = Object.values(ERRNO).find(([number]) => number === errno);
  return known === undefined ? new OSError(errno, strerror) : new known[2](errno, strerror);
}
