// The event loop (Lib/asyncio/base_events.py BaseEventLoop): a ready queue of handles and tasks, a timer heap, and
// `_run_once` iterations, driven so that native async code runs with asyncio's ordering.
//
// The loop cannot block in JS. `runForever()` and `runUntilComplete()` return promises that settle when the loop
// stops. In between, the loop is driven by `_advance`: it runs the ready entries of the current iteration; a
// handle runs synchronously; a task step is started and the loop returns, to be called again when that step ends
// (tasks.ts). Waiting for a timer is a Node `setTimeout`, which also keeps the process alive; a loop that stays
// busy yields to Node's event loop now and then (setImmediate) so signals and I/O are not starved.

import { BaseException, KeyboardInterrupt, RuntimeError, SystemExit, TypeError } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { numberValue, type PyFloat } from '../builtins/py-float.js';
import { repr, str } from '../builtins/repr.js';
import { formatException } from '../builtins/traceback.js';
import type { Context } from '../contextvars/index.js';
import { _shutdownAsyncgens } from './async-iter.js';
import { _runInExecutor, _shutdownDefaultExecutor } from './threads.js';
import { _warnNeverAwaited, Coroutine, iscoroutine } from './coroutines.js';
import {
  _getRunningLoop,
  _setLoopFactory,
  _setRunningLoop,
  AbstractEventLoop,
  ExceptionContext,
  exceptionContext,
  ExceptionHandler,
  Handle,
  TimerHandle,
} from './events.js';
import { Future, FutureWaiter, isfuture } from './futures.js';
import { CompactingList } from './compacting-list.js';
import { LinkedRegistry } from './linked-registry.js';
import { heapify, heappop, heappush } from './heapq.js';
import { refLoopHandles } from './io-handles.js';
import { _sigintTakenOver } from '../signal/index.js';
import { addSignalHandler, removeAllSignalHandlers, removeSignalHandler } from './unix-events.js';
import {
  addReader,
  addWriter,
  removeReadiness,
  sockConnect,
  sockRecv,
  sockRecvInto,
  sockSendall,
  type Selector,
} from './readiness.js';
import type { PyBytes } from '../builtins/bytes.js';
import { ReadyQueue } from './ready-queue.js';
import { ensureFuture, Task, TaskLoop } from './tasks.js';

// base_events._MIN_SCHEDULED_TIMER_HANDLES and _MIN_CANCELLED_TIMER_HANDLES_FRACTION: when to rebuild the heap.
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
// base_events.MAXIMUM_SELECT_TIMEOUT: one day.
const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;
// time.get_clock_info('monotonic').resolution on Linux.
const CLOCK_RESOLUTION = 1e-9;
// A busy loop yields to Node's event loop (setImmediate) when YIELD_AFTER_MS passed since it last did.
const YIELD_AFTER_MS = 20;
// Without timers, a busy loop reads the clock (to decide whether to yield) every CLOCK_EVERY iterations.
const CLOCK_EVERY = 16;

/** The handler that makes SIGINT interrupt the running loop; `asyncio.run` installs its own (runners.ts). */
let sigintOverride: (() => void) | null = null;

/** Internal: let asyncio.run handle SIGINT while it runs (Runner._on_sigint), or restore the default with null. */
export function _setSigintOverride(handler: (() => void) | null): void {
  sigintOverride = handler;
}

function onSigint(): void {
  // loop.add_signal_handler(SIGINT, …) or signal.signal(SIGINT, …) replaced the KeyboardInterrupt handler
  if (_sigintTakenOver()) return;
  if (sigintOverride !== null) {
    sigintOverride();
    return;
  }
  const loop = _getRunningLoop();
  if (loop instanceof BaseEventLoop) loop._interrupt(new KeyboardInterrupt());
}

// base_events._run_until_complete_cb: stop the loop once the future is done, unless it ended the loop already.
function _run_until_complete_cb(fut: Future): void {
  if (!fut.cancelled()) {
    const exc = fut.exception();
    if (exc instanceof SystemExit || exc instanceof KeyboardInterrupt) return;
  }
  (fut.getLoop() as BaseEventLoop).stop();
}

/** asyncio's event loop. */
export class BaseEventLoop extends AbstractEventLoop implements TaskLoop {
  readonly _ready = new ReadyQueue<Handle | Task>();
  _scheduled: TimerHandle[] = [];
  _timerCancelledCount = 0;
  _stopping = false;
  _closed = false;
  _debug = false;
  /** This loop's tasks not done yet, in creation order (tasks._all_tasks). */
  readonly _tasks = new LinkedRegistry<Task>();
  _exceptionHandler: ExceptionHandler | null = null;
  /** Futures whose exception may never be retrieved; logged at close if still unretrieved. */
  readonly _unretrieved = new CompactingList<Future>((fut) => fut._logTraceback);
  /** The descriptors watched by add_reader/add_writer (readiness.ts); null until the first. */
  _selector: Selector | null = null;

  // Driving state: entries of the current iteration still to run, and the pending run's promise.
  private _todo = 0;
  private _running = false;
  private _runResolve: (() => void) | null = null;
  private _runReject: ((e: unknown) => void) | null = null;
  private _waitTimer: NodeJS.Timeout | null = null;
  private _waitImmediate: NodeJS.Immediate | null = null;
  private _idle = false;
  private _lastYieldMs = 0;
  private _itersSinceClock = 0;
  private _firstStepPending: Task | null = null;
  private readonly _startFirstStepLater = (): void => {
    const task = this._firstStepPending!;
    this._firstStepPending = null;
    if (!task._step()) this._advance(false);
  };

  /** The loop's clock: monotonic seconds (time.monotonic). */
  time(): number {
    return performance.now() / 1000;
  }

  isRunning(): boolean {
    return this._running;
  }

  isClosed(): boolean {
    return this._closed;
  }

  getDebug(): boolean {
    return this._debug;
  }

  setDebug(enabled: boolean): void {
    this._debug = enabled;
  }

  /** Schedule `callback(...args)` for the next iteration, after everything already queued. */
  callSoon(callback: Function, ...args: unknown[]): Handle {
    this._checkClosed();
    if (this._debug) this._checkCallback(callback, 'call_soon');
    const handle = new Handle(callback, args, this);
    this._ready.push(handle);
    return handle;
  }

  /** `callSoon` from outside the loop's control (a foreign promise, a signal): also wakes a waiting loop. */
  callSoonThreadsafe(callback: Function, ...args: unknown[]): Handle {
    const handle = this.callSoon(callback, ...args);
    this._wakeUp();
    return handle;
  }

  /** Schedule `callback(...args)` `delay` seconds from now (zero or negative: due at the next iteration). */
  callLater(delay: number | PyFloat, callback: Function, ...args: unknown[]): TimerHandle {
    if (delay === null || delay === undefined) throw new TypeError('delay must not be None');
    return this.callAt(this.time() + numberValue(delay), callback, ...args);
  }

  /** Schedule `callback(...args)` at loop time `when`; equal deadlines come out in heapq order, as in CPython. */
  callAt(at: number | PyFloat, callback: Function, ...args: unknown[]): TimerHandle {
    if (at === null || at === undefined) throw new TypeError('when cannot be None');
    const when = numberValue(at);
    this._checkClosed();
    if (this._debug) this._checkCallback(callback, 'call_at');
    const timer = new TimerHandle(when, callback, args, this);
    heappush(this._scheduled, timer);
    timer._scheduled = true;
    return timer;
  }

  _timerHandleCancelled(handle: TimerHandle): void {
    if (handle._scheduled) this._timerCancelledCount += 1;
  }

  /** A new future bound to this loop. */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>({ loop: this });
  }

  /** Wrap `coro` in a task on this loop; a name given here does not consume a Task-N number. */
  createTask<T>(coro: Coroutine<T>, options?: { name?: unknown; context?: Context | null }): Task<T> {
    this._checkClosed();
    taskOptions.loop = this;
    taskOptions.name = options?.name;
    taskOptions.context = options?.context;
    const task = new Task(coro, taskOptions);
    taskOptions.loop = taskOptions.name = taskOptions.context = null;
    return task;
  }

  /**
   * Run until `stop()` is called (BaseEventLoop.run_forever). The promise settles when the loop stops; it rejects
   * with KeyboardInterrupt/SystemExit raised by a callback or task, leaving the rest of the ready queue queued.
   */
  runForever(): Promise<void> {
    this._checkClosed();
    this._checkRunning();
    return new Promise<void>((resolve, reject) => {
      this._runResolve = resolve;
      this._runReject = reject;
      this._running = true;
      this._todo = 0;
      this._lastYieldMs = performance.now();
      _setRunningLoop(this);
      process.on('SIGINT', onSigint);
      refLoopHandles(this, true);
      if (this._beginIteration()) this._advance(false);
    });
  }

  /**
   * Run until `future` is done and return its result or raise its exception (run_until_complete). A coroutine is
   * wrapped in a task. At module top level the emitted code awaits it.
   */
  async runUntilComplete<T>(future: Future<T> | Coroutine<T> | PromiseLike<T>): Promise<T> {
    this._checkClosed();
    this._checkRunning();
    const newTask = !isfuture(future);
    const fut = ensureFuture(future, { loop: this });
    if (newTask && fut instanceof Task) fut._logDestroyPending = false;
    fut.addDoneCallback(_run_until_complete_cb);
    try {
      await this.runForever();
    } catch (e) {
      if (newTask && fut.done() && !fut.cancelled()) fut.exception();
      throw e;
    } finally {
      fut.removeDoneCallback(_run_until_complete_cb);
    }
    if (!fut.done()) throw new RuntimeError('Event loop stopped before Future completed.');
    try {
      return fut.result();
    } catch (e) {
      // the future's exception leaves the loop for the code that ran it, which the traceback then shows too
      if (e instanceof BaseException) e.reraisedHere();
      throw e;
    }
  }

  /** Stop after the current iteration: everything it counted still runs, later callbacks stay queued. */
  stop(): void {
    this._stopping = true;
  }

  /**
   * Close the loop: pending callbacks and timers are dropped; a running loop cannot be closed. Futures whose
   * exception was never retrieved are reported now ("Task exception was never retrieved").
   */
  close(): void {
    if (this._running) throw new RuntimeError('Cannot close a running event loop');
    if (this._closed) return;
    this._closed = true;
    removeAllSignalHandlers(this);
    this._selector?.close();
    this._ready.clear();
    this._scheduled = [];
    this._reportUnretrieved();
    this._reportDestroyedPending();
    _warnNeverAwaited();
  }

  /** Run `callback(...args)` as a loop callback whenever signal `sig` arrives (unix_events.add_signal_handler). */
  addSignalHandler(sig: unknown, callback: Function, ...args: unknown[]): void {
    addSignalHandler(this, sig, callback, args);
  }

  /** Remove the handler of `sig`; false if there was none. */
  removeSignalHandler(sig: unknown): boolean {
    return removeSignalHandler(this, sig);
  }

  /** Call `callback(...args)` in every iteration while `fd` (a socket or its fileno()) is readable (readiness.ts). */
  addReader(fd: unknown, callback: Function, ...args: unknown[]): Handle {
    return addReader(this, fd, callback, args);
  }

  /** Stop watching `fd` for reading; false if it was not watched. */
  removeReader(fd: unknown): boolean {
    return removeReadiness(this, fd, false);
  }

  /** Call `callback(...args)` in every iteration while `fd` is writable. */
  addWriter(fd: unknown, callback: Function, ...args: unknown[]): Handle {
    return addWriter(this, fd, callback, args);
  }

  /** Stop watching `fd` for writing; false if it was not watched. */
  removeWriter(fd: unknown): boolean {
    return removeReadiness(this, fd, true);
  }

  /** Up to `nbytes` bytes from `sock` once there are some (b'' at EOF). */
  sockRecv(sock: unknown, nbytes: number): Promise<PyBytes> {
    return sockRecv(this, sock, nbytes);
  }

  /** Receive from `sock` into `buf` once there are bytes; the count. */
  sockRecvInto(sock: unknown, buf: unknown): Promise<number> {
    return sockRecvInto(this, sock, buf);
  }

  /** Connect `sock` (a socket.socket()) to `address`, waiting until the connection is made or fails. */
  sockConnect(sock: unknown, address: unknown): Promise<null> {
    return sockConnect(this, sock, address);
  }

  /** Send all of `data` on `sock`, waiting while its send buffer is full. */
  sockSendall(sock: unknown, data: unknown): Promise<null> {
    return sockSendall(this, sock, data);
  }

  /** Close every async generator still suspended; their finally blocks run now (async-iter.ts keeps the registry). */
  async shutdownAsyncgens(): Promise<void> {
    await _shutdownAsyncgens(this);
  }

  /** Shut the default executor down: calls submitted and not run yet run now; later ones are refused (threads.ts). */
  async shutdownDefaultExecutor(): Promise<void> {
    _shutdownDefaultExecutor(this);
  }

  /** Run `func(...args)` in the default executor's thread; returns a future of its result (threads.ts). */
  runInExecutor<T>(executor: unknown, func: (...args: any[]) => T, ...args: unknown[]): Future<T> {
    return _runInExecutor(this, executor, func, args);
  }

  setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== 'function') {
      throw new TypeError(`A callable object or None is expected, got ${repr(handler)}`);
    }
    this._exceptionHandler = handler;
  }

  getExceptionHandler(): ExceptionHandler | null {
    return this._exceptionHandler;
  }

  /**
   * Log an error the way asyncio does with logging unconfigured: the message, one `key: repr(value)` line per
   * other context key in sorted order, then the exception's traceback; all on stderr.
   */
  defaultExceptionHandler(context: ExceptionContext | Record<string, unknown>): void {
    const ctx = asContext(context);
    const message = ctx.get('message', null);
    const lines = [message ? str(message) : 'Unhandled exception in event loop'];
    for (const key of [...ctx.keys()].sort()) {
      if (key === 'message' || key === 'exception') continue;
      lines.push(`${key}: ${repr(ctx.getItem(key))}`);
    }
    let text = lines.join('\n') + '\n';
    const exception = ctx.get('exception', null);
    if (exception !== null && exception !== undefined) text += formatException(exception) + '\n';
    process.stderr.write(text);
  }

  /** Pass `context` (a dict) to the handler set by `setExceptionHandler`, or to the default one. */
  callExceptionHandler(context: ExceptionContext | Record<string, unknown>): void {
    const ctx = asContext(context);
    if (this._exceptionHandler === null) {
      try {
        this.defaultExceptionHandler(ctx);
      } catch (e) {
        if (e instanceof SystemExit || e instanceof KeyboardInterrupt) throw e;
        process.stderr.write('Exception in default exception handler\n');
      }
      return;
    }
    try {
      this._exceptionHandler(this, ctx);
    } catch (e) {
      if (e instanceof SystemExit || e instanceof KeyboardInterrupt) throw e;
      this.defaultExceptionHandler(
        exceptionContext({ message: 'Unhandled error in exception handler', exception: e, context: ctx }),
      );
    }
  }

  __repr__(): string {
    const flag = (b: boolean) => (b ? 'True' : 'False');
    return `<_UnixSelectorEventLoop running=${flag(this._running)} closed=${flag(this._closed)} debug=${flag(this._debug)}>`;
  }

  // ---- driving the loop -------------------------------------------------------------------------------------

  _noteUnretrieved(fut: Future): void {
    this._unretrieved.push(fut);
  }

  /** Queue a task's next step (the task is its own ready-queue entry). */
  _scheduleWaiter(waiter: FutureWaiter): void {
    this._ready.push(waiter as Task);
  }

  /**
   * Run the current iteration on from where it stopped (the rest of BaseEventLoop._run_once, then the next ones)
   * until a task step starts, the loop has to wait, or it stops. Called when the loop starts, when a task step
   * ends, and when a wait is over. `fromPark`: called from inside a parked body, so a first step must not start on
   * this stack (it would nest task bodies).
   */
  _advance(fromPark: boolean): void {
    if (!this._running) return;
    const ready = this._ready;
    try {
      for (;;) {
        while (this._todo > 0) {
          this._todo -= 1;
          const entry = ready.shift()!;
          if (entry._isTask) {
            if (fromPark && !entry._started) {
              // A resolved promise's reaction, not queueMicrotask (which goes through async_hooks, measurably slower).
              this._firstStepPending = entry;
              resolvedPromise.then(this._startFirstStepLater);
              return;
            }
            if (entry._step()) return;
          } else if (!entry._cancelled) {
            entry._run();
          }
        }
        if (this._stopping) {
          this._finishRun(null);
          return;
        }
        if (!this._beginIteration()) return;
      }
    } catch (e) {
      this._finishRun(e);
    }
  }

  /** KeyboardInterrupt/SystemExit from a task step or a signal: it propagates out of run_forever. */
  _interrupt(exc: BaseException): void {
    if (this._running) this._finishRun(exc);
  }

  /**
   * Start the next iteration (BaseEventLoop._run_once up to running the ready handles): purge cancelled timers,
   * and either collect the due timers and return true, or arrange to be resumed later and return false.
   */
  private _beginIteration(): boolean {
    this._purgeCancelledTimers();
    if (this._selector !== null) this._selector.poll();
    let timeout: number | null;
    if (this._ready.length > 0 || this._stopping) {
      timeout = 0;
    } else if (this._scheduled.length > 0) {
      timeout = Math.min(Math.max(0, this._scheduled[0]!._when - this.time()), MAXIMUM_SELECT_TIMEOUT);
    } else {
      timeout = null;
    }
    if (timeout === null) {
      // Nothing will ever be ready unless something outside the loop calls callSoonThreadsafe.
      this._idle = true;
      return false;
    }
    if (timeout > 0) {
      this._waitTimer = setTimeout(resumeAfterWait, Math.ceil(timeout * 1000), this);
      return false;
    }
    // A loop that has been busy for a while gives Node a turn, so that signals (Ctrl-C) and I/O callbacks are not
    // starved by an endless run of steps. The clock is read for the due timers when there are any, else only every
    // CLOCK_EVERY iterations: iterations of a few steps each are common, and reading it cost ~3 % of such a program.
    if (this._scheduled.length === 0 && ++this._itersSinceClock < CLOCK_EVERY) {
      this._todo = this._ready.length;
      return true;
    }
    this._itersSinceClock = 0;
    const nowMs = performance.now();
    if (nowMs - this._lastYieldMs > YIELD_AFTER_MS) {
      this._waitImmediate = setImmediate(resumeAfterWait, this);
      return false;
    }
    this._collectDueTimers(nowMs / 1000);
    return true;
  }

  /** Continue after a Node timer or immediate: the "select" returned. */
  _resumeAfterWait(): void {
    this._waitTimer = null;
    this._waitImmediate = null;
    this._idle = false;
    this._lastYieldMs = performance.now();
    if (this._selector !== null) this._selector.poll();
    this._collectDueTimers(this._lastYieldMs / 1000);
    this._advance(false);
  }

  /** Wake a loop waiting for a timer or for nothing (the self-pipe write of call_soon_threadsafe): I/O callbacks
   *  that queue a task directly call it. */
  _wakeUp(): void {
    if (!this._running || this._waitImmediate !== null) return;
    if (this._waitTimer === null && !this._idle) return;
    if (this._waitTimer !== null) clearTimeout(this._waitTimer);
    this._waitTimer = null;
    this._idle = false;
    this._waitImmediate = setImmediate(resumeAfterWait, this);
  }

  // _run_once: the purge of cancelled timers.
  private _purgeCancelledTimers(): void {
    const scheduled = this._scheduled;
    const count = scheduled.length;
    if (
      count > MIN_SCHEDULED_TIMER_HANDLES &&
      this._timerCancelledCount / count > MIN_CANCELLED_TIMER_HANDLES_FRACTION
    ) {
      const kept: TimerHandle[] = [];
      for (const handle of scheduled) {
        if (handle._cancelled) handle._scheduled = false;
        else kept.push(handle);
      }
      heapify(kept);
      this._scheduled = kept;
      this._timerCancelledCount = 0;
    } else {
      while (scheduled.length > 0 && scheduled[0]!._cancelled) {
        this._timerCancelledCount -= 1;
        heappop(scheduled)._scheduled = false;
      }
    }
  }

  // _run_once: due timers join the end of the ready queue; the iteration runs what is ready now.
  private _collectDueTimers(now: number): void {
    const scheduled = this._scheduled;
    const endTime = now + CLOCK_RESOLUTION;
    while (scheduled.length > 0 && scheduled[0]!._when < endTime) {
      const handle = heappop(scheduled);
      handle._scheduled = false;
      this._ready.push(handle);
    }
    this._todo = this._ready.length;
  }

  private _finishRun(error: unknown): void {
    this._running = false;
    this._stopping = false;
    this._todo = 0;
    this._idle = false;
    if (this._waitTimer !== null) clearTimeout(this._waitTimer);
    if (this._waitImmediate !== null) clearImmediate(this._waitImmediate);
    this._waitTimer = null;
    this._waitImmediate = null;
    _setRunningLoop(null);
    process.removeListener('SIGINT', onSigint);
    refLoopHandles(this, false);
    const resolve = this._runResolve!;
    const reject = this._runReject!;
    this._runResolve = null;
    this._runReject = null;
    if (error === null) resolve();
    else reject(error);
  }

  _checkClosed(): void {
    if (this._closed) throw new RuntimeError('Event loop is closed');
  }

  private _checkRunning(): void {
    if (this._running) throw new RuntimeError('This event loop is already running');
    if (_getRunningLoop() !== null) {
      throw new RuntimeError('Cannot run the event loop while another loop is running');
    }
  }

  private _checkCallback(callback: unknown, method: string): void {
    if (iscoroutine(callback)) throw new TypeError(`coroutines cannot be used with ${method}()`);
    if (typeof callback !== 'function') {
      throw new TypeError(`a callable object was expected by ${method}(), got ${repr(callback)}`);
    }
  }

  // Task.__del__ at close: a task still pending can never finish once its loop is closed (CPython reports it
  // when the task is freed, typically at interpreter exit). run_until_complete's and gather's wrappers are exempt.
  private _reportDestroyedPending(): void {
    const pending = this._tasks.drain();
    for (const task of pending) {
      if (!task._logDestroyPending) continue;
      this.callExceptionHandler(exceptionContext({ message: 'Task was destroyed but it is pending!', task }));
    }
  }

  // Future.__del__ at close: report exceptions nobody retrieved (CPython does it when the future is freed).
  private _reportUnretrieved(): void {
    const futures = this._unretrieved.drain();
    for (const fut of futures) {
      if (!fut._logTraceback) continue;
      fut._logTraceback = false;
      this.callExceptionHandler(
        exceptionContext({
          message: `${fut.constructor.name} exception was never retrieved`,
          exception: fut._exception,
          future: fut,
        }),
      );
    }
  }
}

const resolvedPromise = Promise.resolve();

// The options of every task the loop creates: one object, filled in for each (the Task constructor reads it and keeps
// nothing), where a new one per task was measurable garbage in programs that spawn many short tasks.
const taskOptions: { loop: AbstractEventLoop | null; name: unknown; context: Context | null | undefined } = {
  loop: null,
  name: null,
  context: null,
};

// Hand-written callers may pass a plain object where Python passes a dict.
function asContext(context: ExceptionContext | Record<string, unknown>): ExceptionContext {
  return context instanceof PyDict ? context : exceptionContext(context);
}

function resumeAfterWait(loop: BaseEventLoop): void {
  loop._resumeAfterWait();
}

_setLoopFactory(() => new BaseEventLoop());
