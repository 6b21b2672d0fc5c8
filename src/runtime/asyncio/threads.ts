// Running blocking functions "in threads" (Lib/asyncio/threads.py to_thread, BaseEventLoop.run_in_executor) and
// submitting coroutines from them (tasks.run_coroutine_threadsafe).
//
// JS cannot run an arbitrary closure on another thread with shared memory. The default executor's thread is
// simulated (threading/index.ts): the function runs on the main JS thread as its own macrotask, outside the loop's
// control, with `threading.current_thread()` named `asyncio_0` and no running event loop. Its outcome reaches the
// loop the way CPython's does, through `call_soon_threadsafe`, so the awaiting task resumes one iteration after
// that callback runs. What cannot be reproduced: real parallelism (a long function stalls the loop), and blocking
// on a concurrent future from the worker (`run_coroutine_threadsafe(...).result()`) before the loop has run it.

import { BaseException, Exception, RuntimeError, TypeError } from '../builtins/exceptions.js';
import { toPyException } from '../builtins/to-py-exception.js';
import { copyContext } from '../contextvars/index.js';
import { _executorThread, _runAsThread } from '../threading/index.js';
import { aw, Coroutine, iscoroutine } from './coroutines.js';
import { AbstractEventLoop, getRunningLoop } from './events.js';
import { Future } from './futures.js';
import { ensureFuture, TaskLoop } from './tasks.js';

type ThreadsafeLoop = TaskLoop & { callSoonThreadsafe(callback: Function, ...args: unknown[]): unknown };

/** The simulated worker thread of the default executor (ThreadPoolExecutor(thread_name_prefix='asyncio')). */
let defaultWorker: ReturnType<typeof _executorThread> | null = null;

/** A call submitted to the default executor that has not run yet. */
interface SubmittedCall {
  readonly loop: ThreadsafeLoop;
  readonly fut: Future;
  readonly func: (...args: any[]) => unknown;
  readonly args: unknown[];
  immediate: NodeJS.Immediate | null;
}

/** The calls not run yet, per loop, in submission order. */
const pendingCalls = new WeakMap<AbstractEventLoop, Set<SubmittedCall>>();
/** Loops whose default executor was shut down (BaseEventLoop._executor_shutdown_called). */
const executorShutDown = new WeakSet<AbstractEventLoop>();

function isKeywords(x: unknown): boolean {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}

/**
 * BaseEventLoop.run_in_executor(executor, func, *args): an asyncio Future (returned at once) of `func(...args)`
 * run in the default executor's thread. Keyword arguments are refused, as in CPython (use functools.partial).
 */
export function _runInExecutor<T>(
  loop: AbstractEventLoop,
  _executor: unknown,
  func: (...args: any[]) => T,
  args: unknown[],
): Future<T> {
  if (loop.isClosed()) throw new RuntimeError('Event loop is closed');
  if (executorShutDown.has(loop)) throw new RuntimeError('Executor shutdown has been called');
  const last = args[args.length - 1];
  if (args.length > 0 && isKeywords(last)) {
    const key = Object.keys(last as object)[0] ?? '';
    throw new TypeError(`BaseEventLoop.run_in_executor() got an unexpected keyword argument '${key}'`);
  }
  const fut = new Future<T>({ loop });
  const call: SubmittedCall = { loop: loop as ThreadsafeLoop, fut, func, args, immediate: null };
  call.immediate = setImmediate(runSubmitted, call);
  let pending = pendingCalls.get(loop);
  if (pending === undefined) pendingCalls.set(loop, (pending = new Set()));
  pending.add(call);
  return fut;
}

// The worker's side: run the call, then hand the outcome to the loop (futures._chain_future's copy callback).
function runSubmitted(call: SubmittedCall): void {
  pendingCalls.get(call.loop)?.delete(call);
  call.immediate = null;
  defaultWorker ??= _executorThread(0);
  let failed = false;
  let outcome: unknown;
  try {
    outcome = _runAsThread(defaultWorker, () => call.func(...call.args));
  } catch (e) {
    failed = true;
    outcome = toPyException(e);
  }
  if (call.loop.isClosed()) return;
  call.loop.callSoonThreadsafe(copyOutcome, call.fut, failed, outcome);
}

/**
 * BaseEventLoop.shutdown_default_executor: no more calls are accepted, and the ones submitted but not run yet run
 * now (CPython joins the executor's threads), so their effects come before asyncio.run returns.
 */
export function _shutdownDefaultExecutor(loop: AbstractEventLoop): void {
  executorShutDown.add(loop);
  const pending = pendingCalls.get(loop);
  if (pending === undefined) return;
  for (const call of [...pending]) {
    if (call.immediate !== null) clearImmediate(call.immediate);
    runSubmitted(call);
  }
}

function copyOutcome(fut: Future, failed: boolean, outcome: unknown): void {
  if (fut.cancelled()) return;
  if (failed) fut.setException(outcome);
  else fut.setResult(outcome);
}

/**
 * asyncio.to_thread(func, *args, **kwargs): run `func` in the default executor's thread, in a copy of the
 * caller's contextvars context, and return its result (or raise its exception) at the await.
 */
export async function toThread<T>(func: (...args: any[]) => T, ...args: unknown[]): Promise<T> {
  const loop = getRunningLoop();
  const context = copyContext();
  const call = (): T => context.run(func, ...args);
  return (await aw(_runInExecutor(loop, null, call, []))) as T;
}

/**
 * concurrent.futures.Future as run_coroutine_threadsafe returns it: completed by the loop, read from the calling
 * (simulated) thread. `result()`/`exception()` cannot block: on a future not done yet they raise TimeoutError.
 */
export class ConcurrentFuture<T = unknown> {
  static __pyname__ = 'Future';
  static __module__ = 'concurrent.futures';
  _done = false;
  _cancelled = false;
  _result: T | null = null;
  _exception: BaseException | null = null;
  private readonly _callbacks: ((f: ConcurrentFuture<T>) => void)[] = [];

  done(): boolean {
    return this._done;
  }

  cancelled(): boolean {
    return this._cancelled;
  }

  result(_timeout: number | null = null): T {
    this._checkDone();
    if (this._cancelled) throw new ConcurrentCancelledError();
    if (this._exception !== null) throw this._exception;
    return this._result as T;
  }

  exception(_timeout: number | null = null): BaseException | null {
    this._checkDone();
    if (this._cancelled) throw new ConcurrentCancelledError();
    return this._exception;
  }

  addDoneCallback(fn: (f: ConcurrentFuture<T>) => void): void {
    if (this._done) fn(this);
    else this._callbacks.push(fn);
  }

  _complete(cancelled: boolean, result: T | null, exception: BaseException | null): void {
    this._done = true;
    this._cancelled = cancelled;
    this._result = result;
    this._exception = exception;
    for (const fn of this._callbacks.splice(0)) fn(this);
  }

  private _checkDone(): void {
    if (!this._done) throw new ConcurrentTimeoutError();
  }
}

/** concurrent.futures.CancelledError. */
export class ConcurrentCancelledError extends Exception {
  static __pyname__ = 'CancelledError';
  static override __module__ = 'concurrent.futures';
}

/** concurrent.futures.TimeoutError (the builtin TimeoutError's counterpart for a result not ready in time). */
export class ConcurrentTimeoutError extends Exception {
  static __pyname__ = 'TimeoutError';
  static override __module__ = 'concurrent.futures';
}

/**
 * asyncio.run_coroutine_threadsafe(coro, loop): submit `coro` to `loop` from another thread; the task is created
 * by a call_soon_threadsafe callback, and its outcome is copied to the returned concurrent future.
 */
export function runCoroutineThreadsafe<T>(coroutine: Coroutine<T>, loop: AbstractEventLoop): ConcurrentFuture<T> {
  if (!iscoroutine(coroutine)) throw new TypeError('A coroutine object is required');
  const future = new ConcurrentFuture<T>();
  (loop as ThreadsafeLoop).callSoonThreadsafe(startSubmitted, coroutine, loop, future);
  return future;
}

function startSubmitted<T>(coroutine: Coroutine<T>, loop: AbstractEventLoop, future: ConcurrentFuture<T>): void {
  let task: Future<T>;
  try {
    task = ensureFuture(coroutine, { loop });
  } catch (e) {
    future._complete(false, null, toPyException(e));
    throw e;
  }
  task.addDoneCallback((done: Future<T>) => {
    if (done.cancelled()) future._complete(true, null, null);
    else if (done.exception() !== null) future._complete(false, null, done.exception());
    else future._complete(false, done.result(), null);
  });
}
