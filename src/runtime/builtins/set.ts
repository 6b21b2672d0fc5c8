// Python's set (Objects/setobject.c), with Python equality for its items and CPython's iteration order: the items
// live in a SetTable laid out as CPython's, and every operation adds items in the order CPython adds them.

import { keyText } from './equality.js';
import { AttributeError, KeyError, RuntimeError } from './exceptions.js';
import { tableHash, tableHashOfKey } from './hashing.js';
import { repr, reprGuarded } from './repr.js';
import { SetTable } from './set-table.js';

/** Python's set. */
export class PySet<T = unknown> implements Iterable<T> {
  static readonly __pyname__: string = 'set';
  static readonly __unhashable__: boolean = true;
  /** The slots (internal: read by the iterator to notice a replaced table). */
  _table = new SetTable();

  constructor(initial?: Iterable<T> | null) {
    if (initial !== undefined && initial !== null) this.updateWith(initial);
  }

  /** Number of items (`len(s)`). */
  get size(): number {
    return this._table.used;
  }

  __len__(): number {
    return this._table.used;
  }

  /** `x in s`. */
  has(item: T): boolean {
    return this._table.find(item) >= 0;
  }

  __contains__(item: T): boolean {
    return this.has(item);
  }

  /** `s.add(x)`: an item equal to one already present is ignored. */
  add(item: T): void {
    this._table.add(item);
  }

  /**
   * `s.add(x)` for an object known to hash by identity (an instance of a runtime class without `__hash__` or
   * `__eq__`, such as an asyncio task): what `add` does, without looking for those methods first.
   */
  _addByIdentity(item: T & object): void {
    this._table.add(item, item, tableHashOfKey(item, item));
  }

  /** The items in iteration order, as an array. */
  _toArray(): T[] {
    const table = this._table;
    const out: T[] = [];
    for (let slot = 0; slot <= table.mask; slot++) if (table.isItemAt(slot)) out.push(table.items[slot] as T);
    return out;
  }

  /** `s.discard(x)`. */
  discard(item: T): void {
    this._table.discard(item);
  }

  /** `s.remove(x)`: raises `KeyError(x)` when absent. */
  remove(item: T): void {
    if (!this._table.discard(item)) throw new KeyError(item);
  }

  /** `s.pop()`: removes and returns an item; `KeyError: 'pop from an empty set'` when empty. */
  pop(): T {
    if (this._table.used === 0) throw new KeyError('pop from an empty set');
    return this._table.pop() as T;
  }

  /** `s.clear()`. */
  clear(): void {
    this._table.clear();
  }

  /** `s.copy()`. */
  copy(): PySet<T> {
    return new PySet(this);
  }

  /** `s.update(*others)`, also `s |= other`. */
  update(...others: Iterable<T>[]): void {
    for (const other of others) this.updateWith(other);
  }

  /** `s.union(*others)`, also `s | other`. */
  union<U>(...others: Iterable<U>[]): PySet<T | U> {
    const result = new PySet<T | U>(this);
    for (const other of others) result.updateWith(other);
    return result;
  }

  /** `s.intersection(*others)`, also `s & other`. */
  intersection(...others: Iterable<unknown>[]): PySet<T> {
    let result: PySet<T> = others.length === 0 ? this.copy() : this;
    for (const other of others) result = intersect(result, other) as PySet<T>;
    return result;
  }

  /** `s.difference(*others)`, also `s - other`. */
  difference(...others: Iterable<unknown>[]): PySet<T> {
    if (others.length === 0) return this.copy();
    const result = subtract(this, others[0]!);
    for (const other of others.slice(1)) result.differenceUpdate(other);
    return result;
  }

  /** `s.symmetric_difference(other)`, also `s ^ other`. */
  symmetricDifference(other: Iterable<T>): PySet<T> {
    const result = new PySet<T>(other);
    result.symmetricDifferenceUpdate(this);
    return result;
  }

  /** `s.intersection_update(*others)`, also `s &= other`. */
  intersectionUpdate(...others: Iterable<unknown>[]): void {
    this._table = this.intersection(...others)._table;
  }

  /** `s.difference_update(*others)`, also `s -= other` (set_difference_update_internal). */
  differenceUpdate(...others: Iterable<unknown>[]): void {
    for (const other of others) {
      if (other === this) {
        this.clear();
        continue;
      }
      for (const item of other) this._table.discard(item);
      this._table.compactIfSparse();
    }
  }

  /** `s.symmetric_difference_update(other)`, also `s ^= other`. */
  symmetricDifferenceUpdate(other: Iterable<T>): void {
    const otherSet = other instanceof PySet ? other : new PySet(other);
    if (otherSet === this) {
      this.clear();
      return;
    }
    for (const item of otherSet) if (!this._table.discard(item)) this._table.add(item);
  }

  /** `s.issubset(other)`, also `s <= other`. */
  issubset(other: Iterable<unknown>): boolean {
    const otherSet = other instanceof PySet ? other : new PySet(other);
    if (this.size > otherSet.size) return false;
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
    return new SetIterator(this, this._table);
  }

  __eq__(other: unknown): boolean {
    return other instanceof PySet && other.size === this.size && this.issubset(other);
  }

  __repr__(): string {
    if (this._table.used === 0) return 'set()';
    return reprGuarded(this, 'set(...)', () => {
      const parts: string[] = [];
      for (const item of this) parts.push(repr(item));
      return '{' + parts.join(', ') + '}';
    });
  }

  // setobject.c set_update_internal: a set is merged table to table, anything else added item by item.
  private updateWith(other: Iterable<T>): void {
    if (other instanceof PySet) this._table.merge(other._table);
    else for (const item of other) this._table.add(item);
  }
}

// A set's iterator (setobject.c setiter_iternext): the items in table order. CPython raises "Set changed size during
// iteration" when the size moves under an iterator. A class rather than a generator: iterating a set is hot in
// asyncio code (`for t in done`).
class SetIterator<T> implements IterableIterator<T> {
  private slot = 0;
  private readonly used: number;

  constructor(
    private readonly set: PySet<T>,
    private readonly table: SetTable,
  ) {
    this.used = table.used;
  }

  next(): IteratorResult<T> {
    const table = this.table;
    // Exhausted: it stays so, whatever happens to the set (setiter_iternext drops its set).
    if (this.slot < 0) return { value: undefined, done: true };
    if (table.used !== this.used || this.set._table !== table)
      throw new RuntimeError('Set changed size during iteration');
    const items = table.items;
    const mask = table.mask;
    for (let slot = this.slot; slot <= mask; slot++) {
      if (table.isItemAt(slot)) {
        this.slot = slot + 1;
        return { value: items[slot] as T, done: false };
      }
    }
    this.slot = -1;
    return { value: undefined, done: true };
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this;
  }
}

// setobject.c set_intersection: iterate the smaller of two sets (or the non-set argument), keep what the other has.
function intersect(a: PySet<unknown>, other: Iterable<unknown>): PySet<unknown> {
  const result = new PySet<unknown>();
  if (other instanceof PySet) {
    const [small, large] = other.size > a.size ? [a, other] : [other, a];
    for (const item of small) if (large.has(item)) result.add(item);
    return result;
  }
  for (const item of other) if (a.has(item)) result.add(item);
  return result;
}

// setobject.c set_difference: a copy minus the other's items when the other is small or not a set, otherwise a
// new set of the items of `a` the other lacks.
function subtract<T>(a: PySet<T>, other: Iterable<unknown>): PySet<T> {
  if (!(other instanceof PySet) || a.size >> 2 > other.size) {
    const result = a.copy();
    result.differenceUpdate(other);
    return result;
  }
  const result = new PySet<T>();
  for (const item of a) if (!other.has(item)) result.add(item);
  return result;
}

/** Python's `set(iterable=())`, and the display `{a, b}` of items that are not all constants. */
export function set<T = any>(items?: Iterable<T> | null): PySet<T> {
  return new PySet(items);
}

/**
 * The set display `{1, 2, 3}` whose items are all constants (literals), more than two of them. CPython compiles it
 * differently from `set([...])`, and the items end up in another order: the compiler folds them into a frozenset
 * constant (Python/compile.c starunpack_helper), rebuilds that frozenset from its own iteration order when merging
 * constants (merge_consts_recursive), and the running code merges it into a new set (BUILD_SET 0 + SET_UPDATE).
 * So `{100, 7, 15, 8}` prints `{8, 100, 7, 15}` where `set([100, 7, 15, 8])` prints `{8, 100, 15, 7}`.
 */
export function constantSet<T>(items: readonly T[]): PySet<T> {
  if (items.length <= 2) return new PySet(items);
  const folded = new PySet(items);
  return new PySet(new PySet([...folded]));
}

/** Python's frozenset: a set that cannot change, printed `frozenset({1, 2})`. */
export class PyFrozenSet<T = unknown> extends PySet<T> {
  static override readonly __pyname__ = 'frozenset';
  static override readonly __unhashable__ = false;
  // Items go in once, through the parent constructor, before `frozen` is set.
  private readonly frozen: boolean = true;

  override add(item: T): void {
    if (this.frozen) throw immutable('add');
    super.add(item);
  }
  override discard(): void {
    throw immutable('discard');
  }
  override remove(): void {
    throw immutable('remove');
  }
  override pop(): T {
    throw immutable('pop');
  }
  override clear(): void {
    throw immutable('clear');
  }
  override update(...others: Iterable<T>[]): void {
    if (this.frozen) throw immutable('update');
    super.update(...others);
  }

  /** The dict/set key of a frozenset: its items' keys in a fixed order, so equal frozensets share it. */
  __equalityKey__(): string {
    return 'f\u0000{' + [...this].map(keyText).sort().join('') + '}';
  }

  /** A hash from the items, equal for equal frozensets whatever their order. */
  __hash__(): number {
    let h = 0;
    for (const item of this) h = (h + tableHashNumber(item)) % 0x7fffffff;
    return h;
  }

  override __repr__(): string {
    return this.size === 0 ? 'frozenset()' : `frozenset(${super.__repr__()})`;
  }
}

function immutable(method: string): AttributeError {
  return new AttributeError(`'frozenset' object has no attribute '${method}'`);
}

function tableHashNumber(item: unknown): number {
  const h = tableHash(item);
  return typeof h === 'number' ? h % 0x7fffffff : Number(h % 0x7fffffffn);
}

/** Python's `frozenset(iterable=())`. */
export function frozenset<T>(items?: Iterable<T> | null): PyFrozenSet<T> {
  return new PyFrozenSet(items);
}
