// Python's range (Objects/rangeobject.c): a lazy arithmetic sequence with a length, indexing, slicing and `in`.

import type { PyFloat } from './py-float.js';
import { fromBigInt } from './arithmetic.js';
import { IndexError, TypeError, ValueError } from './exceptions.js';
import { typeName } from './type-name.js';

/** Python's range object. Iterating it yields its numbers. */
export class PyRange implements Iterable<number> {
  static readonly __pyname__ = 'range';
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  /** Number of items (`len(r)`). */
  readonly size: number;

  constructor(start: number, stop: number, step: number) {
    checkInteger(start);
    checkInteger(stop);
    checkInteger(step);
    if (step === 0) throw new ValueError('range() arg 3 must not be zero');
    this.start = start;
    this.stop = stop;
    this.step = step;
    // ints near or beyond 2**53 (bigints among them, see fromBigInt) are computed exactly in BigInt
    this.exact = !(isSmall(start) && isSmall(stop) && isSmall(step));
    if (this.exact) {
      // Objects/rangeobject.c compute_range_length
      const [lo, hi, by] = [BigInt(start), BigInt(stop), BigInt(step)];
      const span = by > 0n ? hi - lo : lo - hi;
      this.size = span <= 0n ? 0 : fromBigInt((span - 1n) / (by > 0n ? by : -by) + 1n);
      return;
    }
    const span = step > 0 ? stop - start : start - stop;
    this.size = span <= 0 ? 0 : Math.floor((span - 1) / Math.abs(step)) + 1;
  }

  /** computed in BigInt: an end or the step is beyond 2**52 */
  private readonly exact: boolean;

  /** The i-th item (0 <= i < size). */
  private item(i: number): number {
    return this.exact ? fromBigInt(BigInt(this.start) + BigInt(i) * BigInt(this.step)) : this.start + i * this.step;
  }

  __len__(): number {
    return this.size;
  }

  /** `r[i]`, negative indexes counting from the end; IndexError outside. */
  getItem(index: number): number {
    const i = index < 0 ? index + this.size : index;
    if (i < 0 || i >= this.size) throw new IndexError('range object index out of range');
    return this.item(i);
  }

  /** `x in r`, computed without iterating. */
  has(x: unknown): boolean {
    const n = typeof x === 'boolean' ? Number(x) : x;
    if (this.exact && (typeof n === 'bigint' || Number.isInteger(n))) {
      const [v, lo, hi, by] = [BigInt(n as number), BigInt(this.start), BigInt(this.stop), BigInt(this.step)];
      return (by > 0n ? v >= lo && v < hi : v <= lo && v > hi) && (v - lo) % by === 0n;
    }
    if (typeof n !== 'number' || !Number.isInteger(n)) return false;
    if (this.step > 0 ? n < this.start || n >= this.stop : n > this.start || n <= this.stop) return false;
    return (n - this.start) % this.step === 0;
  }

  __contains__(x: unknown): boolean {
    return this.has(x);
  }

  /** `r.index(x)`: ValueError when absent. */
  index(x: unknown): number {
    if (!this.has(x)) throw new ValueError(`${typeof x === 'number' ? x : String(x)} is not in range`);
    if (this.exact) return fromBigInt((BigInt(x as number) - BigInt(this.start)) / BigInt(this.step));
    return ((x as number) - this.start) / this.step;
  }

  /** `r.count(x)`: 1 or 0. */
  count(x: unknown): number {
    return this.has(x) ? 1 : 0;
  }

  [Symbol.iterator](): Iterator<number> {
    return this.exact ? this.exactItems() : new RangeIterator(this.start, this.step, this.size);
  }

  private *exactItems(): Iterator<number> {
    const step = BigInt(this.step);
    let value = BigInt(this.start);
    for (let i = 0n, size = BigInt(this.size); i < size; i++, value += step) yield fromBigInt(value);
  }

  /**
   * A list comprehension over the range, `[f(i) for i in range(n)]` → `range(n).map((i) => f(i))`: a counting
   * loop, several times as fast for small ranges as `Array.from` driving the iterator.
   */
  map<U>(fn: (value: number) => U): U[] {
    const out: U[] = [];
    if (this.exact) {
      for (const value of this) out.push(fn(value));
      return out;
    }
    for (let i = 0; i < this.size; i++) out.push(fn(this.start + i * this.step));
    return out;
  }

  /** The numbers from last to first (`reversed(r)`). */
  reversed(): PyRange {
    if (this.exact) {
      const last = BigInt(this.start) + (BigInt(this.size) - 1n) * BigInt(this.step);
      return new PyRange(fromBigInt(last), fromBigInt(last - BigInt(this.size) * BigInt(this.step)), -this.step);
    }
    const last = this.start + (this.size - 1) * this.step;
    return new PyRange(last, last - this.size * this.step, -this.step);
  }

  __eq__(other: unknown): boolean {
    if (!(other instanceof PyRange) || other.size !== this.size) return false;
    if (this.size === 0) return true;
    return other.start === this.start && (this.size === 1 || other.step === this.step);
  }

  __repr__(): string {
    return this.step === 1 ? `range(${this.start}, ${this.stop})` : `range(${this.start}, ${this.stop}, ${this.step})`;
  }
}

/** Spans of such ints are exact in doubles. */
function isSmall(x: number): boolean {
  return x <= 2 ** 52 && x >= -(2 ** 52);
}

function checkInteger(value: number | PyFloat): void {
  if (typeof value !== 'bigint' && !Number.isInteger(value)) throw new TypeError(`'${typeName(value)}' object cannot be interpreted as an integer`);
}

// A plain iterator object: cheaper than a generator on the `for i in range(n)` hot path.
class RangeIterator implements Iterator<number> {
  private index = 0;
  constructor(
    private readonly start: number,
    private readonly step: number,
    private readonly size: number,
  ) {}

  next(): IteratorResult<number> {
    if (this.index >= this.size) return { done: true, value: undefined };
    return { done: false, value: this.start + this.index++ * this.step };
  }

  [Symbol.iterator](): Iterator<number> {
    return this;
  }
}

/** Python's `range(stop)` / `range(start, stop[, step])`. */
export function range(startOrStop: number | PyFloat, stop?: number | PyFloat, step: number | PyFloat = 1): PyRange {
  // a float that carries its kind (py-float.ts) is refused by the constructor's integer check, as CPython refuses it
  const n = (x: number | PyFloat) => x as number;
  return stop === undefined ? new PyRange(0, n(startOrStop), 1) : new PyRange(n(startOrStop), n(stop), n(step));
}
