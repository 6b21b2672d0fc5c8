// The iterator objects Python's builtins return (`map`, `zip`, `enumerate`, `filter`, `reversed`): JS iterators
// that also carry the Python type name, so `type(m).__name__` is 'map' and `repr(m)` is `<map object at 0x…>`.

import { addressOf } from './identity.js';

/** A one-shot iterator with a Python type name (the class's static `__pyname__`). */
export class BuiltinIterator<T> implements IterableIterator<T> {
  static readonly __pyname__: string = 'iterator';

  constructor(private readonly source: Iterator<T>) {}

  next(): IteratorResult<T> {
    return this.source.next();
  }

  [Symbol.iterator](): this {
    return this;
  }

  __repr__(): string {
    return `<${(this.constructor as typeof BuiltinIterator).__pyname__} object at ${addressOf(this)}>`;
  }
}

/** What `map(...)` returns. */
export class MapIterator<T> extends BuiltinIterator<T> {
  static override readonly __pyname__: string = 'map';
}

/** What `zip(...)` returns. */
export class ZipIterator<T> extends BuiltinIterator<T> {
  static override readonly __pyname__: string = 'zip';
}

/** What `enumerate(...)` returns. */
export class EnumerateIterator<T> extends BuiltinIterator<T> {
  static override readonly __pyname__: string = 'enumerate';
}

/** What `filter(...)` returns. */
export class FilterIterator<T> extends BuiltinIterator<T> {
  static override readonly __pyname__: string = 'filter';
}

/** What `reversed(list)` returns. */
export class ListReverseIterator<T> extends BuiltinIterator<T> {
  static override readonly __pyname__: string = 'list_reverseiterator';
}

/** What `reversed(str)` and `reversed(tuple)` return (CPython's `reversed` object). */
export class ReversedIterator<T> extends BuiltinIterator<T> {
  static override readonly __pyname__: string = 'reversed';
}

/** What `reversed(dict)` returns. */
export class DictReverseKeyIterator<T> extends BuiltinIterator<T> {
  static override readonly __pyname__: string = 'dict_reversekeyiterator';
}
