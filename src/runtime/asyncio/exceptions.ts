// asyncio's exception classes (Lib/asyncio/exceptions.py). They print as `asyncio.exceptions.Name` in the last line
// of a traceback, as CPython does for classes outside `builtins` and `__main__`.

import {
  BaseException,
  EOFError,
  Exception,
  RuntimeError,
  TimeoutError as BuiltinTimeoutError,
} from '../builtins/exceptions.js';
import type { PyBytes } from '../builtins/bytes.js';

/** The operation was cancelled. A BaseException, so `except Exception` does not catch it. */
export class CancelledError extends BaseException {
  static override __module__ = 'asyncio.exceptions';
  static override __tracebackOnCreate__ = false;
}

/** A Future or Task was asked for something its state does not allow ('Result is not set.', 'invalid state'). */
export class InvalidStateError extends Exception {
  static override __module__ = 'asyncio.exceptions';
}

/** `asyncio.TimeoutError` is the builtin TimeoutError since Python 3.11. */
export const TimeoutError = BuiltinTimeoutError;
export type TimeoutError = BuiltinTimeoutError;

/** Sendfile syscall is not available for the given socket or file type. */
export class SendfileNotAvailableError extends RuntimeError {
  static override __module__ = 'asyncio.exceptions';
}

/** A read stopped before `expected` bytes arrived; `partial` holds what was read (bytes). */
export class IncompleteReadError extends EOFError {
  static override __module__ = 'asyncio.exceptions';
  constructor(
    readonly partial: PyBytes,
    readonly expected: number | null,
  ) {
    const expectedText = expected === null ? 'undefined' : String(expected);
    super(`${partial.size} bytes read on a total of ${expectedText} expected bytes`);
  }
}

/** A separator was not found within the stream buffer limit; `consumed` bytes are to be consumed. */
export class LimitOverrunError extends Exception {
  static override __module__ = 'asyncio.exceptions';
  constructor(
    message: string,
    readonly consumed: number,
  ) {
    super(message);
  }
}

/** A Barrier was aborted or reset while a task waited on it. */
export class BrokenBarrierError extends RuntimeError {
  static override __module__ = 'asyncio.exceptions';
}
