// collections.Counter (Lib/collections/__init__.py Counter): a dict of counts where a missing key counts 0.

import { PyDict } from '../builtins/dict.js';
import { eq, NotImplemented } from '../builtins/equality.js';
import { TypeError } from '../builtins/exceptions.js';
import { iterable } from '../builtins/iteration.js';
import { repr } from '../builtins/repr.js';
import { typeName } from '../builtins/type-name.js';
import { callableClass, isOptions, optionEntries, pythonName } from './python-class.js';

type Counts<K> = Iterable<K> | PyDict<K, number> | Record<string, number> | null | undefined;

/** Python's `collections.Counter([iterable_or_mapping], **kwargs)`. */
export class PyCounter<K = unknown> extends PyDict<K, number> {
  constructor(...args: Counts<K>[]) {
    super();
    for (const arg of args) this.update(arg);
  }

  /** `c[key]`: 0 for a missing key (which is not inserted). */
  override getItem(key: K): number {
    return this.has(key) ? super.getItem(key) : 0;
  }

  /**
   * `c.update(iterable_or_mapping, **kwargs)`: count each item of an iterable, or add the counts of a mapping
   * (keyword arguments arrive as a trailing options object).
   */
  override update(...sources: unknown[]): void {
    for (const source of sources) this.combine(source as Counts<K>, 1);
  }

  /** `c.subtract(iterable_or_mapping, **kwargs)`: like update, but subtracting; counts may go negative. */
  subtract(...sources: Counts<K>[]): void {
    for (const source of sources) this.combine(source, -1);
  }

  /**
   * `c.most_common(n=None)`: (key, count) pairs from the most common, equal counts in insertion order (a stable
   * sort, as `sorted(..., reverse=True)` and `heapq.nlargest` give in CPython).
   */
  mostCommon(n: number | null = null): (readonly [K, number])[] {
    const pairs = [...this.items()].sort((a, b) => b[1] - a[1]);
    return n === null ? pairs : pairs.slice(0, Math.max(0, n));
  }

  /** `c.elements()`: each key repeated as many times as its count (counts below 1 are skipped). */
  *elements(): Generator<K> {
    for (const [key, count] of this.items()) for (let i = 0; i < count; i++) yield key;
  }

  /** `c.total()`: the sum of the counts. */
  total(): number {
    let sum = 0;
    for (const count of this.values()) sum += count;
    return sum;
  }

  /** `c.copy()`: a Counter. */
  override copy(): PyCounter<K> {
    return new PyCounter<K>(this);
  }

  /** Counters are equal when every key has the same count, a missing key counting 0 (3.10+). */
  override __eq__(other: unknown): boolean {
    if (!(other instanceof PyCounter)) return super.__eq__(other);
    for (const key of this) if (!eq(this.getItem(key), other.getItem(key))) return false;
    for (const key of other) if (!eq(this.getItem(key), other.getItem(key))) return false;
    return true;
  }

  /** `c + d`: counts added, keeping only positive results. */
  __add__(other: unknown): PyCounter<K> | typeof NotImplemented {
    return this.merge(other, (a, b) => a + b);
  }

  /** `c - d`: counts subtracted, keeping only positive results. */
  __sub__(other: unknown): PyCounter<K> | typeof NotImplemented {
    return this.merge(other, (a, b) => a - b);
  }

  /** `c | d`: the maximum of the counts, keeping only positive results. */
  __or__(other: unknown): PyCounter<K> | typeof NotImplemented {
    return this.merge(other, Math.max);
  }

  /** `c & d`: the minimum of the counts, keeping only positive results. */
  __and__(other: unknown): PyCounter<K> | typeof NotImplemented {
    return this.merge(other, Math.min);
  }

  /** `c += d`: each count of `d` added in place, then only the positive counts kept (the same Counter). */
  __iadd__(other: unknown): this | typeof NotImplemented {
    return this.inPlace(other, (count, otherCount) => count + otherCount, false);
  }

  /** `c -= d`: each count of `d` subtracted in place, then only the positive counts kept. */
  __isub__(other: unknown): this | typeof NotImplemented {
    return this.inPlace(other, (count, otherCount) => count - otherCount, false);
  }

  /** `c |= d`: each count raised to `d`'s where that is larger, then only the positive counts kept. */
  __ior__(other: unknown): this | typeof NotImplemented {
    return this.inPlace(other, Math.max, false);
  }

  /** `c &= d`: each of this Counter's counts lowered to `d`'s where that is smaller, then only the positive kept. */
  __iand__(other: unknown): this | typeof NotImplemented {
    return this.inPlace(other, Math.min, true);
  }

  /** `+c`: only the positive counts. */
  __pos__(): PyCounter<K> {
    return this.filtered(
      (count) => count,
      (count) => count > 0,
    );
  }

  /** `-c`: the negated negative counts. */
  __neg__(): PyCounter<K> {
    return this.filtered(
      (count) => 0 - count,
      (count) => count < 0,
    );
  }

  /** `Counter({'a': 2, 'b': 1})`, most common first; `Counter()` when empty. */
  override __repr__(): string {
    const name = pythonName(this.constructor);
    if (this.size === 0) return `${name}()`;
    return `${name}(${repr(new PyDict(this.mostCommon()))})`;
  }

  private combine(source: Counts<K>, sign: 1 | -1): void {
    if (source === null || source === undefined) return;
    if (source instanceof PyDict) {
      for (const [key, count] of source.items()) this.setItem(key, this.getItem(key) + sign * (count as number));
    } else if (isOptions(source)) {
      for (const [name, count] of optionEntries(source)) {
        this.setItem(name as K, this.getItem(name as K) + sign * (count as number));
      }
    } else {
      if (typeof source !== 'string' && (typeof source !== 'object' || !(Symbol.iterator in source))) {
        throw new TypeError(`'${typeName(source)}' object is not iterable`);
      }
      for (const key of iterable(source as Iterable<K>)) this.setItem(key, this.getItem(key) + sign);
    }
  }

  // Lib/collections/__init__.py Counter.__add__ and friends: keys of `this` first, then the new keys of `other`.
  private merge(other: unknown, combine: (a: number, b: number) => number): PyCounter<K> | typeof NotImplemented {
    if (!(other instanceof PyCounter)) return NotImplemented;
    const result = new PyCounter<K>();
    for (const [key, count] of this.items()) {
      const combined = combine(count, other.getItem(key));
      if (combined > 0) result.setItem(key, combined);
    }
    for (const [key, count] of other.items()) {
      if (this.has(key)) continue;
      const combined = combine(0, count);
      if (combined > 0) result.setItem(key, combined);
    }
    return result;
  }

  // Lib/collections/__init__.py Counter.__iadd__ and friends: over the other mapping's items (over this Counter's
  // own for `&=`), then _keep_positive.
  private inPlace(
    other: unknown,
    combine: (count: number, otherCount: number) => number,
    ownKeys: boolean,
  ): this | typeof NotImplemented {
    if (!(other instanceof PyDict)) return NotImplemented;
    const keys = ownKeys ? [...this.keys()] : [...(other as PyDict<K, number>).keys()];
    for (const key of keys) {
      const otherCount = ((other as PyDict<K, number>).get(key) ?? 0) as number;
      const combined = combine(this.getItem(key), otherCount);
      if (combined !== this.getItem(key) || !this.has(key)) this.setItem(key, combined);
    }
    for (const [key, count] of [...this.items()]) if (!(count > 0)) this.delItem(key);
    return this;
  }

  private filtered(map: (count: number) => number, keep: (count: number) => boolean): PyCounter<K> {
    const result = new PyCounter<K>();
    for (const [key, count] of this.items()) if (keep(count)) result.setItem(key, map(count));
    return result;
  }
}

/** `collections.Counter`: call it as Python does, `Counter("abba")`, `Counter({ a: 1 })` for keyword counts. */
export const Counter = callableClass(PyCounter, 'collections.Counter') as typeof PyCounter &
  (<K = any>(...args: Counts<K>[]) => PyCounter<K>);
export type Counter<K = unknown> = PyCounter<K>;
