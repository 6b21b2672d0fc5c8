// collections.defaultdict (Modules/_collectionsmodule.c defdict_*): a dict that calls `default_factory()` to create
// the value of a missing key read with `d[key]` (not with `d.get(key)` or `key in d`).

import { PyDict } from '../builtins/dict.js';
import { KeyError, TypeError } from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { callableClass, isOptions, optionEntries, pythonName } from './python-class.js';

type Factory<V> = (() => V) | null;

/** Python's `collections.defaultdict(default_factory=None, [mapping_or_pairs], **kwargs)`. */
export class DefaultDict<K = unknown, V = unknown> extends PyDict<K, V> {
  /** `d.default_factory`: called with no argument for a missing key; None makes a missing key a KeyError. */
  defaultFactory: Factory<V>;

  constructor(defaultFactory: Factory<V> = null, ...rest: unknown[]) {
    super();
    if (defaultFactory !== null && defaultFactory !== undefined && typeof defaultFactory !== 'function') {
      throw new TypeError('first argument must be callable or None');
    }
    this.defaultFactory = defaultFactory ?? null;
    for (const arg of rest) {
      if (isOptions(arg)) for (const [name, value] of optionEntries(arg)) this.setItem(name as K, value as V);
      else if (arg !== null && arg !== undefined) this.update(arg as Iterable<readonly [K, V]>);
    }
  }

  /** `d[key]`: a missing key gets `default_factory()`, stored and returned. */
  override getItem(key: K): V {
    return this.has(key) ? super.getItem(key) : this.__missing__(key);
  }

  /** Python's `__missing__`: KeyError(key) without a factory. */
  __missing__(key: K): V {
    if (this.defaultFactory === null) throw new KeyError(key);
    const value = this.defaultFactory();
    this.setItem(key, value);
    return value;
  }

  /** `d.copy()`: a defaultdict with the same factory. */
  override copy(): DefaultDict<K, V> {
    return new DefaultDict<K, V>(this.defaultFactory, this);
  }

  /** `defaultdict(<class 'list'>, {'a': [1]})`. */
  override __repr__(): string {
    return `${pythonName(this.constructor)}(${repr(this.defaultFactory)}, ${super.__repr__()})`;
  }
}

/** `collections.defaultdict`: call it as Python does, `defaultdict(list)`. */
export const defaultdict = callableClass(DefaultDict, 'collections.defaultdict') as typeof DefaultDict &
  (<K = any, V = any>(defaultFactory?: Factory<V>, ...rest: unknown[]) => DefaultDict<K, V>);
export type defaultdict<K = unknown, V = unknown> = DefaultDict<K, V>;
