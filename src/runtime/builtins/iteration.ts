// Python's iteration builtins (Python/bltinmodule.c): iter, next, enumerate, zip, reversed, sorted, min, max,
// sum, any, all, map, filter. Python iterators are JS iterators; a for loop over a runtime value is a `for…of`.

import {
  DictReverseKeyIterator, EnumerateIterator, FilterIterator, ListReverseIterator, MapIterator, ReversedIterator,
  ZipIterator,
} from './builtin-iterators.js';
import { addInt } from './arithmetic.js';
import { add } from './operators.js';
import { asFloat } from './py-float.js';
import { PyDict } from './dict.js';
import { StopIteration, TypeError, ValueError } from './exceptions.js';
import { isKw } from './kw.js';
import { compare, gt, lt } from './ordering.js';
import { PyRange } from './range.js';
import { truthy } from './truthiness.js';
import { isTuple, tuple } from './tuple.js';
import { typeName } from './type-name.js';

/** Python's `iter(x)`: the iterator of an iterable; `TypeError: 'int' object is not iterable` otherwise. */
export function iter<T>(x: Iterable<T>): Iterator<T> {
  if (typeof x === 'string' || (typeof x === 'object' && x !== null && Symbol.iterator in x)) {
    return (x as Iterable<T>)[Symbol.iterator]();
  }
  const dunder = (x as { __iter__?: () => Iterator<T> } | null)?.__iter__;
  if (typeof dunder === 'function') return dunder.call(x);
  throw new TypeError(`'${typeName(x)}' object is not iterable`);
}

/** `x` itself when it is iterable (or an iterable over its `__iter__`); `TypeError` as `iter(x)` raises otherwise. */
export function iterable<T>(x: Iterable<T>): Iterable<T> {
  if (typeof x === 'string' || (typeof x === 'object' && x !== null && Symbol.iterator in x)) return x;
  const iterator = iter<T>(x as Iterable<T>);
  return { [Symbol.iterator]: () => iterator };
}

/** Python's `next(iterator[, default])`: raises StopIteration when exhausted and no default is given. */
// typed by `next()` alone: a generator with a `return` value (or one accepting `send`) is an iterator all the same
export function next<T, D = never>(
  iterator: { next(): IteratorResult<T, unknown> } | { __next__(): T },
  ...defaultValue: [D?]
): T | D {
  const dunder = (iterator as { __next__?: unknown } | null)?.__next__;
  if (typeof dunder === 'function' && typeof (iterator as { next?: unknown }).next !== 'function') {
    // an iterator class of the program (`def __next__`)
    try {
      return dunder.call(iterator) as T;
    } catch (error) {
      if (error instanceof StopIteration && defaultValue.length > 0) return defaultValue[0] as D;
      throw error;
    }
  }
  if (typeof (iterator as { next?: unknown })?.next !== 'function') {
    throw new TypeError(`'${typeName(iterator)}' object is not an iterator`);
  }
  const step = (iterator as Iterator<T>).next();
  if (!step.done) return step.value;
  if (defaultValue.length > 0) return defaultValue[0] as D;
  // a generator's `return x` travels as the StopIteration's value (`return None` as none at all)
  throw new StopIteration(...(step.value === undefined || step.value === null ? [] : [step.value]));
}

/** Python's `enumerate(iterable, start=0)`: `(index, item)` tuples. */
export function enumerate<T = any>(items: Iterable<T>, start = 0): EnumerateIterator<readonly [number, T]> {
  return new EnumerateIterator(enumerateItems(iterable<T>(items), start));
}

function* enumerateItems<T>(items: Iterable<T>, start: number): Generator<readonly [number, T]> {
  let index = start;
  // index++ is exact below 2**53; from a start near or past it (a bigint beyond), the exact addInt counts
  if (typeof start === 'number' && start <= 2 ** 52 && start >= -(2 ** 52)) {
    for (const item of items) yield tuple(index++, item);
    return;
  }
  for (const item of items) {
    yield tuple(index, item);
    index = addInt(index, 1);
  }
}

/**
 * Python's `zip(*iterables, strict=False)`: tuples of items taken in step, until the shortest iterable ends; with
 * a trailing `kw({ strict: true })`, ValueError when the lengths differ.
 */
export function zip(...args: unknown[]): ZipIterator<readonly unknown[]> {
  let strict = false;
  if (args.length > 0 && isKw(args[args.length - 1])) strict = (args.pop() as { strict?: boolean }).strict === true;
  const iterators = (args as Iterable<unknown>[]).map((items) => iter(items));
  return new ZipIterator(zipRows(iterators, strict));
}

function* zipRows(iterators: Iterator<unknown>[], strict: boolean): Generator<readonly unknown[]> {
  if (iterators.length === 0) return;
  for (;;) {
    const row: unknown[] = [];
    for (let i = 0; i < iterators.length; i++) {
      const step = iterators[i]!.next();
      if (step.done) {
        if (strict) checkAllExhausted(iterators, i);
        return;
      }
      row.push(step.value);
    }
    yield tuple(...row);
  }
}

// Python/bltinmodule.c zip_next with strict: which argument ran out first, or ran on, names the error.
function checkAllExhausted(iterators: Iterator<unknown>[], stopped: number): void {
  const earlier = (i: number): string => (i === 1 ? 'argument 1' : `arguments 1-${i}`);
  if (stopped > 0) throw new ValueError(`zip() argument ${stopped + 1} is shorter than ${earlier(stopped)}`);
  for (let i = 1; i < iterators.length; i++) {
    if (!iterators[i]!.next().done) throw new ValueError(`zip() argument ${i + 1} is longer than ${earlier(i)}`);
  }
}

/** Python's `reversed(seq)` for lists, tuples, strings, ranges, dicts and objects with `__reversed__`. */
export function reversed<T = any>(seq: Iterable<T>): Iterator<T> & Iterable<T> {
  if (Array.isArray(seq) && !isTuple(seq)) return new ListReverseIterator(reverseIndexed(seq as T[]));
  if (Array.isArray(seq) || typeof seq === 'string') return new ReversedIterator(reverseIndexed(seq as ArrayLike<T>));
  if (seq instanceof PyRange) return seq.reversed()[Symbol.iterator]() as Iterator<T> & Iterable<T>;
  if (seq instanceof PyDict) return new DictReverseKeyIterator(reverseIndexed([...seq] as T[]));
  const dunder = (seq as { __reversed__?: () => Iterator<T> & Iterable<T> } | null)?.__reversed__;
  if (typeof dunder === 'function') return dunder.call(seq);
  throw new TypeError(`'${typeName(seq)}' object is not reversible`);
}

function* reverseIndexed<T>(items: ArrayLike<T>): Generator<T> {
  for (let i = items.length - 1; i >= 0; i--) yield items[i]!;
}

/** Keyword arguments of `sorted` and `list.sort`. */
export interface SortOptions<T> {
  key?: ((item: T) => unknown) | null;
  reverse?: boolean;
}

/**
 * Python's `list.sort(key=None, reverse=False)`, in place: stable, Python ordering (`compare`), the key called
 * once per item, and equal items keep their order even when reversed.
 */
export function sort<T>(xs: T[], options: SortOptions<T> = {}): void {
  const { key, reverse = false } = options;
  if (key === undefined || key === null) {
    xs.sort(reverse ? (a, b) => compare(b, a) : compare);
    return;
  }
  const decorated = xs.map((item, index) => ({ key: key(item), item, index }));
  decorated.sort(reverse ? (a, b) => compare(b.key, a.key) : (a, b) => compare(a.key, b.key));
  for (let i = 0; i < decorated.length; i++) xs[i] = decorated[i]!.item;
}

/** Python's `sorted(iterable, key=None, reverse=False)`: a new sorted list. */
// `T = any`: an argument of type any (a value analysis could not type) gives any[], as Python gives a list of anything
export function sorted<T = any>(items: Iterable<T>, options: SortOptions<T> = {}): T[] {
  const xs = Array.from(iterable<T>(items));
  sort(xs, options);
  return xs;
}

/** Keyword arguments of `min` and `max`, given as a trailing `kw({...})`. */
export interface MinMaxOptions<T> {
  key?: ((item: T) => unknown) | null;
  default?: unknown;
}

/** Python's `max(iterable, *[, key, default])` / `max(a, b, *rest, key=None)`. */
export function max(...args: unknown[]): any {
  return extreme('max', args, gt);
}

/** Python's `min(iterable, *[, key, default])` / `min(a, b, *rest, key=None)`. */
export function min(...args: unknown[]): any {
  return extreme('min', args, lt);
}

// Python/bltinmodule.c min_max: the first of equal extremes wins.
function extreme(name: string, args: unknown[], better: (a: unknown, b: unknown) => boolean): unknown {
  let options: MinMaxOptions<unknown> = {};
  if (args.length > 0 && isKw(args[args.length - 1])) options = args.pop() as MinMaxOptions<unknown>;
  if (args.length === 0) throw new TypeError(`${name} expected at least 1 argument, got 0`);
  const items = args.length === 1 ? iterable<unknown>(args[0] as Iterable<unknown>) : args;
  const key = options.key ?? null;
  let best: unknown;
  let bestKey: unknown;
  let empty = true;
  for (const item of items) {
    const k = key === null ? item : key(item);
    if (empty || better(k, bestKey)) {
      best = item;
      bestKey = k;
      empty = false;
    }
  }
  if (!empty) return best;
  if ('default' in options) return options.default;
  throw new ValueError(`${name}() arg is an empty sequence`);
}

/** Python's `sum(iterable, start=0)`. */
export function sum(items: Iterable<unknown>, start: unknown = 0): any {
  if (typeof start === 'string') throw new TypeError("sum() can't sum strings [use ''.join(seq) instead]");
  let total = start;
  // plain numbers add natively while `float` says whether a float was among them; the sum then carries its kind
  // (py-float.ts): sum([0.5, 0.5]) is 1.0
  let float = typeof total === 'number' && !Number.isInteger(total);
  for (const item of iterable<unknown>(items)) {
    if (typeof item === 'number' && typeof total === 'number') {
      total += item;
      if (!Number.isInteger(item)) float = true;
    } else {
      total = add(float ? asFloat(total as number) : total, item);
      float = typeof total === 'number' && !Number.isInteger(total);
    }
  }
  return float ? asFloat(total as number) : total;
}

/** Python's `any(iterable)`. */
export function any(items: Iterable<unknown>): boolean {
  for (const item of iterable<unknown>(items)) if (truthy(item)) return true;
  return false;
}

/** Python's `all(iterable)`. */
export function all(items: Iterable<unknown>): boolean {
  for (const item of iterable<unknown>(items)) if (!truthy(item)) return false;
  return true;
}

/** Python's `map(fn, *iterables)`: lazy, stops at the shortest iterable. */
export function map<R>(fn: ((...args: any[]) => R) | { __call__(...args: any[]): R }, ...iterables: Iterable<unknown>[]): MapIterator<R> {
  // an object of a class with `__call__` is a function in Python
  const call = typeof fn === 'function' ? fn : fn.__call__.bind(fn);
  return new MapIterator(mapItems(call, zip(...iterables)));
}

function* mapItems<R>(fn: (...args: any[]) => R, rows: Iterable<readonly unknown[]>): Generator<R> {
  for (const row of rows) yield fn(...row);
}

/** Python's `filter(fn, iterable)`: lazy; `fn` null keeps the truthy items. */
export function filter<T>(fn: ((item: T) => unknown) | null, items: Iterable<T>): FilterIterator<T> {
  return new FilterIterator(filterItems(fn, iterable<T>(items)));
}

function* filterItems<T>(fn: ((item: T) => unknown) | null, items: Iterable<T>): Generator<T> {
  for (const item of items) if (truthy(fn === null ? item : fn(item))) yield item;
}
