// asyncio.Task and the functions of Lib/asyncio/tasks.py: create_task, ensure_future, sleep, gather, wait, wait_for,
// as_completed, shield, current_task, all_tasks.
//
// How a task runs native async code with asyncio's scheduling (DESIGN.md, "The runtime"):
// - The loop runs one task step at a time. A step starts by calling the body (first step) or the stored `resolve`
//   of the promise the body is parked on; the loop then does nothing else until the step ends.
// - A step ends when the body parks on a runtime primitive (`park`: a pending future through `aw`, `sleep`, a lock…)
//   or when the body's promise settles. Parking stores the promise's `resolve` on the task (one shared executor, no
//   closure), registers the task itself as the waiter, and runs the loop on before returning the pending promise, so
//   a task switch costs one microtask hop.
// - Cancellation reaches the body through the stored `resolve`, given a rejected promise: the native `await` throws
//   CancelledError at the await point, and the body's own `except`/`finally` run.
//
// Park/wake primitives for other modules (locks, queues, timeouts, taskgroups): `parkCurrentTask(onCancel)` parks
// the running task with no future; `wakeTask(task, value)` / `wakeTaskWithException(task, exc)` queue its next step
// (like a future's done callback, it runs in the next loop iteration); `awaitFuture(fut)` parks on a future.

import {
  BaseException,
  KeyboardInterrupt,
  RuntimeError,
  StopIteration,
  SystemExit,
  TypeError,
  ValueError,
} from '../builtins/exceptions.js';
import { PyFloat, toNumber } from '../builtins/py-float.js';
import { repr, str } from '../builtins/repr.js';
import { PySet } from '../builtins/set.js';
import { tuple } from '../builtins/tuple.js';
import { toPyException } from '../builtins/to-py-exception.js';
import { _handleContext, _setRunningTaskContext, Context } from '../contextvars/index.js';
import { aw as awaitAny, Coroutine, iscoroutine, isThenable } from './coroutines.js';
import { AbstractEventLoop, getEventLoop, getRunningLoop, TimerHandle } from './events.js';
import { CancelledError, TimeoutError } from './exceptions.js';
import { typeName } from '../builtins/type-name.js';
import { FINISHED, Future, FutureWaiter, PENDING, isfuture } from './futures.js';
import type { Linkable, LinkedRegistry } from './linked-registry.js';

/** The loop operations tasks drive; BaseEventLoop implements them (kept here to avoid an import cycle). */
export interface TaskLoop extends AbstractEventLoop {
  /** Queue a task's next step at the end of the ready queue (call_soon of `Task.__step`). */
  _scheduleWaiter(task: FutureWaiter): void;
  /** Run the loop on after the current task step ended; `fromPark` when called from inside a parked body. */
  _advance(fromPark: boolean): void;
  /** A task step raised KeyboardInterrupt or SystemExit: it propagates out of run_forever. */
  _interrupt(exc: BaseException): void;
  /** The loop's tasks not done yet, in creation order (tasks._all_tasks). */
  _tasks: LinkedRegistry<Task>;
  createTask<T>(coro: Coroutine<T>, options?: { name?: unknown; context?: Context | null }): Task<T>;
  createFuture<T = unknown>(): Future<T>;
}

/** Called when a task parked by `parkCurrentTask` is cancelled before being woken: detach it from the primitive. */
export type ParkCancelHook = (task: Task) => void;

/**
 * Run at the start of the step that resumes a task parked by `parkCurrentTask(onCancel, onWake)`, before its body:
 * the code CPython runs right after `await fut` in a primitive's method (`self._waiters.remove(fut)`…), so the
 * method needs no async function of its own (one promise and one microtask hop less per wait). Given the exception
 * the await would raise (or null) and the value it would give, it returns the value the body's await gets, throws
 * what it raises, or returns `repark(…)` after queueing the task as a waiter again (a method's `while` loop): the
 * body then stays suspended on the same promise.
 */
export type WakeHook = (task: Task, exc: BaseException | null, value: unknown) => unknown;

const REPARK: unique symbol = Symbol('repark');

// The task whose step is executing: one loop runs at a time in a JS thread (tasks._current_tasks).
let runningTask: Task | null = null;
// The task whose park promise is being created; read by the shared executor below.
let parkingTask: Task | null = null;
// ContextVar.get/set inside a task step use the task's context.
_setRunningTaskContext(() => (runningTask === null ? null : (runningTask._context ??= new Context())));

// Process-wide Task-N counter (tasks._task_name_counter).
let taskNameCounter = 0;

// Only `resolve` is kept: an exception reaches the body as a rejected promise passed to it (two more microtask hops,
// inside the step, on the rare path). Holding on to `reject` as well kept one more function per parked task alive
// through every scavenge: measured ~10% of the young-generation survivors of a program with 1,000 parked tasks.
function storeResolvers(resolve: (value: unknown) => void): void {
  parkingTask!._resolve = resolve;
}

/**
 * A coroutine wrapped in a future (asyncio.Task). It starts in the next loop iteration after its creation, runs
 * step by step, and ends with the coroutine's result, its exception, or cancelled.
 */
export class Task<T = unknown> extends Future<T> implements FutureWaiter, Linkable<Task> {
  /** Marks a task in the loop's ready queue (on the prototype: one field less per task). */
  declare readonly _isTask: true;
  declare _loop: TaskLoop;
  _coro: Coroutine<T>;
  /** The name, or the number of a default `Task-N` name (the string is built when first asked for). */
  _name: string | number;
  _started = false;
  _mustCancel = false;
  _numCancelsRequested = 0;
  /** The future this task is parked on (tasks.Task._fut_waiter). */
  _futWaiter: Future | null = null;
  /** Set while parked on a primitive with no future; called if the task is cancelled before it is woken. */
  _parkHook: ParkCancelHook | null = null;
  /** What the primitive needs to detach the task (the timer of a sleep). */
  _parkData: unknown = null;
  _wakeValue: unknown = undefined;
  _wakeExc: BaseException | null = null;
  _resolve: ((value: unknown) => void) | null = null;
  /** Set while parked by `parkCurrentTask` with a wake hook; `_waitTarget` is the primitive it waits on. */
  _wakeHook: WakeHook | null = null;
  _waitTarget: unknown = null;
  _logDestroyPending = true;
  /** Links in the loop's registry of tasks not done yet. */
  _prevLink: Task | null = null;
  _nextLink: Task | null = null;

  /**
   * The contextvars context every step runs in: a copy of the creator's, taken now (Task._context). Null while no
   * variable was ever set, when every context is empty: the task's own empty context is made when first needed.
   */
  _context: Context | null;

  constructor(
    coro: Coroutine<T>,
    options?: { loop?: AbstractEventLoop | null; name?: unknown; context?: Context | null },
  ) {
    super(options);
    if (!(coro instanceof Coroutine)) {
      this._logDestroyPending = false;
      throw new TypeError(`a coroutine was expected, got ${repr(coro)}`);
    }
    this._coro = coro;
    this._context = options?.context ?? _handleContext();
    const name = options?.name;
    this._name = name === null || name === undefined ? ++taskNameCounter : str(name);
    this._loop._scheduleWaiter(this);
    this._loop._tasks.add(this);
  }

  getName(): string {
    if (typeof this._name === 'number') this._name = `Task-${this._name}`;
    return this._name;
  }

  setName(value: unknown): void {
    this._name = str(value);
  }

  getCoro(): Coroutine<T> {
    return this._coro;
  }

  /** How many cancellation requests are pending (Task.cancelling). */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /** Decrement the pending cancellation requests, never below 0; returns the new count. */
  uncancel(): number {
    if (this._numCancelsRequested > 0) this._numCancelsRequested -= 1;
    return this._numCancelsRequested;
  }

  override setResult(_result: T): never {
    throw new RuntimeError('Task does not support set_result operation');
  }

  override setException(_exception: unknown): never {
    throw new RuntimeError('Task does not support set_exception operation');
  }

  /**
   * Request cancellation (Task.cancel): false if the task is done. The awaited future or task is cancelled in turn;
   * otherwise CancelledError is thrown into the body at its next step. Nothing is raised synchronously, and the
   * task may still catch the error: cancel() does not guarantee the task ends cancelled.
   */
  override cancel(msg: unknown = null): boolean {
    this._logTraceback = false;
    if (this._state !== PENDING) return false;
    this._numCancelsRequested += 1;
    const waiter = this._futWaiter;
    if (waiter !== null && waiter.cancel(msg)) return true;
    const hook = this._parkHook;
    if (hook !== null) {
      // Parked on a primitive: detach and wake with CancelledError, as cancelling its future would.
      this._parkHook = null;
      hook(this);
      this._parkData = null;
      wakeTaskWithException(this, newCancelledError(msg));
      return true;
    }
    this._mustCancel = true;
    this._cancelMessage = msg;
    return true;
  }

  /**
   * One step (Task.__step after __wakeup): deliver the awaited result or exception to the body. Returns true when
   * the body runs (the loop waits for the step to end), false when the task completed without running code.
   */
  _step(): boolean {
    if (
      this._started &&
      this._futWaiter === null &&
      this._wakeExc === null &&
      !this._mustCancel &&
      this._wakeHook === null
    ) {
      // The common case (woken by sleep(0), a timer or a primitive with a value): resume the body at once.
      const value = this._wakeValue;
      this._wakeValue = undefined;
      runningTask = this;
      this._resolve!(value);
      return true;
    }
    let exc = this._wakeExc;
    let value = this._wakeValue;
    this._wakeExc = null;
    this._wakeValue = undefined;
    const waiter = this._futWaiter;
    if (waiter !== null) {
      this._futWaiter = null;
      if (waiter._state === FINISHED && waiter._exception === null) {
        value = waiter._result;
      } else {
        try {
          value = waiter.result();
        } catch (e) {
          exc = e as BaseException;
        }
      }
    }
    if (this._mustCancel) {
      if (!(exc instanceof CancelledError)) exc = this._makeCancelledError();
      this._mustCancel = false;
    }
    if (this._started) {
      runningTask = this;
      const hook = this._wakeHook;
      if (hook !== null) {
        this._wakeHook = null;
        try {
          value = hook(this, exc, value);
          exc = null;
        } catch (e) {
          exc = toPyException(e);
        }
        if (value === REPARK && exc === null) {
          // Waiting again: the step ends without resuming the body.
          runningTask = null;
          return false;
        }
      }
      if (exc !== null) this._resolve!(Promise.reject(exc));
      else this._resolve!(value);
      return true;
    }
    this._started = true;
    if (exc !== null) {
      // coro.throw() into a coroutine that never started: its body does not run at all.
      this._coro.close();
      this._completeWithException(exc);
      return false;
    }
    runningTask = this;
    let body: unknown;
    try {
      body = this._coro._start();
    } catch (e) {
      runningTask = null;
      this._completeWithException(toPyException(e));
      return false;
    }
    // The body's promise settles inside this task's step (the loop runs nothing else until the step ends), so
    // the shared handlers find the task in `runningTask`: no closure per task.
    if (isThenable(body)) body.then(bodyReturned, bodyRaised);
    else resolvedPromise.then(() => bodyReturned(body));
    return true;
  }

  _bodyReturned(result: T): void {
    runningTask = null;
    this._coro._finish();
    if (this._mustCancel) {
      this._mustCancel = false;
      this._cancelFuture(this._cancelMessage);
    } else {
      this._setResultUnchecked(result);
    }
    this._loop._advance(false);
  }

  _bodyRaised(error: unknown): void {
    runningTask = null;
    this._coro._finish();
    let exc = toPyException(error);
    if (exc instanceof StopIteration) {
      // PEP 479: a StopIteration escaping a coroutine is replaced by RuntimeError.
      const replaced = new RuntimeError('coroutine raised StopIteration');
      replaced.__cause__ = exc;
      exc = replaced;
    }
    this._completeWithException(exc);
    if (exc instanceof KeyboardInterrupt || exc instanceof SystemExit) this._loop._interrupt(exc);
    else this._loop._advance(false);
  }

  // Every way a task ends (result, exception, cancelled) schedules its callbacks: it leaves the registry then.
  override _scheduleCallbacks(): void {
    this._loop._tasks.remove(this);
    super._scheduleCallbacks();
  }

  // Task.__step's except clauses: a CancelledError cancels the task (keeping the exception for result()).
  _completeWithException(exc: BaseException): void {
    if (exc instanceof CancelledError) {
      this._cancelledExc = exc;
      this._cancelFuture(null);
    } else {
      this._setExceptionUnchecked(exc);
    }
  }

  protected override _reprState(): string {
    if (this._state === PENDING && this._numCancelsRequested > 0) return 'cancelling';
    return super._reprState();
  }

  // base_tasks._task_repr_info (the coroutine's source location is not known here).
  override _reprInfo(): string[] {
    const info = super._reprInfo();
    info.splice(1, 0, `name=${repr(this.getName())}`, `coro=<${this._coro._reprForTask(this._state !== PENDING)}>`);
    if (this._futWaiter !== null) info.splice(3, 0, `wait_for=${repr(this._futWaiter)}`);
    else if (this._parkData instanceof TimerHandle)
      info.splice(3, 0, 'wait_for=<Future pending cb=[Task.task_wakeup()]>');
    return info;
  }
}

Object.defineProperty(Task.prototype, '_isTask', { value: true });

const resolvedPromise = Promise.resolve();

function bodyReturned(result: unknown): void {
  runningTask!._bodyReturned(result);
}

function bodyRaised(error: unknown): void {
  runningTask!._bodyRaised(error);
}

function newCancelledError(msg: unknown): CancelledError {
  return msg === null || msg === undefined ? new CancelledError() : new CancelledError(msg);
}

// ---------------------------------------------------------------------------------------------------------------
// Park / wake primitives.

/** The task whose step is running, or null (in a plain callback, or outside the loop). */
export function _runningTask(): Task | null {
  return runningTask;
}

function requireRunningTask(what: string): Task {
  const task = runningTask;
  if (task === null) throw new RuntimeError(`${what} must be awaited inside a task`);
  return task;
}

// End the current step: the body is about to await `promise`; the loop runs on first (one-hop park).
function park(task: Task, hook: ParkCancelHook | null): Promise<unknown> {
  task._parkHook = hook;
  parkingTask = task;
  const promise = new Promise(storeResolvers);
  parkingTask = null;
  runningTask = null;
  task._loop._advance(true);
  return promise;
}

/**
 * Park the running task on a primitive that has no future (a lock, a queue…): the returned promise settles when
 * someone calls `wakeTask`/`wakeTaskWithException`. If the task is cancelled first, `onCancel(task)` detaches it and
 * the promise rejects with CancelledError in the next iteration. The caller registers the task as a waiter before.
 */
export function parkCurrentTask(onCancel: ParkCancelHook, onWake: WakeHook | null = null): Promise<unknown> {
  const task = requireRunningTask('parkCurrentTask()');
  task._wakeHook = onWake;
  if (task._mustCancel) {
    // Task.__step: a task that asked to cancel itself has the thing it waits on cancelled at once.
    task._mustCancel = false;
    onCancel(task);
    wakeTaskWithException(task, newCancelledError(task._cancelMessage));
    return park(task, null);
  }
  return park(task, onCancel);
}

/**
 * From a wake hook: the task is queued as a waiter again and stays parked on the promise its body awaits; the hook
 * returns what this returns.
 */
export function repark(task: Task, onCancel: ParkCancelHook, onWake: WakeHook): unknown {
  task._parkHook = onCancel;
  task._wakeHook = onWake;
  return REPARK;
}

/** Queue the next step of a parked task, delivering `value` to its await (it runs in the next iteration). */
export function wakeTask(task: Task, value: unknown): void {
  task._parkHook = null;
  task._parkData = null;
  task._wakeValue = value;
  task._loop._scheduleWaiter(task);
}

/** Queue the next step of a parked task, throwing `exc` at its await. */
export function wakeTaskWithException(task: Task, exc: BaseException): void {
  task._parkHook = null;
  task._parkData = null;
  task._wakeExc = exc;
  task._loop._scheduleWaiter(task);
}

/**
 * `await fut` for a pending future (Future.__await__ + Task.__step): the running task becomes the future's waiter
 * and resumes in the iteration after the future completes, receiving `fut.result()`.
 */
export function awaitFuture<T>(fut: Future<T>): Promise<T> {
  const task = runningTask;
  if (task === null) return awaitFutureOutsideTask(fut);
  if (fut._loop !== task._loop) {
    wakeTaskWithException(
      task,
      new RuntimeError(`Task ${repr(task)} got Future ${repr(fut)} attached to a different loop`),
    );
    return park(task, null) as Promise<T>;
  }
  if (fut === (task as Future)) {
    wakeTaskWithException(task, new RuntimeError(`Task cannot await on itself: ${repr(task)}`));
    return park(task, null) as Promise<T>;
  }
  fut._addWaiter(task);
  task._futWaiter = fut;
  if (task._mustCancel && fut.cancel(task._cancelMessage)) task._mustCancel = false;
  return park(task, null) as Promise<T>;
}

// Hand-written code awaiting a future outside any task: settle a native promise from a done callback.
function awaitFutureOutsideTask<T>(fut: Future<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    fut.addDoneCallback((f: Future<T>) => {
      try {
        resolve(f.result());
      } catch (e) {
        reject(e);
      }
    });
  });
}

/**
 * `await promise` for a promise from outside the runtime (like wrap_future): a future on the running loop is
 * completed through `callSoonThreadsafe` when the promise settles, and the task awaits that future, so it stays
 * under the loop's control.
 */
export function awaitForeignPromise<T>(promise: PromiseLike<T>): Promise<T> {
  const task = runningTask;
  if (task === null) return Promise.resolve(promise);
  const fut = new Future<T>({ loop: task._loop });
  const loop = task._loop as TaskLoop & { callSoonThreadsafe(cb: Function, ...args: unknown[]): unknown };
  promise.then(
    (value) => loop.callSoonThreadsafe(setResultUnlessCancelled, fut, value),
    (error) => loop.callSoonThreadsafe(setExceptionUnlessCancelled, fut, toPyException(error)),
  );
  return awaitFuture(fut);
}

// futures._set_result_unless_cancelled.
function setResultUnlessCancelled(fut: Future, result: unknown): void {
  if (!fut.cancelled()) fut.setResult(result);
}

function setExceptionUnlessCancelled(fut: Future, exc: BaseException): void {
  if (!fut.cancelled()) fut.setException(exc);
}

// ---------------------------------------------------------------------------------------------------------------
// sleep

// The timer callback of sleep(delay > 0): the timer plays the part of the sleep future's _set_result_unless_cancelled.
function wakeSleeper(task: Task, result: unknown): void {
  wakeTask(task, result);
}

function cancelSleepTimer(task: Task): void {
  (task._parkData as TimerHandle).cancel();
}

/**
 * asyncio.sleep: suspend the running task for `delay` seconds and return `result`. `delay <= 0` gives up exactly
 * one loop iteration (a bare yield, no timer); otherwise a timer wakes the task in the iteration after it fires.
 */
export function sleep<T = null>(seconds: number | PyFloat, result?: T): Promise<T> {
  // a float that carries its kind (py-float.ts) is unboxed here, once
  const delay = typeof seconds === 'number' ? seconds : sleepDelay(seconds);
  const task = runningTask;
  const value = result === undefined ? null : result;
  if (task === null) return sleepOutsideTask(delay, value as T);
  const loop = task._loop;
  if (delay <= 0) {
    task._wakeValue = value;
    loop._scheduleWaiter(task);
    return park(task, null) as Promise<T>;
  }
  if (task._mustCancel) {
    // The sleep future would be cancelled as soon as it is yielded (Task.__step).
    task._mustCancel = false;
    wakeTaskWithException(task, newCancelledError(task._cancelMessage));
    return park(task, null) as Promise<T>;
  }
  task._parkData = loop.callAt(loop.time() + delay, wakeSleeper, task, value);
  return park(task, cancelSleepTimer) as Promise<T>;
}

// The delay of a sleep given something other than a plain number: CPython compares it with 0 first (`delay <= 0`),
// so a bool sleeps as an int and anything else that is not a number raises that comparison's TypeError (a string
// or None reaching the timer heap would otherwise keep the loop spinning on a timer that never comes due).
function sleepDelay(seconds: unknown): number {
  if (seconds instanceof PyFloat) return seconds.value;
  if (typeof seconds === 'boolean' || typeof seconds === 'bigint') return Number(seconds);
  throw new TypeError(`'<=' not supported between instances of '${typeName(seconds)}' and 'int'`);
}

// sleep() awaited by hand-written code outside a task: a future completed by the loop's timer.
function sleepOutsideTask<T>(delay: number, result: T): Promise<T> {
  const loop = getRunningLoop();
  const fut = new Future<T>({ loop });
  loop.callLater(Math.max(delay, 0), setResultUnlessCancelled, fut, result);
  return awaitFutureOutsideTask(fut);
}

// ---------------------------------------------------------------------------------------------------------------
// Creating tasks

/**
 * asyncio.create_task: wrap `coro` in a task on the running loop (RuntimeError('no running event loop') without
 * one). The task starts in the next iteration. A name given here still consumes a Task-N number, as in CPython.
 */
export function createTask<T>(coro: Coroutine<T>, options?: { name?: unknown; context?: Context | null }): Task<T> {
  const loop = getRunningLoop() as TaskLoop;
  if (options === undefined) return loop.createTask(coro);
  const task = loop.createTask(coro, { context: options.context });
  const name = options.name;
  if (name !== null && name !== undefined) task.setName(name);
  return task;
}

/**
 * asyncio.ensure_future: a future or task is returned as is; a coroutine is wrapped in a task; a foreign promise
 * in a task awaiting it.
 */
export function ensureFuture<T>(
  x: Future<T> | Coroutine<T> | PromiseLike<T>,
  options?: { loop?: AbstractEventLoop | null },
): Future<T> {
  const loop = options?.loop ?? null;
  if (isfuture(x)) {
    if (loop !== null && loop !== x._loop) {
      throw new ValueError('The future belongs to a different loop than the one specified as the loop argument');
    }
    return x as Future<T>;
  }
  const target = (loop ?? getEventLoop()) as TaskLoop;
  if (x instanceof Coroutine) return target.createTask(x);
  if (isThenable(x)) return target.createTask(new Coroutine(wrapAwaitable, [x]) as Coroutine<T>);
  throw new TypeError('An asyncio.Future, a coroutine or an awaitable is required');
}

// tasks._wrap_awaitable.
async function wrapAwaitable<T>(awaitable: PromiseLike<T>): Promise<T> {
  return awaitForeignPromise(awaitable);
}

/** asyncio.current_task: the task running on `loop` (default: the running loop, which must exist), or null. */
export function currentTask(loop?: AbstractEventLoop | null): Task | null {
  const target = loop ?? getRunningLoop();
  const task = runningTask;
  return task !== null && task._loop === target ? task : null;
}

/** asyncio.all_tasks: the (Python) set of not-done tasks of `loop` (default: the running loop), in creation order. */
export function allTasks(loop?: AbstractEventLoop | null): PySet<Task> {
  const target = (loop ?? getRunningLoop()) as TaskLoop;
  return new PySet(target._tasks.items());
}

// ---------------------------------------------------------------------------------------------------------------
// gather

/** The future `gather` returns (tasks._GatheringFuture): cancelling it cancels every child. */
export class _GatheringFuture<T = unknown[]> extends Future<T> {
  _cancelRequested = false;

  constructor(
    readonly _children: Future[],
    loop: AbstractEventLoop,
  ) {
    super({ loop });
  }

  override cancel(msg: unknown = null): boolean {
    if (this.done()) return false;
    let ret = false;
    for (const child of this._children) {
      if (child.cancel(msg)) ret = true;
    }
    if (ret) this._cancelRequested = true;
    return ret;
  }
}

type Awaitable<T = unknown> = Future<T> | Coroutine<T> | PromiseLike<T>;

function isOptionsObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}

/**
 * asyncio.gather: a future of the children's results, in argument order. Coroutines are wrapped in tasks now, in
 * argument order. Without `returnExceptions` the first child to fail completes it with that exception (the other
 * children keep running); a trailing plain object holds the options: `gather(a, b, { returnExceptions: true })`.
 */
export function gather(...args: unknown[]): _GatheringFuture<any[]> {
  let returnExceptions = false;
  if (args.length > 0 && isOptionsObject(args[args.length - 1])) {
    returnExceptions = Boolean((args.pop() as { returnExceptions?: unknown }).returnExceptions);
  }
  if (args.length === 0) {
    const outer = new _GatheringFuture<any[]>([], getEventLoop());
    outer.setResult([]);
    return outer;
  }
  const children: Future[] = [];
  const argToFut = new Map<unknown, Future>();
  let loop: AbstractEventLoop | null = null;
  let outer: _GatheringFuture<any[]> | null = null;
  let nfuts = 0;
  let nfinished = 0;

  // tasks.gather._done_callback.
  const onChildDone = (fut: Future): void => {
    nfinished += 1;
    if (outer === null || outer.done()) {
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(fut._makeCancelledError());
        return;
      }
      const exc = fut.exception();
      if (exc !== null) {
        outer.setException(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results: unknown[] = [];
      for (const child of children) {
        if (child.cancelled()) {
          const msg = child._cancelMessage;
          results.push(new CancelledError(msg === null || msg === undefined ? '' : msg));
        } else {
          const exc = child.exception();
          results.push(exc !== null ? exc : child.result());
        }
      }
      if (outer._cancelRequested) outer.setException(fut._makeCancelledError());
      else outer.setResult(results);
    }
  };

  for (const arg of args) {
    let fut = argToFut.get(arg);
    if (fut === undefined) {
      fut = ensureFuture(arg as Awaitable, { loop });
      if (loop === null) loop = fut._loop;
      if (fut !== arg && fut instanceof Task) fut._logDestroyPending = false;
      nfuts += 1;
      argToFut.set(arg, fut);
      fut.addDoneCallback(onChildDone);
    }
    children.push(fut);
  }
  outer = new _GatheringFuture<any[]>(children, loop!);
  return outer;
}

// ---------------------------------------------------------------------------------------------------------------
// wait, wait_for, as_completed, shield

export const FIRST_COMPLETED = 'FIRST_COMPLETED';
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
export const ALL_COMPLETED = 'ALL_COMPLETED';

// tasks._release_waiter.
function releaseWaiter(waiter: Future): void {
  if (!waiter.done()) waiter.setResult(null);
}

/**
 * asyncio.wait: wait until `returnWhen` (ALL_COMPLETED by default) or `timeout`, and return the tuple
 * `(done, pending)` of two Python sets. A timeout neither raises nor cancels anything. Coroutines are refused.
 */
export function wait<T extends Future>(
  fs: Iterable<T>,
  options?: { timeout?: number | PyFloat | null; returnWhen?: string },
): Promise<readonly [PySet<T>, PySet<T>]> {
  // Not an async function: the promise is waitInternal's, one async frame less per call. Errors are rejections, as
  // a coroutine's would be.
  try {
    if (isfuture(fs) || iscoroutine(fs)) throw new TypeError(`expect a list of futures, not ${typeName(fs)}`);
    // `fs = set(fs)`: a set's items are distinct already; other iterables go through a Set (a loop rather than
    // `new Set(fs)`, whose constructor drives an iterator from native code at several times the cost).
    let items: T[];
    if (fs instanceof PySet) {
      items = fs._toArray();
    } else {
      const set = new Set<T>();
      for (const f of fs) set.add(f);
      items = [...set];
    }
    if (items.length === 0) throw new ValueError('Set of Tasks/Futures is empty.');
    const returnWhen = options?.returnWhen ?? ALL_COMPLETED;
    if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
      throw new ValueError(`Invalid return_when value: ${str(returnWhen)}`);
    }
    for (const f of items) {
      if (!(f instanceof Future) && iscoroutine(f))
        throw new TypeError('Passing coroutines is forbidden, use tasks explicitly.');
    }
    const loop = getRunningLoop() as TaskLoop;
    return waitInternal(items, toNumber(options?.timeout ?? null), returnWhen, loop);
  } catch (e) {
    return Promise.reject(e);
  }
}

// tasks._wait.
async function waitInternal<T extends Future>(
  fs: T[],
  timeout: number | null,
  returnWhen: string,
  loop: TaskLoop,
): Promise<readonly [PySet<T>, PySet<T>]> {
  const waiter = loop.createFuture();
  const timeoutHandle = timeout === null ? null : loop.callLater(timeout, releaseWaiter, waiter);
  let counter = fs.length;
  const onCompletion = (f: Future): void => {
    counter -= 1;
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== null)
    ) {
      if (timeoutHandle !== null) timeoutHandle.cancel();
      if (!waiter.done()) waiter.setResult(null);
    }
  };
  for (const f of fs) f.addDoneCallback(onCompletion);
  try {
    await awaitFuture(waiter);
  } finally {
    if (timeoutHandle !== null) timeoutHandle.cancel();
    for (const f of fs) f.removeDoneCallback(onCompletion);
  }
  const done = new PySet<T>();
  const pending = new PySet<T>();
  for (const f of fs) {
    const target = f._state !== PENDING ? done : pending;
    // the runtime's own futures and tasks hash by identity
    if (f.constructor === Task || f.constructor === Future) target._addByIdentity(f);
    else target.add(f);
  }
  return tuple(done, pending);
}

// tasks._cancel_and_wait: cancel `fut` and wait until it is done, without awaiting it directly.
async function cancelAndWait(fut: Future, loop: TaskLoop): Promise<void> {
  const waiter = loop.createFuture();
  const cb = (): void => releaseWaiter(waiter);
  fut.addDoneCallback(cb);
  try {
    fut.cancel();
    await awaitFuture(waiter);
  } finally {
    fut.removeDoneCallback(cb);
  }
}

function timeoutFrom(exc: CancelledError): TimeoutError {
  return new TimeoutError().withCause(exc);
}

/**
 * asyncio.wait_for (3.11): await `aw` for at most `timeout` seconds. On timeout the inner task is cancelled and
 * awaited before TimeoutError is raised; `timeout <= 0` fails anything not already done.
 */
export async function waitFor<T>(aw: Awaitable<T>, seconds: number | PyFloat | null | undefined): Promise<T> {
  const timeout = seconds instanceof PyFloat ? seconds.value : seconds;
  const loop = getRunningLoop() as TaskLoop;
  if (timeout === null || timeout === undefined) {
    return (await awaitAny(aw)) as T;
  }
  if (timeout <= 0) {
    const fut = ensureFuture(aw, { loop });
    if (fut.done()) return fut.result();
    await cancelAndWait(fut, loop);
    try {
      return fut.result();
    } catch (e) {
      if (e instanceof CancelledError) throw timeoutFrom(e);
      throw e;
    }
  }
  const waiter = loop.createFuture();
  const timeoutHandle = loop.callLater(timeout, releaseWaiter, waiter);
  const cb = (): void => releaseWaiter(waiter);
  const fut = ensureFuture(aw, { loop });
  fut.addDoneCallback(cb);
  try {
    try {
      await awaitFuture(waiter);
    } catch (e) {
      if (e instanceof CancelledError) {
        if (fut.done()) return fut.result();
        fut.removeDoneCallback(cb);
        await cancelAndWait(fut, loop);
      }
      throw e;
    }
    if (fut.done()) return fut.result();
    fut.removeDoneCallback(cb);
    await cancelAndWait(fut, loop);
    try {
      return fut.result();
    } catch (e) {
      if (e instanceof CancelledError) throw timeoutFrom(e);
      throw e;
    }
  } finally {
    timeoutHandle.cancel();
  }
}

/**
 * asyncio.as_completed: a generator of coroutines; awaiting the i-th gives the result (or raises the exception) of
 * the i-th future to complete. After `timeout` every remaining await raises TimeoutError; nothing is cancelled.
 * Like the Python generator, it wraps coroutines in tasks only when iteration starts.
 */
export function asCompleted<T>(
  fs: Iterable<Awaitable<T>>,
  options?: { timeout?: number | PyFloat | null },
): Generator<Coroutine<T>, void, undefined> {
  if (isfuture(fs) || iscoroutine(fs)) throw new TypeError(`expect an iterable of futures, not ${typeName(fs)}`);
  return asCompletedGenerator(fs, toNumber(options?.timeout ?? null));
}

const NO_ARGUMENTS: unknown[] = [];

function* asCompletedGenerator<T>(
  fs: Iterable<Awaitable<T>>,
  timeout: number | null,
): Generator<Coroutine<T>, void, undefined> {
  const loop = getEventLoop() as TaskLoop;
  const todo = new Set<Future<T>>();
  const options = { loop };
  for (const f of new Set(fs)) todo.add(ensureFuture(f, options));
  const done = new CompletionQueue<Future<T> | null>(loop);
  let timeoutHandle: TimerHandle | null = null;
  const onCompletion = (f: Future<T>): void => {
    if (todo.size === 0) return;
    todo.delete(f);
    done.putNowait(f);
    if (todo.size === 0 && timeoutHandle !== null) timeoutHandle.cancel();
  };
  const onTimeout = (): void => {
    for (const f of todo) {
      f.removeDoneCallback(onCompletion);
      done.putNowait(null);
    }
    todo.clear();
  };
  // as_completed._wait_for_one: `f = await done.get()` suspends only while nothing has completed, so the result is
  // returned at once when a future is queued (`aw` accepts a coroutine whose function returns a plain value), else
  // the promise of waiting for one.
  const resultOf = (f: Future<T> | null): T => {
    if (f === null) throw new TimeoutError();
    return f.result();
  };
  const waitForOne = (): T | Promise<T> => (done.ready() ? resultOf(done.take()) : done.waitAndGet().then(resultOf));
  for (const f of todo) f.addDoneCallback(onCompletion);
  if (todo.size > 0 && timeout !== null) timeoutHandle = loop.callLater(timeout, onTimeout);
  const count = todo.size;
  for (let i = 0; i < count; i++) yield new Coroutine(waitForOne, NO_ARGUMENTS);
}

// The few Queue operations as_completed needs (queues.Queue get/put_nowait on an unbounded queue). The items are
// read from a moving head rather than shifted: a round of as_completed puts and gets thousands.
class CompletionQueue<T> {
  private items: T[] = [];
  private head = 0;
  private readonly getters: Future[] = [];

  constructor(private readonly loop: TaskLoop) {}

  putNowait(item: T): void {
    this.items.push(item);
    while (this.getters.length > 0) {
      const getter = this.getters.shift()!;
      if (!getter.done()) {
        getter.setResult(null);
        break;
      }
    }
  }

  /** True when an item is queued (`take` returns it without waiting). */
  ready(): boolean {
    return this.head < this.items.length;
  }

  /** The next item once one is queued (the task waits on a getter future). */
  async waitAndGet(): Promise<T> {
    while (this.head === this.items.length) {
      const getter = this.loop.createFuture();
      this.getters.push(getter);
      await awaitFuture(getter);
    }
    return this.take();
  }

  take(): T {
    const item = this.items[this.head]!;
    this.items[this.head] = undefined as T;
    this.head += 1;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    }
    return item;
  }
}

/**
 * asyncio.shield: a future mirroring `aw` that protects it from cancellation: cancelling the awaiting task cancels
 * only the outer future, and the inner task keeps running.
 */
export function shield<T>(aw: Awaitable<T>): Future<T> {
  const inner = ensureFuture(aw);
  if (inner.done()) return inner;
  const loop = inner._loop as TaskLoop;
  const outer = loop.createFuture<T>();
  const onInnerDone = (innerFut: Future<T>): void => {
    if (outer.cancelled()) {
      if (!innerFut.cancelled()) innerFut.exception();
      return;
    }
    if (innerFut.cancelled()) {
      outer.cancel();
    } else {
      const exc = innerFut.exception();
      if (exc !== null) outer.setException(exc);
      else outer.setResult(innerFut.result());
    }
  };
  const onOuterDone = (): void => {
    if (!inner.done()) inner.removeDoneCallback(onInnerDone);
  };
  inner.addDoneCallback(onInnerDone);
  outer.addDoneCallback(onOuterDone);
  return outer;
}
