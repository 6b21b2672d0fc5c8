// Python's `==` and hashing for runtime values (Objects/object.c PyObject_RichCompare, Python/pyhash.c).
//
// Dict and set keys are reduced to a JS Map key by `hashKey`, so that keys equal in Python are one Map key:
// `1`, `1.0` and `True` all become the number 1, a tuple becomes a string spelling its items with their types.

import { TypeError } from './exceptions.js';
import { PyFloat } from './py-float.js';
import { id } from './identity.js';
import { isTuple } from './tuple.js';
import { typeName } from './type-name.js';

interface WithEq {
  __eq__(other: unknown): unknown;
}
interface WithHash {
  __hash__(): number;
}

/** Python's `a == b`: numbers and bools by value, lists and tuples item by item, `__eq__` when defined. */
export function eq(a: unknown, b: unknown): boolean {
  // a boxed NaN is identical to itself but not equal; containers test identity before calling eq, as CPython does
  if (a === b) return !(a instanceof PyFloat) || a.value === a.value;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'string' || tb === 'string') return false;
  if ((ta === 'number' || ta === 'boolean') && (tb === 'number' || tb === 'boolean')) {
    return Number(a) === Number(b);
  }
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (a instanceof PyFloat) return eq(a.value, b);
  if (b instanceof PyFloat) return eq(a, b.value);
  if (ta === 'bigint' || tb === 'bigint') return numericBigIntEquals(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && isTuple(a) === isTuple(b) && itemsEqual(a, b);
  if (ta === 'object' && typeof (a as WithEq).__eq__ === 'function') {
    const result = (a as WithEq).__eq__(b);
    if (result !== NotImplemented) return Boolean(result);
  }
  if (tb === 'object' && typeof (b as WithEq).__eq__ === 'function') {
    const result = (b as WithEq).__eq__(a);
    if (result !== NotImplemented) return Boolean(result);
  }
  return false;
}

/** Python's `a != b`. */
export function ne(a: unknown, b: unknown): boolean {
  return !eq(a, b);
}

/** Python's NotImplemented: returned by an `__eq__` that cannot compare with the other operand. */
export const NotImplemented: unique symbol = Symbol('NotImplemented');

function numericBigIntEquals(a: unknown, b: unknown): boolean {
  const toBig = (x: unknown): bigint | null =>
    typeof x === 'bigint'
      ? x
      : typeof x === 'number' && Number.isInteger(x)
        ? BigInt(x)
        : typeof x === 'boolean'
          ? BigInt(x)
          : null;
  const x = toBig(a);
  const y = toBig(b);
  return x !== null && x === y;
}

function itemsEqual(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !eq(a[i], b[i])) return false;
  return true;
}

const NONE_KEY = Symbol('None');

/**
 * The JS Map key standing for a Python dict/set key: equal Python keys give the same Map key. Raises
 * `TypeError: unhashable type: 'list'` for lists, dicts and sets. Objects with `__hash__` are keyed by that hash
 * (objects of equal hash are taken as equal); other objects by identity.
 */
export function hashKey(x: unknown): unknown {
  switch (typeof x) {
    case 'string':
    case 'number':
      return x;
    case 'boolean':
      return x ? 1 : 0;
    case 'undefined':
      return NONE_KEY;
    case 'bigint':
      return Number.isSafeInteger(Number(x)) ? Number(x) : 'n\u0000' + x.toString();
    case 'object':
      if (x === null) return NONE_KEY;
      if (isTuple(x)) return tupleKey(x as readonly unknown[]);
      // a NaN is a key only to itself (CPython hashes it by identity)
      if (x instanceof PyFloat) return x.value === x.value ? x.value : x;
      return objectKey(x);
    default:
      return x;
  }
}

/**
 * True for lists, dicts, sets and other mutable builtins, and for objects of a class whose `__hash__` is None (a
 * translated class that defines `__eq__` without `__hash__` declares `static __hash__ = null`, as Python sets it).
 */
export function isUnhashable(x: object): boolean {
  const cls = x.constructor as { __unhashable__?: boolean; __hash__?: unknown } | undefined;
  if (Array.isArray(x) || cls?.__unhashable__ === true) return true;
  return cls?.__hash__ === null && typeof (x as WithHash).__hash__ !== 'function';
}

function objectKey(x: object): unknown {
  if (isUnhashable(x)) throw new TypeError(`unhashable type: '${typeName(x)}'`);
  // Runtime values that know an exact equality key (bytes, frozenset) give it; equal keys mean equal values.
  if (typeof (x as WithEqualityKey).__equalityKey__ === 'function') return (x as WithEqualityKey).__equalityKey__();
  if (typeof (x as WithHash).__hash__ === 'function') return 'h\u0000' + (x as WithHash).__hash__();
  return x;
}

interface WithEqualityKey {
  __equalityKey__(): string;
}

/** The Map key of `x` (see hashKey) spelled as a string with its type, for composing keys of containers. */
export function keyText(x: unknown): string {
  const k = hashKey(x);
  switch (typeof k) {
    case 'number':
      return 'n' + (k === 0 ? '0' : String(k)) + '\u0000';
    case 'string':
      return 's' + k.length + ':' + k + '\u0000';
    case 'symbol':
      return 'N\u0000';
    default:
      return 'o' + id(k) + '\u0000';
  }
}

// A tuple's key spells each item with a type tag, so that ('1',) and (1,) differ while (1,) and (1.0,) agree.
function tupleKey(items: readonly unknown[]): string {
  let key = 't\u0000(';
  for (const item of items) key += keyText(item);
  return key + ')';
}
