// asyncio.Future (Lib/asyncio/futures.py; the messages are those of the C `_asyncio.Future` that CPython runs).
//
// A Future is deliberately not a thenable: JS would adopt it silently when an async function returns one. Native
// `await` reaches it through `aw()` (coroutines.ts), which parks the current task with the task itself as the
// future's waiter.

import { BaseException, StopIteration, TypeError } from '../builtins/exceptions.js';
import { _addressKey } from '../builtins/identity.js';
import { repr } from '../builtins/repr.js';
import { toPyException } from '../builtins/to-py-exception.js';
import { AbstractEventLoop, getEventLoop } from './events.js';
import { CancelledError, InvalidStateError } from './exceptions.js';
import { callableName, reprlibRepr } from './format-helpers.js';

/** Future states (futures._PENDING, _CANCELLED, _FINISHED). */
export const PENDING = 0;
export const CANCELLED = 1;
export const FINISHED = 2;

/**
 * A task registered as a future's waiter (instead of a bound `__wakeup` callback): when the future completes the
 * loop queues the task itself, and its next step reads the future's result.
 */
export interface FutureWaiter {
  readonly _isTask: true;
}

/** The loop side a future needs (BaseEventLoop implements it). */
export interface FutureLoopHooks {
  /** Queue a waiting task's next step. */
  _scheduleWaiter(waiter: FutureWaiter): void;
  /** Remember a future holding an exception, to report it at close if nobody retrieves it. */
  _noteUnretrieved(fut: Future): void;
}

type DoneCallback = (fut: any) => unknown;

/** A done callback entry: a function called with the future, or a task waiting on it. */
export type CallbackEntry = DoneCallback | FutureWaiter;

/** The result of a computation that completes later: set by `setResult`/`setException`, or cancelled. */
export class Future<T = unknown> {
  _state: number = PENDING;
  _result: T | undefined = undefined;
  _exception: BaseException | null = null;
  _loop: AbstractEventLoop;
  /**
   * Done callbacks in registration order: null, the one entry itself (most futures get exactly one waiter, so no
   * array is allocated for it), or an array of two or more.
   */
  _callbacks: CallbackEntry | CallbackEntry[] | null = null;
  _cancelMessage: unknown = null;
  /** The CancelledError that ended a task, re-raised once by the first result() (futures._make_cancelled_error). */
  _cancelledExc: CancelledError | null = null;
  /** Set by setException, cleared by result()/exception()/cancel(): "exception was never retrieved" is due. */
  _logTraceback = false;
  /** id(): futures and tasks are often put in sets (identity.ts). */
  [_addressKey]: number | undefined = undefined;

  constructor(options?: { loop?: AbstractEventLoop | null }) {
    this._loop = options?.loop ?? getEventLoop();
  }

  /** The loop this future is bound to. */
  getLoop(): AbstractEventLoop {
    return this._loop;
  }

  /** True once the future has a result, an exception, or was cancelled. */
  done(): boolean {
    return this._state !== PENDING;
  }

  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /**
   * The result; raises the exception set, CancelledError when cancelled, or
   * InvalidStateError('Result is not set.') while pending.
   */
  result(): T {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state === PENDING) throw new InvalidStateError('Result is not set.');
    this._logTraceback = false;
    if (this._exception !== null) throw this._exception;
    return this._result as T;
  }

  /** The exception set (null if it has a result); raises CancelledError / InvalidStateError like `result()`. */
  exception(): BaseException | null {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state === PENDING) throw new InvalidStateError('Exception is not set.');
    this._logTraceback = false;
    return this._exception;
  }

  /** Complete with `result` and schedule the done callbacks; InvalidStateError('invalid state') if done. */
  setResult(result: T): void {
    if (this._state !== PENDING) throw new InvalidStateError('invalid state');
    this._setResultUnchecked(result);
  }

  /** Complete with an exception (a class is instantiated) and schedule the done callbacks. */
  setException(exception: unknown): void {
    if (this._state !== PENDING) throw new InvalidStateError('invalid state');
    this._setExceptionUnchecked(asExceptionInstance(exception));
  }

  /** Cancel the future: false if already done; else mark it cancelled, schedule the callbacks, return true. */
  cancel(msg: unknown = null): boolean {
    this._logTraceback = false;
    return this._cancelFuture(msg);
  }

  /**
   * Call `fn(future)` when the future is done, through `loop.callSoon` (never synchronously); if it is already done
   * the call is scheduled at once.
   */
  addDoneCallback(fn: DoneCallback): void {
    if (this._state !== PENDING) this._loop.callSoon(fn, this);
    else this._pushCallback(fn);
  }

  /** Remove every registration of `fn`; returns how many were removed. */
  removeDoneCallback(fn: DoneCallback): number {
    const callbacks = this._callbacks;
    if (callbacks === null) return 0;
    if (!Array.isArray(callbacks)) {
      if (callbacks !== fn) return 0;
      this._callbacks = null;
      return 1;
    }
    // Most calls find nothing to remove (wait() detaches from futures that completed already): no copy then.
    if (!callbacks.includes(fn)) return 0;
    const kept = callbacks.filter((cb) => cb !== fn);
    this._callbacks = kept.length > 1 ? kept : kept.length === 1 ? kept[0]! : null;
    return callbacks.length - kept.length;
  }

  /** Complete with `result` without the state check (Task.__step uses it: Task.setResult is refused). */
  _setResultUnchecked(result: T): void {
    this._result = result;
    this._state = FINISHED;
    this._scheduleCallbacks();
  }

  _setExceptionUnchecked(exception: BaseException): void {
    this._exception = exception;
    this._state = FINISHED;
    this._scheduleCallbacks();
    this._logTraceback = true;
    (this._loop as unknown as FutureLoopHooks)._noteUnretrieved(this);
  }

  _cancelFuture(msg: unknown): boolean {
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._cancelMessage = msg;
    this._scheduleCallbacks();
    return true;
  }

  /** futures._make_cancelled_error: the saved CancelledError once, then fresh ones carrying the cancel message. */
  _makeCancelledError(): CancelledError {
    const saved = this._cancelledExc;
    if (saved !== null) {
      this._cancelledExc = null;
      return saved;
    }
    const msg = this._cancelMessage;
    return msg === null || msg === undefined ? new CancelledError() : new CancelledError(msg);
  }

  /** Register a task as a waiter: it is queued (not called) when the future completes. */
  _addWaiter(waiter: FutureWaiter): void {
    this._pushCallback(waiter);
  }

  _removeWaiter(waiter: FutureWaiter): void {
    const callbacks = this._callbacks;
    if (callbacks === waiter) {
      this._callbacks = null;
    } else if (Array.isArray(callbacks)) {
      const i = callbacks.indexOf(waiter);
      if (i !== -1) callbacks.splice(i, 1);
      if (callbacks.length === 0) this._callbacks = null;
    }
  }

  private _pushCallback(entry: CallbackEntry): void {
    const callbacks = this._callbacks;
    if (callbacks === null) this._callbacks = entry;
    else if (Array.isArray(callbacks)) callbacks.push(entry);
    else this._callbacks = [callbacks, entry];
  }

  /** The done callbacks, in registration order. */
  _callbackList(): CallbackEntry[] {
    const callbacks = this._callbacks;
    return callbacks === null ? [] : Array.isArray(callbacks) ? callbacks : [callbacks];
  }

  // futures.Future.__schedule_callbacks: every callback is scheduled in registration order, then the list cleared.
  _scheduleCallbacks(): void {
    const callbacks = this._callbacks;
    if (callbacks === null) return;
    this._callbacks = null;
    if (!Array.isArray(callbacks)) {
      this._scheduleCallback(callbacks);
      return;
    }
    for (let i = 0; i < callbacks.length; i++) this._scheduleCallback(callbacks[i]!);
  }

  private _scheduleCallback(cb: CallbackEntry): void {
    if (typeof cb === 'function') this._loop.callSoon(cb, this);
    else (this._loop as unknown as FutureLoopHooks)._scheduleWaiter(cb);
  }

  /** The state word of the repr: pending, finished, cancelled (tasks add 'cancelling'). */
  protected _reprState(): string {
    return this._state === PENDING ? 'pending' : this._state === CANCELLED ? 'cancelled' : 'finished';
  }

  /** base_futures._future_repr_info. */
  _reprInfo(): string[] {
    const info = [this._reprState()];
    if (this._state === FINISHED) {
      if (this._exception !== null) info.push(`exception=${repr(this._exception)}`);
      else info.push(`result=${reprlibRepr(this._result)}`);
    }
    if (this._callbacks !== null) info.push(`cb=[${formatCallbacks(this._callbackList())}]`);
    return info;
  }

  __repr__(): string {
    return `<${this.constructor.name} ${this._reprInfo().join(' ')}>`;
  }
}

// base_futures._format_callbacks: one or two callbacks by name, more as `first, <N more>, last`.
function formatCallbacks(callbacks: readonly CallbackEntry[]): string {
  const name = (cb: CallbackEntry) => (typeof cb === 'function' ? `${callableName(cb)}()` : 'Task.task_wakeup()');
  if (callbacks.length <= 2) return callbacks.map(name).join(', ');
  return `${name(callbacks[0]!)}, <${callbacks.length - 2} more>, ${name(callbacks[callbacks.length - 1]!)}`;
}

// The C Future's set_exception checks: a class is instantiated, StopIteration refused, non-exceptions refused.
function asExceptionInstance(exception: unknown): BaseException {
  let exc = exception;
  if (typeof exc === 'function' && exc.prototype instanceof BaseException) {
    exc = new (exc as new () => BaseException)();
  }
  if (exc instanceof StopIteration) {
    throw new TypeError('StopIteration interacts badly with generators and cannot be raised into a Future');
  }
  if (exc instanceof BaseException) return exc;
  if (exc instanceof Error) return toPyException(exc);
  throw new TypeError('invalid exception object');
}

/** True for asyncio futures and tasks (asyncio.isfuture). */
export function isfuture(x: unknown): x is Future {
  return x instanceof Future;
}
