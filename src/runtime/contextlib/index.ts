// pyts/runtime/contextlib: Python's `contextlib` for translated code (the generator-based context managers,
// suppress and nullcontext), after Lib/contextlib.py.

import { BaseException, RuntimeError, StopAsyncIteration, StopIteration } from '../builtins/exceptions.js';
import { aw } from '../asyncio/coroutines.js';
import { callableClass } from '../collections/python-class.js';
import { anext, PyAsyncGenerator } from '../asyncio/async-iter.js';

// `raise StopAsyncIteration` may reach us as the class itself.
function isStopAsyncIteration(e: unknown): boolean {
  return e instanceof StopAsyncIteration || e === StopAsyncIteration;
}

/** The value an `__aexit__`/`__exit__` got for the exception: the instance, or one made from the class. */
function exceptionValue(type: unknown, value: unknown): BaseException {
  if (value !== null && value !== undefined) return value as BaseException;
  return new (type as new () => BaseException)();
}

/**
 * The object `@asynccontextmanager` functions return (contextlib._AsyncGeneratorContextManager): entering runs the
 * generator to its `yield` (whose value the `as` target gets); a clean exit resumes it, and an exception in the
 * block is thrown in at the `yield`, where catching it suppresses it.
 */
export class _AsyncGeneratorContextManager<Y> {
  static __module__ = 'contextlib';

  constructor(readonly gen: PyAsyncGenerator<Y>) {}

  async __aenter__(): Promise<Y> {
    try {
      return (await aw(anext(this.gen))) as Y;
    } catch (e) {
      if (isStopAsyncIteration(e)) throw new RuntimeError("generator didn't yield").withCause(null);
      throw e;
    }
  }

  async __aexit__(type: unknown, value: unknown, _tb: unknown): Promise<boolean> {
    if (type === null || type === undefined) {
      try {
        await aw(anext(this.gen));
      } catch (e) {
        if (isStopAsyncIteration(e)) return false;
        throw e;
      }
      throw new RuntimeError("generator didn't stop");
    }
    const exc = exceptionValue(type, value);
    try {
      await aw(this.gen.athrow(exc));
    } catch (e) {
      // The generator suppressed the exception by returning (StopAsyncIteration), or let it (or another) escape.
      if (isStopAsyncIteration(e)) return e !== exc;
      if (e === exc) return false;
      if (
        e instanceof RuntimeError &&
        (exc instanceof StopIteration || exc instanceof StopAsyncIteration) &&
        e.__cause__ === exc
      ) {
        return false;
      }
      throw e;
    }
    throw new RuntimeError("generator didn't stop after athrow()");
  }
}

/**
 * `@contextlib.asynccontextmanager` over `asyncGenerator(async function* ...)`: a function whose calls give async
 * context managers driven by the generator.
 */
export function asynccontextmanager<A extends unknown[], Y>(
  fn: (...args: A) => PyAsyncGenerator<Y>,
): (...args: A) => _AsyncGeneratorContextManager<Y> {
  return function (this: unknown, ...args: A): _AsyncGeneratorContextManager<Y> {
    return new _AsyncGeneratorContextManager(fn.apply(this, args));
  };
}

/** A native generator or a Python generator object (PyGenerator): both give the JS protocol when iterated. */
type GeneratorObject<Y> = { [Symbol.iterator](): Generator<Y, unknown, any> };

/** The object `@contextmanager` functions return (contextlib._GeneratorContextManager), over a JS generator. */
export class _GeneratorContextManager<Y> {
  static __module__ = 'contextlib';

  // The JS protocol view: a translated generator function makes a Python generator object (PyGenerator), whose
  // own `throw` follows Python (StopIteration when the generator returns) where this class needs `{ done }`.
  private readonly steps: Generator<Y, unknown, unknown>;

  constructor(readonly gen: GeneratorObject<Y>) {
    this.steps = gen[Symbol.iterator]();
  }

  __enter__(): Y {
    const step = this.steps.next();
    if (step.done) throw new RuntimeError("generator didn't yield").withCause(null);
    return step.value;
  }

  __exit__(type: unknown, value: unknown, _tb: unknown): boolean {
    if (type === null || type === undefined) {
      if (this.steps.next().done) return false;
      throw new RuntimeError("generator didn't stop");
    }
    const exc = exceptionValue(type, value);
    let step: IteratorResult<Y, unknown>;
    try {
      step = this.steps.throw(exc);
    } catch (e) {
      if (e === exc) return false;
      if (e instanceof RuntimeError && exc instanceof StopIteration && e.__cause__ === exc) return false;
      throw e;
    }
    // The generator returned after catching the exception: it is suppressed.
    if (step.done) return true;
    throw new RuntimeError("generator didn't stop after throw()");
  }
}

/** `@contextlib.contextmanager` over a generator function (`function*`). */
export function contextmanager<A extends unknown[], Y>(
  fn: (...args: A) => GeneratorObject<Y>,
): (...args: A) => _GeneratorContextManager<Y> {
  return function (this: unknown, ...args: A): _GeneratorContextManager<Y> {
    return new _GeneratorContextManager(fn.apply(this, args));
  };
}

/** `contextlib.suppress(*exceptions)`: a context manager that swallows the listed exception classes. */
class SuppressClass {
  private readonly _exceptions: Function[];

  constructor(...exceptions: Function[]) {
    this._exceptions = exceptions;
  }

  __enter__(): null {
    return null;
  }

  __exit__(type: unknown, value: unknown, _tb: unknown): boolean {
    if (type === null || type === undefined) return false;
    return this._exceptions.some((cls) => value instanceof cls);
  }

  async __aenter__(): Promise<null> {
    return null;
  }

  async __aexit__(type: unknown, value: unknown, tb: unknown): Promise<boolean> {
    return this.__exit__(type, value, tb);
  }
}

/** `contextlib.nullcontext(enter_result=None)`: a context manager that does nothing. */
class NullContextClass<T = null> {

  constructor(readonly enterResult: T = null as T) {}

  __enter__(): T {
    return this.enterResult;
  }

  __exit__(_type: unknown, _value: unknown, _tb: unknown): null {
    return null;
  }

  async __aenter__(): Promise<T> {
    return this.enterResult;
  }

  async __aexit__(_type: unknown, _value: unknown, _tb: unknown): Promise<null> {
    return null;
  }
}

// Python calls these classes (`suppress(KeyError)`, `nullcontext()`), so they are callable without `new`.
export const suppress = callableClass(SuppressClass, 'contextlib.suppress');
export type suppress = SuppressClass;
export const nullcontext = callableClass(NullContextClass, 'contextlib.nullcontext');
export type nullcontext<T = null> = NullContextClass<T>;
