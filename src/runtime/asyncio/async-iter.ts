// Async iteration: `async for` (aiter), anext(), and Python async generator objects over native JS async generators.
//
// An `async def` with `yield` is emitted as `const f = asyncGenerator(async function* f(...) {...})`; calling `f`
// gives a PyAsyncGenerator wrapping the JS generator. Its body runs inside the awaiting task's step, as Python's
// does: `yield` hands a value to the consumer without suspending the task; only the body's own awaits do.
// Generators register with the running loop when first iterated, so `asyncio.run`'s shutdown closes the ones
// still suspended (BaseEventLoop.shutdown_asyncgens).

import {
  BaseException,
  Exception,
  GeneratorExit,
  RuntimeError,
  StopAsyncIteration,
  TypeError,
} from '../builtins/exceptions.js';
import { addressOf } from '../builtins/identity.js';
import { repr } from '../builtins/repr.js';
import { typeName } from '../builtins/type-name.js';
import { aw, Coroutine, isThenable } from './coroutines.js';
import { _getRunningLoop, AbstractEventLoop, exceptionContext } from './events.js';
import { Future } from './futures.js';
import { gather, TaskLoop } from './tasks.js';

/** The live async generators of each loop (BaseEventLoop._asyncgens, a WeakSet in CPython). */
const asyncgensByLoop = new WeakMap<AbstractEventLoop, Set<PyAsyncGenerator>>();

/**
 * A Python async generator object: `__anext__()`, `asend(v)`, `athrow(exc)` and `aclose()` return awaitables
 * (lazy coroutine objects, so `await aw(g.asend(1))` runs inline), and `async for` iterates it.
 */
export class PyAsyncGenerator<Y = unknown> {
  static __pyname__ = 'async_generator';
  /** True once it was first iterated (and registered with the loop). */
  _hooked = false;
  /** True once exhausted, closed, or ended by an exception. */
  _finished = false;

  constructor(
    readonly _gen: AsyncGenerator<Y, unknown, unknown>,
    readonly __qualname__: string,
  ) {}

  __aiter__(): this {
    return this;
  }

  /** An awaitable giving the next value, or raising StopAsyncIteration when the generator is exhausted. */
  __anext__(): Coroutine<Y> {
    return new Coroutine(asyncGenAsend, [this, null]) as Coroutine<Y>;
  }

  /** An awaitable that sends `value` to the paused `yield` and gives the next value. */
  asend(value: unknown): Coroutine<Y> {
    return new Coroutine(asyncGenAsend, [this, value]) as Coroutine<Y>;
  }

  /**
   * An awaitable that raises `exc` at the paused `yield`: gives the next value if the generator catches it and
   * yields again, raises StopAsyncIteration if it returns, and the exception itself if it escapes.
   */
  athrow(exc: unknown): Coroutine<Y> {
    return new Coroutine(asyncGenAthrow, [this, exc]) as Coroutine<Y>;
  }

  /**
   * An awaitable that closes the generator: GeneratorExit is raised at the paused `yield` and its except/finally
   * blocks run (and may await). RuntimeError('async generator ignored GeneratorExit') if it yields again.
   */
  aclose(): Coroutine<null> {
    return new Coroutine(asyncGenAclose, [this]);
  }

  [Symbol.asyncIterator](): AsyncIterator<Y> {
    return new AsyncGenIteration(this);
  }

  __repr__(): string {
    return `<async_generator object ${this.__qualname__} at ${addressOf(this)}>`;
  }

  // sys.set_asyncgen_hooks' firstiter (BaseEventLoop._asyncgen_firstiter_hook): the running loop tracks it.
  _firstIter(): void {
    this._hooked = true;
    const loop = _getRunningLoop();
    if (loop === null) return;
    let live = asyncgensByLoop.get(loop);
    if (live === undefined) asyncgensByLoop.set(loop, (live = new Set()));
    live.add(this as PyAsyncGenerator);
  }

  _markFinished(): void {
    this._finished = true;
    const loop = _getRunningLoop();
    if (loop !== null) asyncgensByLoop.get(loop)?.delete(this as PyAsyncGenerator);
  }

  // One resumption of the JS generator with Python's outcome: the yielded value, or StopAsyncIteration at the end;
  // an exception escaping the body finishes the generator.
  async _resume(step: Promise<IteratorResult<Y, unknown>>): Promise<Y> {
    let result: IteratorResult<Y, unknown>;
    try {
      result = await step;
    } catch (e) {
      this._markFinished();
      // PEP 479 for async generators: a StopAsyncIteration escaping the body becomes a RuntimeError.
      if (isStopAsyncIteration(e)) {
        const replaced = new RuntimeError('async generator raised StopAsyncIteration');
        replaced.__cause__ = e instanceof BaseException ? e : new StopAsyncIteration();
        throw replaced;
      }
      throw e;
    }
    if (result.done) {
      this._markFinished();
      throw new StopAsyncIteration();
    }
    return result.value;
  }
}

// async_generator_asend: resume the generator with `value` (None for __anext__).
function asyncGenAsend<Y>(agen: PyAsyncGenerator<Y>, value: unknown): Promise<Y> {
  if (!agen._hooked) {
    if (value !== null && value !== undefined) {
      return Promise.reject(new TypeError("can't send non-None value to a just-started async generator"));
    }
    agen._firstIter();
  }
  return agen._resume(agen._gen.next(value));
}

// async_generator_athrow with an exception: raise it at the paused yield.
function asyncGenAthrow<Y>(agen: PyAsyncGenerator<Y>, exc: unknown): Promise<Y> {
  if (!agen._hooked) agen._firstIter();
  return agen._resume(agen._gen.throw(instantiate(exc)));
}

// async_generator_athrow for aclose(): GeneratorExit in, and it must not come back as a yield.
async function asyncGenAclose(agen: PyAsyncGenerator): Promise<null> {
  if (agen._finished) return null;
  if (!agen._hooked) agen._firstIter();
  let result: IteratorResult<unknown, unknown>;
  try {
    result = await agen._gen.throw(new GeneratorExit());
  } catch (e) {
    agen._markFinished();
    if (e instanceof GeneratorExit || isStopAsyncIteration(e)) return null;
    throw e;
  }
  if (result.done) {
    agen._markFinished();
    return null;
  }
  throw new RuntimeError('async generator ignored GeneratorExit');
}

// `raise StopAsyncIteration` may be emitted as throwing the class itself.
function isStopAsyncIteration(e: unknown): boolean {
  return e instanceof StopAsyncIteration || e === StopAsyncIteration;
}

// athrow(SomeError) with a class raises an instance of it.
function instantiate(exc: unknown): unknown {
  if (typeof exc === 'function' && exc.prototype instanceof BaseException) {
    return new (exc as new () => BaseException)();
  }
  return exc;
}

/**
 * `asyncGenerator(async function* f(...) {...})`: the async generator function `f` as Python has it: each call
 * gives a PyAsyncGenerator. `this` is passed through, so it also wraps methods.
 */
export function asyncGenerator<A extends unknown[], Y>(
  fn: (...args: A) => AsyncGenerator<Y, unknown, unknown>,
): (...args: A) => PyAsyncGenerator<Y> {
  const name = (fn as { __qualname__?: unknown }).__qualname__;
  const qualname = typeof name === 'string' ? name : fn.name || '<genexpr>';
  const wrapper = function (this: unknown, ...args: A): PyAsyncGenerator<Y> {
    return new PyAsyncGenerator(fn.apply(this, args), qualname);
  };
  Object.defineProperty(wrapper, 'name', { value: fn.name });
  return wrapper;
}

// ---------------------------------------------------------------------------------------------------------------
// `async for`

/**
 * One `for await` loop over a PyAsyncGenerator. Leaving the loop early (break, return, an exception) does not
 * close the generator: CPython closes an abandoned generator when it is freed, through the loop's finalizer hook
 * (`call_soon_threadsafe(loop.create_task, agen.aclose())`), so its finally runs a few iterations later. A
 * generator created for this loop (`async for x in gen():`) is taken to be abandoned then; one iterated before
 * may still be referenced and is left open.
 */
class AsyncGenIteration<Y> implements AsyncIterator<Y> {
  private readonly _fresh: boolean;

  constructor(private readonly _agen: PyAsyncGenerator<Y>) {
    this._fresh = !_agen._hooked;
  }

  async next(): Promise<IteratorResult<Y>> {
    const agen = this._agen;
    if (!agen._hooked) agen._firstIter();
    try {
      return { done: false, value: await agen._resume(agen._gen.next(null)) };
    } catch (e) {
      if (e instanceof StopAsyncIteration) return { done: true, value: undefined };
      throw e;
    }
  }

  async return(): Promise<IteratorResult<Y>> {
    const agen = this._agen;
    if (this._fresh && !agen._finished) finalizeAbandoned(agen);
    return { done: true, value: undefined };
  }
}

// BaseEventLoop._asyncgen_finalizer_hook.
function finalizeAbandoned(agen: PyAsyncGenerator): void {
  const loop = _getRunningLoop() as
    (TaskLoop & { callSoonThreadsafe(cb: Function, ...args: unknown[]): unknown }) | null;
  if (loop === null) return;
  asyncgensByLoop.get(loop)?.delete(agen);
  if (!loop.isClosed()) loop.callSoonThreadsafe(createTaskOn, loop, agen.aclose());
}

function createTaskOn(loop: TaskLoop, coro: Coroutine): void {
  loop.createTask(coro);
}

/** `async for` over an object with `__aiter__`/`__anext__` (a class-based async iterator). */
class PythonAsyncIteration implements AsyncIterator<unknown> {
  constructor(private readonly _it: { __anext__(): unknown }) {}

  async next(): Promise<IteratorResult<unknown>> {
    const awaitable = this._it.__anext__();
    try {
      let value: unknown;
      if (awaitable instanceof Coroutine || awaitable instanceof Future) value = await aw(awaitable);
      else if (isThenable(awaitable)) value = await awaitable;
      else throw new TypeError(`'async for' received an invalid object from __anext__: ${typeName(awaitable)}`);
      return { done: false, value };
    } catch (e) {
      if (isStopAsyncIteration(e)) return { done: true, value: undefined };
      throw e;
    }
  }
}

// The shared [Symbol.asyncIterator] installed on classes that define __anext__, so `for await` can use them.
function iteratePythonAsyncIterator(this: { __anext__(): unknown }): AsyncIterator<unknown> {
  return new PythonAsyncIteration(this);
}

function hasMethod(x: unknown, name: string): boolean {
  return (
    (typeof x === 'object' || typeof x === 'function') &&
    x !== null &&
    typeof (x as Record<string, unknown>)[name] === 'function'
  );
}

/**
 * `async for x in obj` is `for await (const x of aiter(obj))`; also Python's `aiter(obj)`. Objects with
 * `__aiter__` are asked for their iterator (which must have `__anext__`); native JS async iterables pass through.
 * Anything else: TypeError("'async for' requires an object with __aiter__ method, got list").
 */
export function aiter<T>(obj: AsyncIterable<T>): AsyncIterable<T>;
export function aiter(obj: unknown): AsyncIterable<unknown>;
export function aiter(obj: unknown): AsyncIterable<unknown> {
  if (obj instanceof PyAsyncGenerator) return obj;
  if (hasMethod(obj, '__aiter__')) {
    const it: unknown = (obj as { __aiter__(): unknown }).__aiter__();
    if (it instanceof PyAsyncGenerator) return it;
    if (!hasMethod(it, '__anext__')) {
      throw new TypeError(
        `'async for' received an object from __aiter__ that does not implement __anext__: ${typeName(it)}`,
      );
    }
    if (!hasMethod(it, Symbol.asyncIterator as unknown as string)) {
      // Python's aiter(it) is `it.__aiter__()` itself: teach its class the JS protocol rather than wrap it.
      // On the class, once; a plain object (whose prototype every object shares) gets it as its own property.
      const proto: unknown = Object.getPrototypeOf(it);
      const holder = proto === Object.prototype || proto === null ? it : proto;
      Object.defineProperty(holder, Symbol.asyncIterator, {
        value: iteratePythonAsyncIterator,
        configurable: true,
        writable: true,
      });
    }
    return it as AsyncIterable<unknown>;
  }
  if (hasMethod(obj, Symbol.asyncIterator as unknown as string)) return obj as AsyncIterable<unknown>;
  throw new TypeError(`'async for' requires an object with __aiter__ method, got ${typeName(obj)}`);
}

/**
 * Python's `anext(it[, default])`: a lazy awaitable giving `it`'s next value; with a default, exhaustion gives the
 * default instead of raising StopAsyncIteration.
 */
export function anext<T>(it: unknown, ...fallback: [T?]): Coroutine<unknown> {
  if (!hasMethod(it, '__anext__')) throw new TypeError(`'${typeName(it)}' object is not an async iterator`);
  return new Coroutine(anextWithDefault, [it, fallback.length > 0, fallback[0]]);
}

async function anextWithDefault(
  it: { __anext__(): unknown },
  hasDefault: boolean,
  fallback: unknown,
): Promise<unknown> {
  try {
    return await aw(it.__anext__());
  } catch (e) {
    if (hasDefault && isStopAsyncIteration(e)) return fallback;
    throw e;
  }
}

/**
 * BaseEventLoop.shutdown_asyncgens: close every async generator of `loop` still suspended, all at once (one task
 * per `aclose()`, through gather), reporting errors to the loop's exception handler.
 */
export async function _shutdownAsyncgens(loop: TaskLoop): Promise<void> {
  const live = asyncgensByLoop.get(loop);
  if (live === undefined || live.size === 0) return;
  const closing = [...live];
  live.clear();
  const results = (await aw(gather(...closing.map((agen) => agen.aclose()), { returnExceptions: true }))) as unknown[];
  results.forEach((result, i) => {
    if (result instanceof Exception) {
      loop.callExceptionHandler(
        exceptionContext({
          message: `an error occurred during closing of asynchronous generator ${repr(closing[i])}`,
          exception: result,
          asyncgen: closing[i],
        }),
      );
    }
  });
}
