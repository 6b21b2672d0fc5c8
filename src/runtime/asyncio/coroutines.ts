// Lazy coroutine objects and the await helper (Lib/asyncio/coroutines.py plus what CPython's coroutine type does).
//
// An `async def` becomes a native async function. Where Python creates a coroutine object without awaiting it,
// the emitted code calls `coro(fn, ...args)`: the arguments are evaluated now and the body runs only when the
// object is awaited (`aw(c)`) or wrapped in a task. Every `await` of something other than a direct call of an
// async function goes through `aw(x)`.

import { RuntimeError, TypeError } from '../builtins/exceptions.js';
import { callPython } from '../builtins/signature.js';
import { typeName } from '../builtins/type-name.js';
import { Future, PENDING } from './futures.js';
import { awaitForeignPromise, awaitFuture } from './tasks.js';
import { LinkedRegistry, type Linkable } from './linked-registry.js';
import { PyGenerator } from '../builtins/generators.js';

const CREATED = 0;
const RUNNING = 1;
const CLOSED = 2;

/** A Python coroutine object: a function and its arguments, run at most once. */
export class Coroutine<T = unknown> implements Linkable<Coroutine> {
  /** Python's name for the type (`type(c).__name__`). */
  static __pyname__ = 'coroutine';
  /** 0 created, 1 started and not finished, 2 finished or closed. */
  _state = CREATED;
  /** Links in the registry of coroutines not started yet. */
  _prevLink: Coroutine | null = null;
  _nextLink: Coroutine | null = null;
  /** The body's promise once started by `aw` (whose await does not mark the coroutine finished). */
  _promise: PromiseLike<T> | null = null;

  constructor(
    readonly _fn: (...args: any[]) => PromiseLike<T> | T,
    readonly _args: unknown[],
  ) {
    unstarted.add(this);
  }

  /** The coroutine's name (`__qualname__` when the translator set one, else the function's name). */
  get __qualname__(): string {
    const qualname = (this._fn as { __qualname__?: unknown }).__qualname__;
    if (typeof qualname === 'string') return qualname;
    const name = this._fn.name;
    return name.startsWith('bound ') ? name.slice(6) : name;
  }

  /**
   * Start the body once: a second start while it runs raises RuntimeError('coroutine is being awaited already'),
   * after it finished RuntimeError('cannot reuse already awaited coroutine').
   */
  _start(): PromiseLike<T> | T {
    if (this._state !== CREATED) {
      if (this._state === RUNNING && this._promise !== null) return reuseError(this._promise);
      throw new RuntimeError(
        this._state === RUNNING ? 'coroutine is being awaited already' : 'cannot reuse already awaited coroutine',
      );
    }
    this._state = RUNNING;
    unstarted.remove(this);
    return this._fn(...this._args);
  }

  /** Mark the coroutine finished (its body returned or raised). */
  _finish(): void {
    this._state = CLOSED;
  }

  /** Close the coroutine; closing one that never started runs nothing (coroutine.close()). */
  close(): void {
    if (this._state === CREATED) {
      this._state = CLOSED;
      unstarted.remove(this);
    }
  }

  /**
   * Where the coroutine's function was defined, `file:line`, when the translator recorded it on the function as
   * `__co_filename__` and `__co_firstlineno__` (Python's `co_filename`/`co_firstlineno`); else null.
   */
  get _definedAt(): string | null {
    const fn = this._fn as { __co_filename__?: unknown; __co_firstlineno__?: unknown };
    if (typeof fn.__co_filename__ !== 'string' || typeof fn.__co_firstlineno__ !== 'number') return null;
    return `${fn.__co_filename__}:${fn.__co_firstlineno__}`;
  }

  /**
   * base_tasks._task_repr_info's coroutine part: `work() running at file:line` / `work() done, defined at
   * file:line` (the line of a running coroutine is its definition line: the current line is not tracked).
   */
  _reprForTask(done: boolean): string {
    const where = this._definedAt;
    if (done)
      return where === null ? `${this.__qualname__}() done` : `${this.__qualname__}() done, defined at ${where}`;
    return where === null ? `${this.__qualname__}() running` : `${this.__qualname__}() running at ${where}`;
  }

  __repr__(): string {
    return `<coroutine object ${this.__qualname__}>`;
  }
}

// Coroutine objects not started (nor closed) yet, for the "was never awaited" RuntimeWarning. CPython warns when
// such an object is freed; here the loop reports the ones left when it closes (asyncio.run closes its loop).
const unstarted = new LinkedRegistry<Coroutine>();
// Default warning filters print a warning once per message and location (here always `sys:1`).
const warnedNames = new Set<string>();

/**
 * Warn on stderr about every coroutine object that was never awaited, started as a task or closed:
 * `sys:1: RuntimeWarning: coroutine 'work' was never awaited` (the source line is not known here).
 */
export function _warnNeverAwaited(): void {
  const forgotten = unstarted.drain();
  for (const c of forgotten) {
    c._state = CLOSED;
    const name = c.__qualname__;
    if (warnedNames.has(name)) continue;
    warnedNames.add(name);
    process.stderr.write(
      `sys:1: RuntimeWarning: coroutine '${name}' was never awaited\n` +
        'RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n',
    );
  }
}

/** Make a lazy coroutine object: `c = f(3)` in Python is `const c = coro(f, 3)`. */
export function coro<A extends unknown[], T>(fn: (...args: A) => PromiseLike<T> | T, ...args: A): Coroutine<T> {
  return new Coroutine<T>(fn as (...args: any[]) => PromiseLike<T> | T, args);
}

/**
 * `receiver.name(...args)` for a receiver whose class the translator could not see, where the call is not awaited at
 * once: a method that is a translated `async def` (a native async function) makes a lazy coroutine object, as the
 * Python call does, rather than starting its body now; any other method is called as it is.
 */
export function coroOrCall(receiver: any, name: string, ...args: unknown[]): any {
  const method: unknown = receiver[name];
  if (method instanceof AsyncFunction) return new Coroutine((method as Function).bind(receiver), args);
  return receiver[name](...args);
}

/**
 * `fn(...args)` for a function the translator could not classify (a decorated function), where the call is not
 * awaited at once: a native async function (what a decorator's `async def wrapper` is) makes a lazy coroutine
 * object, as the Python call does; anything else is called as it is.
 */
export function coroIfAsync(fn: any, ...args: unknown[]): any {
  if (fn instanceof AsyncFunction) return new Coroutine(fn as (...values: unknown[]) => unknown, args);
  return fn(...args);
}

/**
 * `callPython(fn, args, keywords)` (keywords bound at run time) where the call is not awaited at once: lazy, as
 * `coroIfAsync`, when `fn` is a native async function.
 */
export function callPythonOrCoro(fn: any, args: readonly unknown[], keywords?: Record<string, unknown>): any {
  if (!(fn instanceof AsyncFunction)) return callPython(fn, args, keywords);
  const call = (): unknown => callPython(fn, args, keywords);
  Object.defineProperty(call, 'name', { value: (fn as Function).name });
  return new Coroutine(call, []);
}

/**
 * asyncio.iscoroutine: true for coroutine objects, and for generator objects as in CPython 3.11 (generator-based
 * coroutines); not for tasks, futures, async generators or functions.
 */
export function iscoroutine(x: unknown): x is Coroutine {
  // 3.11 still counts generator objects (old generator-based coroutines): native ones and translated ones
  return (
    x instanceof Coroutine || Object.prototype.toString.call(x) === '[object Generator]' || x instanceof PyGenerator
  );
}

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as Function;

/**
 * asyncio.iscoroutinefunction: true for native async functions (bound ones too), functions the translator marked
 * with `_is_coroutine` (partials of an async def), and wrappers whose `__func__` is an async function.
 */
export function iscoroutinefunction(x: unknown): boolean {
  if (typeof x !== 'function') return false;
  if (x instanceof AsyncFunction) return true;
  if ((x as { _is_coroutine?: unknown })._is_coroutine === true) return true;
  // A wrapper the translator made around a method records the wrapped function as `__func__`.
  const target = (x as { __func__?: unknown }).__func__;
  return typeof target === 'function' && target instanceof AsyncFunction;
}

// A second await of a coroutine object started by `aw`: whether its first run ended decides CPython's message. `aw`
// does not watch the body's promise (a reaction per await of a coroutine object was measurable in as_completed
// loops), so the error is built after one microtask, once a reaction to a settled promise has had its turn; the
// await still raises it inside the same task step.
async function reuseError(promise: PromiseLike<unknown>): Promise<never> {
  let settled = false;
  const mark = (): void => {
    settled = true;
  };
  promise.then(mark, mark);
  await null;
  throw new RuntimeError(settled ? 'cannot reuse already awaited coroutine' : 'coroutine is being awaited already');
}

/**
 * The await helper: `await aw(x)` is Python's `await x` for a task, a future, a stored coroutine object or a
 * foreign promise. A done future gives its result (or raises) with no suspension; a pending one parks the current
 * task until it completes; a coroutine runs inline in the current task, as `await coro` delegates in Python.
 */
export function aw<T>(x: Future<T>): T | Promise<T>;
export function aw<T>(x: Coroutine<T>): T | PromiseLike<T>;
export function aw<T>(x: PromiseLike<T>): Promise<T>;
export function aw<T>(call: () => Future<T> | Coroutine<T> | PromiseLike<T>): T | Promise<T>;
export function aw(x: unknown): unknown;
export function aw(x: unknown): unknown {
  // `await obj.method()` with a callee the translator cannot classify is emitted as `aw(() => obj.method())`: the
  // call runs now, inside the current step; a promise it returns is a native async call (or a runtime primitive
  // parking the task), already running inline, so it is awaited as it is rather than as a foreign promise.
  if (typeof x === 'function') {
    const result: unknown = x();
    return isThenable(result) ? result : aw(result);
  }
  if (x instanceof Future) {
    if (x._state === PENDING) return awaitFuture(x);
    return x.result();
  }
  if (x instanceof Coroutine) {
    const started = x._start();
    if (isThenable(started)) x._promise = started;
    else x._finish();
    return started;
  }
  if (isThenable(x)) return awaitForeignPromise(x);
  throw new TypeError(`object ${typeName(x)} can't be used in 'await' expression`);
}

/** True for objects JS `await` would adopt (promises from outside the runtime). */
export function isThenable(x: unknown): x is PromiseLike<unknown> {
  return (
    (typeof x === 'object' || typeof x === 'function') &&
    x !== null &&
    typeof (x as PromiseLike<unknown>).then === 'function'
  );
}
