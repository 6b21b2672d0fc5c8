// pyts/runtime/copy: Python's copy module (Lib/copy.py). `copy` makes a shallow copy and `deepcopy` a deep one
// that preserves shared and circular references (through a memo), for runtime values and translated instances.

import { PyDict } from '../builtins/dict.js';
import { PyFloat } from '../builtins/py-float.js';
import { PySet } from '../builtins/set.js';
import { isTuple } from '../builtins/tuple.js';

const TUPLE_BRAND = Symbol.for('pyts.tuple');

interface Copyable {
  __copy__?(): unknown;
  __deepcopy__?(memo: Map<unknown, unknown>): unknown;
}

// Values copy returns unchanged: immutable ones, functions and classes (Lib/copy.py _copy_immutable).
function isAtomic(x: unknown): boolean {
  return typeof x !== 'object' || x === null || x instanceof PyFloat;
}

/** Python's `copy.copy(x)`: a new container with the same items, or a new instance with the same attributes. */
export function copy<T>(x: T): T {
  if (isAtomic(x)) return x;
  const custom = (x as Copyable).__copy__;
  if (typeof custom === 'function') return custom.call(x) as T;
  if (isTuple(x)) return x;
  if (Array.isArray(x)) return x.slice() as T;
  if (x instanceof PyDict || x instanceof PySet) return x.copy() as T;
  return cloneObject(x as object, (value) => value) as T;
}

/** Python's `copy.deepcopy(x)`: copies recursively; an object met twice is copied once. */
export function deepcopy<T>(x: T, memo: Map<unknown, unknown> = new Map()): T {
  if (isAtomic(x)) return x;
  if (memo.has(x)) return memo.get(x) as T;
  const custom = (x as Copyable).__deepcopy__;
  if (typeof custom === 'function') {
    const result = custom.call(x, memo);
    memo.set(x, result);
    return result as T;
  }
  if (isTuple(x)) return deepcopyTuple(x as unknown as readonly unknown[], memo) as T;
  if (Array.isArray(x)) {
    const result: unknown[] = [];
    memo.set(x, result);
    for (const item of x) result.push(deepcopy(item, memo));
    return result as T;
  }
  if (x instanceof PyDict) {
    // copy() keeps the subclass and its settings (a defaultdict's factory); the items are then copied deeply.
    const result = x.copy();
    result.clear();
    memo.set(x, result);
    for (const [key, value] of x.items()) result.setItem(deepcopy(key, memo), deepcopy(value, memo));
    return result as T;
  }
  if (x instanceof PySet) {
    const result = x.copy();
    result.clear();
    memo.set(x, result);
    for (const item of x) result.add(deepcopy(item, memo));
    return result as T;
  }
  return cloneObject(x as object, (value) => deepcopy(value, memo), memo) as T;
}

// Lib/copy.py _deepcopy_tuple: the same tuple when no item changed, else a new one of the same class (namedtuple).
function deepcopyTuple(items: readonly unknown[], memo: Map<unknown, unknown>): readonly unknown[] {
  const copied = items.map((item) => deepcopy(item, memo));
  if (memo.has(items)) return memo.get(items) as readonly unknown[];
  if (copied.every((item, i) => item === items[i])) return items;
  (copied as unknown as Record<symbol, boolean>)[TUPLE_BRAND] = true;
  Object.setPrototypeOf(copied, Object.getPrototypeOf(items));
  return Object.freeze(copied);
}

// An instance of a translated class: a new object of the same class with its own attributes copied by `each`
// (Lib/copy.py _reconstruct with the instance __dict__).
function cloneObject(x: object, each: (value: unknown) => unknown, memo?: Map<unknown, unknown>): object {
  const result = Object.create(Object.getPrototypeOf(x)) as object;
  memo?.set(x, result);
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(x))) {
    if ('value' in descriptor) descriptor.value = each(descriptor.value);
    Object.defineProperty(result, name, descriptor);
  }
  return result;
}
