// Callback handles and the event-loop policy (Lib/asyncio/events.py): Handle, TimerHandle, AbstractEventLoop, and
// get_event_loop / set_event_loop / new_event_loop / get_running_loop.

import type { PyFloat } from '../builtins/py-float.js';
import { KeyboardInterrupt, RuntimeError, SystemExit, TypeError } from '../builtins/exceptions.js';
import { dict, PyDict } from '../builtins/dict.js';
import { numberRepr } from '../builtins/number-repr.js';
import { toPyException } from '../builtins/to-py-exception.js';
import { typeName } from '../builtins/type-name.js';
import type { Coroutine } from './coroutines.js';
import { _handleContext, type Context } from '../contextvars/index.js';
import { formatCallback } from './format-helpers.js';
import type { Future } from './futures.js';
import type { PyBytes } from '../builtins/bytes.js';
import type { Task } from './tasks.js';

/**
 * The context dict given to an exception handler (`message`, `exception`, `future`, `task`, `handle`…): a Python
 * dict, so translated handlers can index it, test keys and sort them.
 */
export type ExceptionContext = PyDict<string, unknown>;

/** Build an exception-handler context from its entries (a plain object, in Python's key order). */
export function exceptionContext(entries: Record<string, unknown>): ExceptionContext {
  return dict<string, unknown>(Object.entries(entries));
}

/** An exception handler set with `setExceptionHandler`: called with the loop and the context dict. */
export type ExceptionHandler = (loop: AbstractEventLoop, context: ExceptionContext) => void;

/** The event loop interface (events.AbstractEventLoop); BaseEventLoop implements it. */
export abstract class AbstractEventLoop {
  abstract runForever(): Promise<void>;
  abstract runUntilComplete<T>(future: Future<T> | Coroutine<T> | PromiseLike<T>): Promise<T>;
  abstract stop(): void;
  abstract isRunning(): boolean;
  abstract isClosed(): boolean;
  abstract close(): void;
  abstract shutdownAsyncgens(): Promise<void>;
  abstract shutdownDefaultExecutor(): Promise<void>;
  abstract time(): number;
  abstract callSoon(callback: Function, ...args: unknown[]): Handle;
  abstract callSoonThreadsafe(callback: Function, ...args: unknown[]): Handle;
  /** `func(...args)` in the default executor's (simulated) thread, as a future of its result (threads.ts). */
  abstract runInExecutor<T>(executor: unknown, func: (...args: any[]) => T, ...args: unknown[]): Future<T>;
  abstract callLater(delay: number | PyFloat, callback: Function, ...args: unknown[]): TimerHandle;
  abstract callAt(when: number | PyFloat, callback: Function, ...args: unknown[]): TimerHandle;
  abstract createFuture<T = unknown>(): Future<T>;
  abstract createTask<T>(coro: Coroutine<T>, options?: { name?: unknown }): Task<T>;
  abstract setExceptionHandler(handler: ExceptionHandler | null): void;
  abstract getExceptionHandler(): ExceptionHandler | null;
  abstract defaultExceptionHandler(context: ExceptionContext | Record<string, unknown>): void;
  abstract callExceptionHandler(context: ExceptionContext | Record<string, unknown>): void;
  abstract getDebug(): boolean;
  abstract setDebug(enabled: boolean): void;
  /** `callback(...args)` as a loop callback whenever signal `sig` arrives (unix-events.ts). */
  abstract addSignalHandler(sig: unknown, callback: Function, ...args: unknown[]): void;
  abstract removeSignalHandler(sig: unknown): boolean;
  /** Readiness callbacks and socket operations on the socket module's sockets (readiness.ts). */
  abstract addReader(fd: unknown, callback: Function, ...args: unknown[]): Handle;
  abstract removeReader(fd: unknown): boolean;
  abstract addWriter(fd: unknown, callback: Function, ...args: unknown[]): Handle;
  abstract removeWriter(fd: unknown): boolean;
  abstract sockRecv(sock: unknown, nbytes: number): Promise<PyBytes>;
  abstract sockRecvInto(sock: unknown, buf: unknown): Promise<number>;
  abstract sockSendall(sock: unknown, data: unknown): Promise<null>;
  abstract sockConnect(sock: unknown, address: unknown): Promise<null>;
  /** Internal: a TimerHandle in the heap was cancelled (BaseEventLoop._timer_handle_cancelled). */
  abstract _timerHandleCancelled(handle: TimerHandle): void;
}

/**
 * A callback scheduled by `callSoon` (events.Handle). `cancel()` stops it from running; the loop skips a cancelled
 * handle still in its ready queue.
 */
export class Handle {
  /** Distinguishes handles from tasks in the loop's ready queue (a task is its own wake-up entry); on the prototype. */
  declare readonly _isTask: false;
  _cancelled = false;
  /** The contextvars context the callback runs in: a copy of the scheduler's (null while no variable was set). */
  readonly _context: Context | null = _handleContext();

  constructor(
    public _callback: Function | null,
    public _args: unknown[],
    readonly _loop: AbstractEventLoop,
  ) {}

  /** Cancel the callback; a no-op if it already ran or was cancelled. */
  cancel(): void {
    if (!this._cancelled) {
      this._cancelled = true;
      this._callback = null;
      this._args = [];
    }
  }

  cancelled(): boolean {
    return this._cancelled;
  }

  /**
   * Run the callback (events.Handle._run): KeyboardInterrupt and SystemExit propagate out of the loop; any other
   * exception goes to the loop's exception handler and the loop goes on.
   */
  _run(): void {
    const callback = this._callback!;
    try {
      if (this._context === null) callback(...this._args);
      else this._context.run(callback as (...args: unknown[]) => unknown, ...this._args);
    } catch (e) {
      if (e instanceof KeyboardInterrupt || e instanceof SystemExit) throw e;
      this._loop.callExceptionHandler(
        exceptionContext({
          message: `Exception in callback ${formatCallback(callback, this._args)}`,
          exception: toPyException(e),
          handle: this,
        }),
      );
    }
  }

  protected _reprInfo(): string[] {
    const info: string[] = [];
    if (this._cancelled) info.push('cancelled');
    if (this._callback !== null) info.push(formatCallback(this._callback, this._args));
    return info;
  }

  __repr__(): string {
    return `<${this.constructor.name} ${this._reprInfo().join(' ')}>`;
  }
}

/** A callback scheduled for a loop time by `callAt`/`callLater` (events.TimerHandle). */
export class TimerHandle extends Handle {
  /** Whether the handle is in the loop's timer heap (cancelling it then counts for the heap purge). */
  _scheduled = false;

  constructor(
    readonly _when: number,
    callback: Function,
    args: unknown[],
    loop: AbstractEventLoop,
  ) {
    super(callback, args, loop);
  }

  /** The absolute loop time at which the callback is due. */
  when(): number {
    return this._when;
  }

  override cancel(): void {
    if (!this._cancelled) this._loop._timerHandleCancelled(this);
    super.cancel();
  }

  protected override _reprInfo(): string[] {
    const info = super._reprInfo();
    info.splice(this._cancelled ? 1 : 0, 0, `when=${numberRepr(this._when)}`);
    return info;
  }
}

Object.defineProperty(Handle.prototype, '_isTask', { value: false });

// The running loop of this (single) thread, and the policy's loop (events._running_loop, BaseDefaultEventLoopPolicy).
let runningLoop: AbstractEventLoop | null = null;
let policyLoop: AbstractEventLoop | null = null;
let policyLoopWasSet = false;
let loopFactory: (() => AbstractEventLoop) | null = null;

/** Internal: base-events registers how a new loop is made (the policy's `_loop_factory`). */
export function _setLoopFactory(factory: () => AbstractEventLoop): void {
  loopFactory = factory;
}

/** Internal: set or clear the running loop (events._set_running_loop). */
export function _setRunningLoop(loop: AbstractEventLoop | null): void {
  runningLoop = loop;
}

/** The running loop or null (events._get_running_loop). */
export function _getRunningLoop(): AbstractEventLoop | null {
  return runningLoop;
}

/** The running event loop; `RuntimeError('no running event loop')` when none runs. */
export function getRunningLoop(): AbstractEventLoop {
  if (runningLoop === null) throw new RuntimeError('no running event loop');
  return runningLoop;
}

/**
 * The running loop if any, else the policy's loop: created and set on first use unless `setEventLoop` was ever
 * called; after `setEventLoop(null)` it raises RuntimeError (3.11.7 emits no DeprecationWarning here).
 */
export function getEventLoop(): AbstractEventLoop {
  if (runningLoop !== null) return runningLoop;
  if (policyLoop === null && !policyLoopWasSet) setEventLoop(newEventLoop());
  if (policyLoop === null) throw new RuntimeError("There is no current event loop in thread 'MainThread'.");
  return policyLoop;
}

/** Make `loop` the policy's current loop (null clears it). */
export function setEventLoop(loop: AbstractEventLoop | null | undefined): void {
  if (loop !== null && loop !== undefined && !(loop instanceof AbstractEventLoop)) {
    throw new TypeError(`loop must be an instance of AbstractEventLoop or None, not '${typeName(loop)}'`);
  }
  policyLoopWasSet = true;
  policyLoop = loop ?? null;
}

/** A new event loop, not set as the current one. */
export function newEventLoop(): AbstractEventLoop {
  if (loopFactory === null) throw new RuntimeError('no event loop implementation is loaded');
  return loopFactory();
}
