// collections.OrderedDict (Lib/collections/__init__.py OrderedDict): a dict whose equality with another
// OrderedDict depends on order, with move_to_end and popitem(last=False).

import { PyDict } from '../builtins/dict.js';
import { eq } from '../builtins/equality.js';
import { KeyError } from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { callableClass, isOptions, optionEntries, pythonName } from './python-class.js';

interface LastOption {
  last?: boolean;
}

// `last` given positionally (`od.popitem(false)`) or as a keyword (`od.popitem({ last: false })`).
function lastArgument(arg: boolean | LastOption | undefined): boolean {
  if (arg === undefined) return true;
  return isOptions(arg) ? ((arg as LastOption).last ?? true) : Boolean(arg);
}

/** Python's `collections.OrderedDict([mapping_or_pairs], **kwargs)`. */
export class PyOrderedDict<K = unknown, V = unknown> extends PyDict<K, V> {
  constructor(...args: unknown[]) {
    super();
    for (const arg of args) {
      if (isOptions(arg)) for (const [name, value] of optionEntries(arg)) this.setItem(name as K, value as V);
      else if (arg !== null && arg !== undefined) this.update(arg as Iterable<readonly [K, V]>);
    }
  }

  /** `od.move_to_end(key, last=True)`: move an existing key to the end, or to the start when last is false. */
  moveToEnd(key: K, last?: boolean | LastOption): void {
    if (!this.has(key)) throw new KeyError(key);
    if (lastArgument(last)) {
      const value = this.pop(key);
      this.setItem(key, value);
      return;
    }
    const entries = [...this.items()];
    this.clear();
    const moved = entries.find(([k]) => eq(k, key))!;
    this.setItem(moved[0], moved[1]);
    for (const [k, value] of entries) if (k !== moved[0]) this.setItem(k, value);
  }

  /** `od.popitem(last=True)`: remove and return the last (or, with last false, the first) pair. */
  override popitem(last?: boolean | LastOption): readonly [K, V] {
    if (this.size === 0) throw new KeyError('dictionary is empty');
    if (lastArgument(last)) return super.popitem();
    const first = this.items()[Symbol.iterator]().next().value as readonly [K, V];
    this.pop(first[0]);
    return first;
  }

  /** `od.copy()`: an OrderedDict. */
  override copy(): PyOrderedDict<K, V> {
    return new PyOrderedDict<K, V>(this);
  }

  /** With another OrderedDict, equal only in the same order; with a plain dict, order does not matter. */
  override __eq__(other: unknown): boolean {
    if (!super.__eq__(other)) return false;
    if (!(other instanceof PyOrderedDict)) return true;
    const mine = [...this];
    const theirs = [...other];
    return mine.every((key, i) => eq(key, theirs[i]));
  }

  *__reversed__(): Generator<K> {
    yield* [...this].reverse();
  }

  /** `OrderedDict([('a', 1)])` (the 3.11 form), `OrderedDict()` when empty. */
  override __repr__(): string {
    const name = pythonName(this.constructor);
    if (this.size === 0) return `${name}()`;
    return `${name}(${repr([...this.items()])})`;
  }
}

/** `collections.OrderedDict`: call it as Python does, `OrderedDict([("a", 1)])`, `OrderedDict({ a: 1 })`. */
export const OrderedDict = callableClass(PyOrderedDict, 'collections.OrderedDict') as typeof PyOrderedDict &
  (<K = any, V = any>(...args: unknown[]) => PyOrderedDict<K, V>);
export type OrderedDict<K = unknown, V = unknown> = PyOrderedDict<K, V>;
