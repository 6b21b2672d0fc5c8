// The iterators of Python's itertools that end with their input (Modules/itertoolsmodule.c): accumulate, chain,
// compress, dropwhile, filterfalse, groupby, islice, pairwise, starmap, takewhile, tee, zip_longest. They are lazy
// (JS generators, which are Python iterators here) and check their arguments when called, as CPython does.

import { eq } from '../builtins/equality.js';
import { ValueError } from '../builtins/exceptions.js';
import { iter, iterable } from '../builtins/iteration.js';
import { add } from '../builtins/operators.js';
import { truthy } from '../builtins/truthiness.js';
import { tuple } from '../builtins/tuple.js';
import { isOptions, splitOptions } from '../collections/python-class.js';

type Binary<T> = (a: T, b: T) => T;

interface AccumulateOptions<T> {
  initial?: T | null;
}

/**
 * Python's `itertools.accumulate(iterable, func=operator.add, *, initial=None)`: running results, starting with
 * `initial` when it is given.
 */
export function accumulate<T>(items: Iterable<T>, ...rest: (Binary<T> | AccumulateOptions<T> | null)[]): Generator<T> {
  const [positional, options] = splitOptions<AccumulateOptions<T>>(rest);
  const func = (positional[0] as Binary<T> | null | undefined) ?? (add as Binary<T>);
  return accumulating(iter(items), func, options.initial ?? null);
}

function* accumulating<T>(iterator: Iterator<T>, func: Binary<T>, initial: T | null): Generator<T> {
  let total = initial;
  let started = initial !== null;
  if (started) yield total as T;
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    total = started ? func(total as T, step.value) : step.value;
    started = true;
    yield total as T;
  }
}

/** Python's `itertools.chain(*iterables)`: the items of each iterable in turn (of any types, as in Python). */
export const chain = Object.assign(
  function chain(...iterables: Iterable<any>[]): Generator<any> {
    return chaining(iterables);
  },
  {
    /** Python's `itertools.chain.from_iterable(iterables)`: chain over a lazily read iterable of iterables. */
    fromIterable<T>(iterables: Iterable<Iterable<T>>): Generator<T> {
      return chaining(iterables);
    },
  },
);

function* chaining<T>(iterables: Iterable<Iterable<T>>): Generator<T> {
  for (const items of iterable(iterables)) yield* iterable(items);
}

/** Python's `itertools.compress(data, selectors)`: the items whose selector is true. */
export function* compress<T>(data: Iterable<T>, selectors: Iterable<unknown>): Generator<T> {
  const items = iter(data);
  const flags = iter(selectors);
  for (;;) {
    const item = items.next();
    const flag = flags.next();
    if (item.done || flag.done) return;
    if (truthy(flag.value)) yield item.value;
  }
}

/** Python's `itertools.dropwhile(predicate, iterable)`: the items from the first one the predicate rejects. */
export function dropwhile<T>(predicate: (item: T) => unknown, items: Iterable<T>): Generator<T> {
  return dropping(predicate, iter(items));
}

function* dropping<T>(predicate: (item: T) => unknown, iterator: Iterator<T>): Generator<T> {
  let dropping = true;
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    if (dropping && truthy(predicate(step.value))) continue;
    dropping = false;
    yield step.value;
  }
}

/** Python's `itertools.takewhile(predicate, iterable)`: the items before the first one the predicate rejects. */
export function takewhile<T>(predicate: (item: T) => unknown, items: Iterable<T>): Generator<T> {
  return taking(predicate, iter(items));
}

function* taking<T>(predicate: (item: T) => unknown, iterator: Iterator<T>): Generator<T> {
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    if (!truthy(predicate(step.value))) return;
    yield step.value;
  }
}

/** Python's `itertools.filterfalse(predicate, iterable)`: the items the predicate (or truthiness, for None) rejects. */
export function filterfalse<T>(predicate: ((item: T) => unknown) | null, items: Iterable<T>): Generator<T> {
  return filteringFalse(predicate, iter(items));
}

function* filteringFalse<T>(predicate: ((item: T) => unknown) | null, iterator: Iterator<T>): Generator<T> {
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    if (!truthy(predicate === null ? step.value : predicate(step.value))) yield step.value;
  }
}

/** Python's `itertools.starmap(function, iterable)`: `function(*args)` for each args tuple. */
export function starmap<R>(fn: (...args: any[]) => R, items: Iterable<Iterable<unknown>>): Generator<R> {
  return starmapping(fn, iter(items));
}

function* starmapping<R>(fn: (...args: any[]) => R, iterator: Iterator<Iterable<unknown>>): Generator<R> {
  for (let step = iterator.next(); !step.done; step = iterator.next()) yield fn(...iterable(step.value));
}

/** Python's `itertools.pairwise(iterable)`: overlapping pairs of consecutive items. */
export function pairwise<T>(items: Iterable<T>): Generator<readonly [T, T]> {
  return pairing(iter(items));
}

function* pairing<T>(iterator: Iterator<T>): Generator<readonly [T, T]> {
  let previous = iterator.next();
  if (previous.done) return;
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    yield tuple(previous.value, step.value) as readonly [T, T];
    previous = step;
  }
}

interface ZipLongestOptions {
  fillvalue?: unknown;
}

/** Python's `itertools.zip_longest(*iterables, fillvalue=None)`: tuples until the longest iterable ends. */
export function zipLongest(...args: unknown[]): Generator<readonly unknown[]> {
  const [iterables, options] = splitOptions<ZipLongestOptions>(args);
  return zippingLongest(
    iterables.map((items) => iter(items as Iterable<unknown>)),
    options.fillvalue ?? null,
  );
}

function* zippingLongest(iterators: Iterator<unknown>[], fillvalue: unknown): Generator<readonly unknown[]> {
  if (iterators.length === 0) return;
  const done = iterators.map(() => false);
  let active = iterators.length;
  for (;;) {
    const row = iterators.map((iterator, i) => {
      if (done[i]) return fillvalue;
      const step = iterator.next();
      if (!step.done) return step.value;
      done[i] = true;
      active--;
      return fillvalue;
    });
    if (active === 0) return;
    yield tuple(...row);
  }
}

const MAXSIZE = Number.MAX_SAFE_INTEGER;

/**
 * Python's `itertools.islice(iterable, stop)` / `islice(iterable, start, stop[, step])`. It reads the input only as
 * far as it needs: after the last item it yields, it skips to `stop` at most (Modules/itertoolsmodule.c islice_next).
 */
export function islice<T>(items: Iterable<T>, ...bounds: (number | null)[]): Generator<T> {
  const [start, stop, step] = bounds.length === 1 ? [null, bounds[0], null] : [bounds[0], bounds[1], bounds[2]];
  const valid = (x: unknown): boolean =>
    x === null || x === undefined || (typeof x === 'number' && Number.isInteger(x) && x >= 0);
  if (!valid(stop))
    throw new ValueError('Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.');
  if (!valid(start)) throw new ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.');
  if (!(step === null || step === undefined || (typeof step === 'number' && Number.isInteger(step) && step >= 1))) {
    throw new ValueError('Step for islice() must be a positive integer or None.');
  }
  return slicing(iter(items), start ?? 0, stop ?? MAXSIZE, step ?? 1);
}

function* slicing<T>(iterator: Iterator<T>, start: number, stop: number, step: number): Generator<T> {
  let consumed = 0;
  let next = start;
  for (;;) {
    for (; consumed < next; consumed++) if (iterator.next().done) return;
    if (consumed >= stop) return;
    const item = iterator.next();
    if (item.done) return;
    consumed++;
    next = Math.min(next + step, stop);
    yield item.value;
  }
}

/** Python's `itertools.tee(iterable, n=2)`: a tuple of n independent iterators over the same items. */
export function tee<T>(items: Iterable<T>, n = 2): readonly Generator<T>[] {
  if (n < 0) throw new ValueError('n must be >= 0');
  const source = iter(items);
  const queues: T[][] = Array.from({ length: n }, () => []);
  const teeing = function* (queue: T[]): Generator<T> {
    for (;;) {
      if (queue.length === 0) {
        const step = source.next();
        if (step.done) return;
        for (const q of queues) q.push(step.value);
      }
      yield queue.shift() as T;
    }
  };
  return tuple(...queues.map((queue) => teeing(queue)));
}

interface GroupbyOptions<T> {
  key?: ((item: T) => unknown) | null;
}

/**
 * Python's `itertools.groupby(iterable, key=None)`: `(key, group)` pairs for runs of consecutive items with equal
 * keys. Advancing the outer iterator ends the previous group (Lib's documented pure-Python equivalent).
 */
export function groupby<T>(items: Iterable<T>, key?: ((item: T) => unknown) | GroupbyOptions<T> | null): Groupby<T> {
  const keyFunc = isOptions(key) ? (key as GroupbyOptions<T>).key : (key as ((item: T) => unknown) | null | undefined);
  return new Groupby(iter(items), keyFunc ?? ((item: T) => item));
}

const UNSET = Symbol('unset');

/** The iterator `groupby` returns. */
export class Groupby<T> implements IterableIterator<readonly [unknown, Generator<T>]> {
  static readonly __pyname__ = 'groupby';
  private targetKey: unknown = UNSET;
  private currentKey: unknown = UNSET;
  private currentValue: T | undefined;
  // A fresh token per outer step: a group whose token is stale yields nothing more.
  private token = {};

  constructor(
    private readonly iterator: Iterator<T>,
    private readonly keyFunc: (item: T) => unknown,
  ) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<readonly [unknown, Generator<T>]> {
    this.token = {};
    while (this.sameKey()) {
      const step = this.iterator.next();
      if (step.done) return { done: true, value: undefined };
      this.currentValue = step.value;
      this.currentKey = this.keyFunc(step.value);
    }
    this.targetKey = this.currentKey;
    return { done: false, value: tuple(this.currentKey, this.grouper(this.targetKey, this.token)) };
  }

  private sameKey(): boolean {
    if (this.currentKey === this.targetKey) return true;
    return this.currentKey !== UNSET && this.targetKey !== UNSET && eq(this.currentKey, this.targetKey);
  }

  private *grouper(target: unknown, token: object): Generator<T> {
    while (this.token === token && eq(this.currentKey, target)) {
      yield this.currentValue as T;
      const step = this.iterator.next();
      // At the end of the source the keys stay equal, so the outer iterator reads the end again and stops too.
      if (step.done) return;
      this.currentValue = step.value;
      this.currentKey = this.keyFunc(step.value);
    }
  }
}
