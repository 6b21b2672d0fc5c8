// Python's augmented assignments on values whose type the translator could not pin down (Objects/abstract.c
// PyNumber_InPlaceAdd and friends): a mutable object is changed in place and stays the same object (`a += [5]`
// extends the list every alias sees, `s |= t` updates the set), `__iadd__`/`__ior__`… of a class are called, and
// anything else falls back to the binary operator, which makes a new value (ints, strings, tuples).

import { PyDict } from './dict.js';
import { NotImplemented } from './equality.js';
import { TypeError } from './exceptions.js';
import { listExtend } from './list-methods.js';
import { add, bitOp, mul, sub } from './operators.js';
import { PyFrozenSet, PySet } from './set.js';
import { isTuple } from './tuple.js';
import { typeName } from './type-name.js';

type InPlace = (this: unknown, other: unknown) => unknown;

function ownInPlace(target: unknown, name: string, other: unknown): { value: unknown } | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const method = (target as Record<string, unknown>)[name];
  if (typeof method !== 'function') return undefined;
  const value = (method as InPlace).call(target, other);
  return value === NotImplemented ? undefined : { value };
}

const isList = (x: unknown): x is unknown[] => Array.isArray(x) && !isTuple(x);
const isMutableSet = (x: unknown): x is PySet => x instanceof PySet && !(x instanceof PyFrozenSet);

function unsupported(op: string, a: unknown, b: unknown): TypeError {
  return new TypeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** `a += b`: a list is extended by any iterable. */
export function iadd(a: unknown, b: unknown): any {
  if (isList(a)) {
    listExtend(a, b as Iterable<unknown>);
    return a;
  }
  const own = ownInPlace(a, '__iadd__', b);
  return own ? own.value : add(a, b);
}

/** `a -= b`: a set loses the items of another set. */
export function isub(a: unknown, b: unknown): any {
  if (isMutableSet(a)) {
    if (!(b instanceof PySet)) throw unsupported('-=', a, b);
    a.differenceUpdate(b);
    return a;
  }
  const own = ownInPlace(a, '__isub__', b);
  return own ? own.value : sub(a, b);
}

/** `a *= n`: a list repeats its items in place. */
export function imul(a: unknown, b: unknown): any {
  if (isList(a)) {
    const repeated = mul(a, b) as unknown[];
    a.splice(0, a.length, ...repeated);
    return a;
  }
  const own = ownInPlace(a, '__imul__', b);
  return own ? own.value : mul(a, b);
}

/** `a |= b`: a set gains the items of another set; a dict is updated from a mapping or pairs. */
export function ior(a: unknown, b: unknown): any {
  if (isMutableSet(a)) {
    if (!(b instanceof PySet)) throw unsupported('|=', a, b);
    a.update(b);
    return a;
  }
  const own = ownInPlace(a, '__ior__', b);
  if (own) return own.value;
  if (a instanceof PyDict) {
    a.update(b as Iterable<readonly [unknown, unknown]>);
    return a;
  }
  return bitOp(a, '|', b);
}

/** `a &= b`: a set keeps only the items also in another set. */
export function iand(a: unknown, b: unknown): any {
  if (isMutableSet(a)) {
    if (!(b instanceof PySet)) throw unsupported('&=', a, b);
    a.intersectionUpdate(b);
    return a;
  }
  const own = ownInPlace(a, '__iand__', b);
  return own ? own.value : bitOp(a, '&', b);
}

/** `a ^= b`: a set keeps the items in exactly one of the two sets. */
export function ixor(a: unknown, b: unknown): any {
  if (isMutableSet(a)) {
    if (!(b instanceof PySet)) throw unsupported('^=', a, b);
    a.symmetricDifferenceUpdate(b);
    return a;
  }
  const own = ownInPlace(a, '__ixor__', b);
  return own ? own.value : bitOp(a, '^', b);
}
