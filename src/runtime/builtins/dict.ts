// Python's dict (Objects/dictobject.c): insertion-ordered, keys compared with Python equality, so `d[1]`, `d[1.0]`
// and `d[True]` are one entry (the first key inserted is kept, as in CPython).

import { hashKey, eq } from './equality.js';
import { KeyError, RuntimeError, TypeError, ValueError } from './exceptions.js';
import { isKw, type Kw } from './kw.js';
import { repr, reprGuarded } from './repr.js';
import { tuple } from './tuple.js';

/** Python's dict. Iterating it yields its keys. */
export class PyDict<K = unknown, V = unknown> implements Iterable<K> {
  static readonly __pyname__ = 'dict';
  static readonly __unhashable__ = true;
  // Map key (hashKey of the Python key) → value, in insertion order.
  private readonly entries = new Map<unknown, V>();
  // The Python key of each entry whose Map key is not the key itself (True stored under 1, tuples, None…).
  private readonly originalKeys = new Map<unknown, K>();

  constructor(initial?: Iterable<readonly [K, V]> | PyDict<K, V> | null) {
    if (initial !== undefined && initial !== null) this.update(initial);
  }

  /** Number of entries (Python's `len(d)`). */
  get size(): number {
    return this.entries.size;
  }

  __len__(): number {
    return this.entries.size;
  }

  /** `key in d`. */
  has(key: K): boolean {
    return this.entries.has(hashKey(key));
  }

  __contains__(key: K): boolean {
    return this.has(key);
  }

  /** `d[key]`: raises `KeyError(key)` when absent. */
  getItem(key: K): V {
    const k = hashKey(key);
    const value = this.entries.get(k);
    if (value === undefined && !this.entries.has(k)) throw new KeyError(key);
    return value as V;
  }

  /** `d[key] = value`: a new key goes last; an existing key keeps its place and its first spelling. */
  setItem(key: K, value: V): void {
    const k = hashKey(key);
    if (k !== key && !this.entries.has(k)) this.originalKeys.set(k, key);
    this.entries.set(k, value);
  }

  /** `del d[key]`: raises `KeyError(key)` when absent. */
  delItem(key: K): void {
    const k = hashKey(key);
    if (!this.entries.delete(k)) throw new KeyError(key);
    this.originalKeys.delete(k);
  }

  /** `d.get(key, default=None)`. */
  get<D = null>(key: K, defaultValue: D = null as D): V | D {
    const k = hashKey(key);
    const value = this.entries.get(k);
    if (value === undefined && !this.entries.has(k)) return defaultValue;
    return value as V;
  }

  /** `d.pop(key[, default])`: the value removed, the default when absent, else `KeyError(key)`. */
  pop(key: K, ...defaultValue: [V?]): V {
    const k = hashKey(key);
    if (!this.entries.has(k)) {
      if (defaultValue.length > 0) return defaultValue[0] as V;
      throw new KeyError(key);
    }
    const value = this.entries.get(k) as V;
    this.entries.delete(k);
    this.originalKeys.delete(k);
    return value;
  }

  /** `d.popitem()`: removes and returns the last `(key, value)` pair. */
  popitem(): readonly [K, V] {
    if (this.entries.size === 0) throw new KeyError('popitem(): dictionary is empty');
    let last: unknown;
    for (const k of this.entries.keys()) last = k;
    const pair = tuple(this.keyOf(last), this.entries.get(last) as V);
    this.entries.delete(last);
    this.originalKeys.delete(last);
    return pair;
  }

  /** `d.setdefault(key, default=None)`: the value for key, inserting the default first when absent. */
  setdefault(key: K, defaultValue: V = null as V): V {
    const k = hashKey(key);
    if (this.entries.has(k)) return this.entries.get(k) as V;
    this.setItem(key, defaultValue);
    return defaultValue;
  }

  /** `d.update(other, **kwargs)`: from a dict or an iterable of pairs, then keyword arguments given as `kw({...})`
   *  (alone, or after `other`). */
  update(other?: Iterable<readonly [K, V]> | PyDict<K, V> | Record<string, V> | null, keywords?: Record<string, V>): void {
    if (keywords !== undefined) {
      this.update(other);
      this.update(keywords);
      return;
    }
    if (other === undefined || other === null) return;
    if (other instanceof PyDict) {
      for (const [key, value] of other.items()) this.setItem(key, value);
    } else if (isKw(other)) {
      for (const name of Object.keys(other)) this.setItem(name as K, (other as Record<string, V>)[name] as V);
    } else {
      let index = 0;
      for (const pair of other as Iterable<readonly [K, V]>) {
        if (!Array.isArray(pair) || pair.length !== 2) {
          throw new (Array.isArray(pair) ? ValueError : TypeError)(pairError(index, pair));
        }
        this.setItem(pair[0], pair[1]);
        index++;
      }
    }
  }

  /** `d.copy()`: a shallow copy. */
  copy(): PyDict<K, V> {
    return new PyDict(this);
  }

  /** `d.clear()`. */
  clear(): void {
    this.entries.clear();
    this.originalKeys.clear();
  }

  /** `d.keys()`: a live view that prints as `dict_keys([...])`. */
  keys(): DictView<K> {
    return new DictView('dict_keys', this, () => this.iterKeys());
  }

  /** `d.values()`: a live view that prints as `dict_values([...])`. */
  values(): DictView<V> {
    return new DictView('dict_values', this, () => this.iterValues());
  }

  /** `d.items()`: a live view of `(key, value)` tuples that prints as `dict_items([...])`. */
  items(): DictView<readonly [K, V]> {
    return new DictView('dict_items', this, () => this.iterItems());
  }

  [Symbol.iterator](): Iterator<K> {
    return this.iterKeys();
  }

  /** `dict.fromkeys(keys, value=None)`. */
  static fromkeys<K, V = null>(keys: Iterable<K>, value: V = null as V): PyDict<K, V> {
    const d = new PyDict<K, V>();
    for (const key of keys) d.setItem(key, value);
    return d;
  }

  __eq__(other: unknown): boolean {
    if (!(other instanceof PyDict) || other.size !== this.size) return false;
    for (const [k, value] of this.entries) {
      if (!other.entries.has(k) || !eq(value, other.entries.get(k))) return false;
    }
    return true;
  }

  __repr__(): string {
    if (this.entries.size === 0) return '{}';
    return reprGuarded(this, '{...}', () => {
      const parts: string[] = [];
      for (const [k, value] of this.entries) parts.push(repr(this.keyOf(k)) + ': ' + repr(value));
      return '{' + parts.join(', ') + '}';
    });
  }

  private keyOf(k: unknown): K {
    return this.originalKeys.size !== 0 && this.originalKeys.has(k) ? (this.originalKeys.get(k) as K) : (k as K);
  }

  // CPython raises "dictionary changed size during iteration" when the size moves under an iterator.
  private *guarded<T>(source: Iterator<T>): Generator<T> {
    const size = this.entries.size;
    for (let step = source.next(); !step.done; step = source.next()) {
      yield step.value;
      if (this.entries.size !== size) throw new RuntimeError('dictionary changed size during iteration');
    }
  }

  private iterKeys(): Iterator<K> {
    if (this.originalKeys.size === 0) return this.guarded(this.entries.keys()) as Iterator<K>;
    const keys = this.entries.keys();
    return this.guarded({ next: () => mapStep(keys.next(), (k) => this.keyOf(k)) });
  }

  private iterValues(): Iterator<V> {
    return this.guarded(this.entries.values());
  }

  private iterItems(): Iterator<readonly [K, V]> {
    const source = this.entries.entries();
    return this.guarded({ next: () => mapStep(source.next(), ([k, value]) => tuple(this.keyOf(k), value)) });
  }
}

function mapStep<A, B>(step: IteratorResult<A>, f: (a: A) => B): IteratorResult<B> {
  return step.done ? { done: true, value: undefined } : { done: false, value: f(step.value) };
}

// dict([(1, 2, 3)]) → ValueError; dict([1]) → TypeError (Objects/dictobject.c dict_merge_from_seq2).
function pairError(index: number, pair: unknown): string {
  if (Array.isArray(pair)) {
    return `dictionary update sequence element #${index} has length ${pair.length}; 2 is required`;
  }
  return `cannot convert dictionary update sequence element #${index} to a sequence`;
}

/** A live view of a dict's keys, values or items (`dict_keys([...])`). */
export class DictView<T> implements Iterable<T> {
  static readonly __pyname__ = 'dict_view';
  constructor(
    private readonly kind: 'dict_keys' | 'dict_values' | 'dict_items',
    private readonly dict: PyDict<any, any>,
    private readonly iterate: () => Iterator<T>,
  ) {}

  get size(): number {
    return this.dict.size;
  }

  __len__(): number {
    return this.dict.size;
  }

  __contains__(x: unknown): boolean {
    if (this.kind === 'dict_keys') return this.dict.has(x);
    for (const item of this) if (eq(item, x)) return true;
    return false;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.iterate();
  }

  __repr__(): string {
    return `${this.kind}(${repr([...this])})`;
  }
}

/** Python's `dict(...)`: empty, from pairs or another dict, plus keyword entries given as a trailing `kw({...})`;
 *  `dict.fromkeys(keys, value)` as in Python. */
export const dict = Object.assign(
  function dict<K = unknown, V = unknown>(
    initial?: Iterable<readonly [K, V]> | PyDict<K, V> | Kw<Record<string, V>> | null,
    keywords?: Record<string, V>,
  ): PyDict<K, V> {
    if (isKw(initial)) return dict<K, V>(null, initial as Record<string, V>);
    const d = new PyDict<K, V>(initial);
    if (keywords !== undefined) d.update(keywords as Record<string, V>);
    return d;
  },
  { fromkeys: PyDict.fromkeys },
);
