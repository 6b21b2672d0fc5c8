// Python's set (Objects/setobject.c), with Python equality for its items. Iteration follows insertion order,
// where CPython follows hash order: the same for small non-negative ints inserted in ascending order.

import { hashKey } from './equality.js';
import { KeyError, RuntimeError } from './exceptions.js';
import { repr, reprGuarded } from './repr.js';

/** Python's set. */
export class PySet<T = unknown> implements Iterable<T> {
  static readonly __pyname__ = 'set';
  static readonly __unhashable__ = true;
  // Map key (hashKey of the item) → the item as first added.
  private readonly items = new Map<unknown, T>();

  constructor(initial?: Iterable<T> | null) {
    if (initial !== undefined && initial !== null) for (const item of initial) this.add(item);
  }

  /** Number of items (`len(s)`). */
  get size(): number {
    return this.items.size;
  }

  __len__(): number {
    return this.items.size;
  }

  /** `x in s`. */
  has(item: T): boolean {
    return this.items.has(hashKey(item));
  }

  __contains__(item: T): boolean {
    return this.has(item);
  }

  /** `s.add(x)`: an item equal to one already present is ignored. */
  add(item: T): void {
    const k = hashKey(item);
    if (!this.items.has(k)) this.items.set(k, item);
  }

  /** `s.discard(x)`. */
  discard(item: T): void {
    this.items.delete(hashKey(item));
  }

  /** `s.remove(x)`: raises `KeyError(x)` when absent. */
  remove(item: T): void {
    if (!this.items.delete(hashKey(item))) throw new KeyError(item);
  }

  /** `s.pop()`: removes and returns an item; `KeyError: 'pop from an empty set'` when empty. */
  pop(): T {
    for (const [k, item] of this.items) {
      this.items.delete(k);
      return item;
    }
    throw new KeyError('pop from an empty set');
  }

  /** `s.clear()`. */
  clear(): void {
    this.items.clear();
  }

  /** `s.copy()`. */
  copy(): PySet<T> {
    return new PySet(this);
  }

  /** `s.update(*others)`, also `s |= other`. */
  update(...others: Iterable<T>[]): void {
    for (const other of others) for (const item of other) this.add(item);
  }

  /** `s.union(*others)`, also `s | other`. */
  union<U>(...others: Iterable<U>[]): PySet<T | U> {
    const result = new PySet<T | U>(this);
    result.update(...others);
    return result;
  }

  /** `s.intersection(*others)`, also `s & other`: the items of `s` found in every other. */
  intersection(...others: Iterable<unknown>[]): PySet<T> {
    const sets = others.map(toSet);
    return this.filter((item) => sets.every((other) => other.has(item)));
  }

  /** `s.difference(*others)`, also `s - other`. */
  difference(...others: Iterable<unknown>[]): PySet<T> {
    const sets = others.map(toSet);
    return this.filter((item) => !sets.some((other) => other.has(item)));
  }

  /** `s.symmetric_difference(other)`, also `s ^ other`. */
  symmetricDifference(other: Iterable<T>): PySet<T> {
    const otherSet = toSet(other) as PySet<T>;
    const result = this.filter((item) => !otherSet.has(item));
    for (const item of otherSet) if (!this.has(item)) result.add(item);
    return result;
  }

  /** `s.intersection_update(*others)`, also `s &= other`. */
  intersectionUpdate(...others: Iterable<unknown>[]): void {
    this.replaceWith(this.intersection(...others));
  }

  /** `s.difference_update(*others)`, also `s -= other`. */
  differenceUpdate(...others: Iterable<unknown>[]): void {
    this.replaceWith(this.difference(...others));
  }

  /** `s.symmetric_difference_update(other)`, also `s ^= other`. */
  symmetricDifferenceUpdate(other: Iterable<T>): void {
    this.replaceWith(this.symmetricDifference(other));
  }

  /** `s.issubset(other)`, also `s <= other`. */
  issubset(other: Iterable<unknown>): boolean {
    const otherSet = toSet(other);
    for (const item of this) if (!otherSet.has(item)) return false;
    return true;
  }

  /** `s.issuperset(other)`, also `s >= other`. */
  issuperset(other: Iterable<unknown>): boolean {
    for (const item of other) if (!this.has(item as T)) return false;
    return true;
  }

  /** `s.isdisjoint(other)`. */
  isdisjoint(other: Iterable<unknown>): boolean {
    for (const item of other) if (this.has(item as T)) return false;
    return true;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.iterate();
  }

  __eq__(other: unknown): boolean {
    return other instanceof PySet && other.size === this.size && this.issubset(other);
  }

  __repr__(): string {
    if (this.items.size === 0) return 'set()';
    return reprGuarded(this, 'set(...)', () => {
      const parts: string[] = [];
      for (const item of this.items.values()) parts.push(repr(item));
      return '{' + parts.join(', ') + '}';
    });
  }

  private filter(keep: (item: T) => boolean): PySet<T> {
    const result = new PySet<T>();
    for (const [k, item] of this.items) if (keep(item)) result.items.set(k, item);
    return result;
  }

  private replaceWith(other: PySet<T>): void {
    this.items.clear();
    for (const [k, item] of other.items) this.items.set(k, item);
  }

  // CPython raises "Set changed size during iteration" when the size moves under an iterator.
  private *iterate(): Generator<T> {
    const size = this.items.size;
    for (const item of this.items.values()) {
      yield item;
      if (this.items.size !== size) throw new RuntimeError('Set changed size during iteration');
    }
  }
}

function toSet(x: Iterable<unknown>): PySet<unknown> {
  return x instanceof PySet ? x : new PySet(x);
}

/** Python's `set(iterable=())`. */
export function set<T>(items?: Iterable<T> | null): PySet<T> {
  return new PySet(items);
}
