// The infinite iterators of Python's itertools (Modules/itertoolsmodule.c): count, cycle, repeat.

import { TypeError } from '../builtins/exceptions.js';
import { iter } from '../builtins/iteration.js';
import { add } from '../builtins/operators.js';
import { PyFloat, type PyNumber } from '../builtins/py-float.js';
import { bindKeywords } from '../collections/python-class.js';

/** Python's `itertools.count(start=0, step=1)`: start, start + step, … by repeated addition, as CPython does. */
export function count(...args: (number | { start?: number; step?: number })[]): Generator<number>;
/** A start or step whose kind is known only at run time: the values keep it (`count(2.0)` gives 2.0, 3.0, …). */
export function count(...args: (PyNumber | { start?: PyNumber; step?: PyNumber })[]): Generator<PyNumber>;
export function count(...args: (PyNumber | { start?: PyNumber; step?: PyNumber })[]): Generator<PyNumber> {
  const [start = 0, step = 1] = bindKeywords(args, ['start', 'step']) as [PyNumber?, PyNumber?];
  if (!isNumber(start) || !isNumber(step)) throw new TypeError('a number is required');
  return counting(start, step);
}

function isNumber(x: unknown): x is PyNumber {
  return typeof x === 'number' || x instanceof PyFloat;
}

function* counting(start: PyNumber, step: PyNumber): Generator<PyNumber> {
  for (let n = start; ; n = add(n, step)) yield n;
}

/** Python's `itertools.cycle(iterable)`: the items over and over, saved during the first pass. */
export function cycle<T>(items: Iterable<T>): Generator<T> {
  return cycling(iter(items));
}

function* cycling<T>(iterator: Iterator<T>): Generator<T> {
  const saved: T[] = [];
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    saved.push(step.value);
    yield step.value;
  }
  if (saved.length === 0) return;
  for (;;) yield* saved;
}

/** Python's `itertools.repeat(object[, times])`: the object forever, or `times` times (none when negative). */
export function repeat<T>(...args: [T, (number | null | { times?: number })?]): Generator<T> {
  if ((args as unknown[]).length === 0) throw new TypeError("repeat() missing required argument 'object' (pos 1)");
  const [item, times] = bindKeywords(args, ['object', 'times']) as [T, number | null | undefined];
  return repeating(item, times === undefined || times === null ? Infinity : Math.max(0, times));
}

function* repeating<T>(item: T, times: number): Generator<T> {
  for (let i = 0; i < times; i++) yield item;
}
