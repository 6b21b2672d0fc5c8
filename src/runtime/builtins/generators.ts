// Python generator objects over native JS generators. A translated generator function is wrapped with
// `generator(function* f() {…})`, so its calls return a PyGenerator: iterable like the JS generator it wraps, and
// with Python's `send`, `throw` and `close` (CPython's genobject.c semantics for the cases a program can observe).
import { GeneratorExit, RuntimeError, StopIteration, TypeError } from './exceptions.js';
import { addressOf } from './identity.js';
import { guardStopIteration } from './pep479.js';

export class PyGenerator<T = unknown, R = unknown, S = unknown> {
  static readonly __pyname__ = 'generator';
  private started = false;
  private finished = false;

  constructor(
    private readonly inner: Generator<T, R, S>,
    private readonly name: string,
  ) {}

  /** JS iteration protocol. A `for…of` that stops early calls `return()`; Python leaves the generator suspended
   *  (it is closed when collected), so `return` does not close it. */
  next(...value: [] | [S]): IteratorResult<T, R> {
    this.started = true;
    try {
      const r = this.inner.next(...(value as [S]));
      if (r.done) this.finished = true;
      return r;
    } catch (error) {
      this.finished = true;
      throw guardStopIteration(error, 'generator');
    }
  }

  return(value?: R): IteratorResult<T, R> {
    return { done: true, value: value as R };
  }

  /** The JS protocol view (`for…of`, `yield*`): JS-style `throw`, and a `return` that leaves it suspended. */
  [Symbol.iterator](): Generator<T, R, S> {
    const self = this;
    const view = {
      next: (...value: [] | [S]) => self.next(...value),
      throw: (e: unknown) => {
        self.started = true;
        const r = self.inner.throw(e);
        if (r.done) self.finished = true;
        return r;
      },
      return: (value: R) => self.return(value),
      [Symbol.iterator]() {
        return view;
      },
    };
    return view as unknown as Generator<T, R, S>;
  }

  /** Python's `gen.send(value)`: the next yielded value, or StopIteration carrying the return value. */
  send(value: S): T {
    if (!this.started && value !== null && value !== undefined) {
      throw new TypeError("can't send non-None value to a just-started generator");
    }
    return this.unwrap(this.next(value));
  }

  /** Python's `gen.throw(exc)`: raise `exc` at the suspended `yield`. */
  throw(exc: unknown): T {
    this.started = true;
    const r = this.inner.throw(exc);
    if (r.done) this.finished = true;
    return this.unwrap(r);
  }

  /** Python's `gen.close()`: GeneratorExit at the suspended `yield`; a generator that yields again is an error. */
  close(): void {
    if (this.finished) return;
    if (!this.started) {
      this.finished = true;
      this.inner.return(undefined as R);
      return;
    }
    try {
      const r = this.inner.throw(new GeneratorExit());
      if (!r.done) throw new RuntimeError('generator ignored GeneratorExit');
    } catch (e) {
      if (!(e instanceof GeneratorExit) && !(e instanceof StopIteration)) throw e;
    } finally {
      this.finished = true;
    }
  }

  __next__(): T {
    return this.unwrap(this.next());
  }

  __iter__(): this {
    return this;
  }

  __repr__(): string {
    return `<generator object ${this.name} at ${addressOf(this)}>`;
  }

  private unwrap(r: IteratorResult<T, R>): T {
    if (r.done) throw new StopIteration(...(r.value === undefined || r.value === null ? [] : [r.value]));
    return r.value;
  }
}

/** Wrap a generator function so its calls make Python generator objects. */
export function generator<A extends unknown[], T, R>(fn: (...args: A) => Generator<T, R, any>): (...args: A) => PyGenerator<T, R, any> {
  const qualname = fn.name;
  return function (this: unknown, ...args: A) {
    return new PyGenerator(fn.apply(this, args), qualname);
  };
}
