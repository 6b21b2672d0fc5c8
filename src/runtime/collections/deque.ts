// collections.deque (Modules/_collectionsmodule.c): a double-ended queue with an optional maximum length; adding to
// a full deque drops items from the opposite end.

import { eq, NotImplemented } from '../builtins/equality.js';
import { IndexError, RuntimeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { iterable } from '../builtins/iteration.js';
import { compare } from '../builtins/ordering.js';
import { repr, reprGuarded } from '../builtins/repr.js';
import { typeName } from '../builtins/type-name.js';
import { callableClass, pythonName, splitOptions } from './python-class.js';

interface DequeOptions {
  maxlen?: number | null;
}

/** Python's `collections.deque(iterable=(), maxlen=None)`. */
export class Deque<T = unknown> implements Iterable<T> {
  static readonly __pyname__ = 'deque';
  static readonly __unhashable__ = true;
  // Items in order; the deque is small in practice and Array.shift/unshift are fast for small arrays.
  private items: T[] = [];
  // Bumped on every mutation, so that an iterator can raise "deque mutated during iteration" as CPython does.
  private state = 0;
  private readonly limit: number | null;

  constructor(...args: unknown[]) {
    const [positional, options] = splitOptions<DequeOptions>(args);
    const [initial, maxlen] = positional as [Iterable<T> | undefined, number | null | undefined];
    const limit = maxlen ?? options.maxlen ?? null;
    if (limit !== null) {
      if (typeof limit !== 'number' || !Number.isInteger(limit)) {
        throw new TypeError('an integer is required');
      }
      if (limit < 0) throw new ValueError('maxlen must be non-negative');
    }
    this.limit = limit;
    if (initial !== undefined && initial !== null) this.extend(initial);
  }

  /** `d.maxlen`: the maximum length, or None. */
  get maxlen(): number | null {
    return this.limit;
  }

  /** `d.append(x)`: add on the right, dropping the leftmost item when full. */
  append(x: T): void {
    this.state++;
    if (this.limit === 0) return;
    if (this.items.length === this.limit) this.items.shift();
    this.items.push(x);
  }

  /** `d.appendleft(x)`: add on the left, dropping the rightmost item when full. */
  appendleft(x: T): void {
    this.state++;
    if (this.limit === 0) return;
    if (this.items.length === this.limit) this.items.pop();
    this.items.unshift(x);
  }

  /** `d.pop()`: remove and return the rightmost item; IndexError when empty. */
  pop(): T {
    if (this.items.length === 0) throw new IndexError('pop from an empty deque');
    this.state++;
    return this.items.pop() as T;
  }

  /** `d.popleft()`: remove and return the leftmost item; IndexError when empty. */
  popleft(): T {
    if (this.items.length === 0) throw new IndexError('pop from an empty deque');
    this.state++;
    return this.items.shift() as T;
  }

  /** `d.extend(iterable)`: append each item in turn. */
  extend(items: Iterable<T>): void {
    // `d.extend(d)` must see the items as they were (CPython copies first too).
    for (const item of items === this ? [...this.items] : iterable(items)) this.append(item);
  }

  /** `d.extendleft(iterable)`: appendleft each item in turn, so they end up in reverse order. */
  extendleft(items: Iterable<T>): void {
    for (const item of items === this ? [...this.items] : iterable(items)) this.appendleft(item);
  }

  /** `d.rotate(n=1)`: rotate n steps to the right (to the left when n is negative). */
  rotate(n = 1): void {
    const length = this.items.length;
    if (length <= 1) return;
    this.state++;
    const steps = ((n % length) + length) % length;
    if (steps === 0) return;
    this.items = [...this.items.slice(length - steps), ...this.items.slice(0, length - steps)];
  }

  /** `d.clear()`. */
  clear(): void {
    this.state++;
    this.items = [];
  }

  /** `d.copy()`: a shallow copy with the same maxlen. */
  copy(): Deque<T> {
    return new Deque<T>(this.items, this.limit);
  }

  /** `copy.copy(d)`: as `d.copy()`. */
  __copy__(): Deque<T> {
    return this.copy();
  }

  /** `d.count(x)`: how many items equal x. */
  count(x: T): number {
    return this.items.reduce((n, item) => (eq(item, x) ? n + 1 : n), 0);
  }

  /** `d.index(x[, start[, stop]])`: position of the first item equal to x; ValueError when absent. */
  index(x: T, start = 0, stop = this.items.length): number {
    const length = this.items.length;
    const from = start < 0 ? Math.max(0, start + length) : start;
    const to = stop < 0 ? stop + length : Math.min(stop, length);
    for (let i = from; i < to; i++) if (eq(this.items[i], x)) return i;
    throw new ValueError(`${repr(x)} is not in deque`);
  }

  /** `d.insert(i, x)`: IndexError when the deque is at its maximum length. */
  insert(index: number, x: T): void {
    if (this.limit !== null && this.items.length >= this.limit) {
      throw new IndexError('deque already at its maximum size');
    }
    this.state++;
    const length = this.items.length;
    const at = index < 0 ? Math.max(0, index + length) : Math.min(index, length);
    this.items.splice(at, 0, x);
  }

  /** `d.remove(x)`: remove the first item equal to x; ValueError when absent. */
  remove(x: T): void {
    const at = this.items.findIndex((item) => eq(item, x));
    if (at < 0) throw new ValueError(`${repr(x)} is not in deque`);
    this.state++;
    this.items.splice(at, 1);
  }

  /** `d.reverse()`: in place. */
  reverse(): void {
    this.state++;
    this.items.reverse();
  }

  __len__(): number {
    return this.items.length;
  }

  __contains__(x: unknown): boolean {
    return this.items.some((item) => item === x || eq(item, x));
  }

  __getitem__(index: unknown): T {
    return this.items[this.position(index)] as T;
  }

  __setitem__(index: unknown, value: T): void {
    this.items[this.position(index)] = value;
  }

  __delitem__(index: unknown): void {
    this.state++;
    this.items.splice(this.position(index), 1);
  }

  *[Symbol.iterator](): Generator<T> {
    const state = this.state;
    for (let i = 0; i < this.items.length; i++) {
      yield this.items[i] as T;
      if (this.state !== state) throw new RuntimeError('deque mutated during iteration');
    }
  }

  *__reversed__(): Generator<T> {
    const state = this.state;
    for (let i = this.items.length - 1; i >= 0; i--) {
      yield this.items[i] as T;
      if (this.state !== state) throw new RuntimeError('deque mutated during iteration');
    }
  }

  __eq__(other: unknown): boolean {
    return (
      other instanceof Deque &&
      this.items.length === other.items.length &&
      this.items.every((x, i) => eq(x, other.items[i]))
    );
  }

  __lt__(other: unknown): unknown {
    return this.ordered(other, (c) => c < 0);
  }

  __le__(other: unknown): unknown {
    return this.ordered(other, (c) => c <= 0);
  }

  __gt__(other: unknown): unknown {
    return this.ordered(other, (c) => c > 0);
  }

  __ge__(other: unknown): unknown {
    return this.ordered(other, (c) => c >= 0);
  }

  /** `d + other`: a new deque (with d's maxlen). */
  __add__(other: unknown): Deque<T> {
    if (!(other instanceof Deque)) {
      throw new TypeError(`can only concatenate deque (not "${typeName(other)}") to deque`);
    }
    return new Deque<T>([...this.items, ...other.items], this.limit);
  }

  /** `d += iterable`: extended in place (any iterable, unlike `+`), the same deque. */
  __iadd__(other: Iterable<T>): this {
    this.extend(other);
    return this;
  }

  /** `d * n`: a new deque repeating the items n times (keeping the last maxlen items). */
  __mul__(times: unknown): Deque<T> {
    const result = new Deque<T>([], this.limit);
    const n = typeof times === 'number' ? times : 0;
    for (let i = 0; i < n; i++) result.extend(this.items);
    return result;
  }

  __repr__(): string {
    return reprGuarded(this, '[...]', () => {
      const name = pythonName(this.constructor);
      const items = `[${this.items.map((x) => repr(x)).join(', ')}]`;
      return this.limit === null ? `${name}(${items})` : `${name}(${items}, maxlen=${this.limit})`;
    });
  }

  private position(index: unknown): number {
    if (typeof index !== 'number' || !Number.isInteger(index)) {
      throw new TypeError(`sequence index must be integer, not '${typeName(index)}'`);
    }
    const i = index < 0 ? index + this.items.length : index;
    if (i < 0 || i >= this.items.length) throw new IndexError('deque index out of range');
    return i;
  }

  private ordered(other: unknown, test: (comparison: number) => boolean): unknown {
    if (!(other instanceof Deque)) return NotImplemented;
    return test(compare(this.items, other.items));
  }
}

/** `collections.deque`: call it as Python does, `deque([1, 2], { maxlen: 3 })`. */
export const deque = callableClass(Deque, 'collections.deque') as typeof Deque &
  (<T = any>(...args: unknown[]) => Deque<T>);
export type deque<T = unknown> = Deque<T>;
