// Python's builtin types as runtime values. `int`, `float`, `str`, `bool`, `list`, `tuple`, `dict`, `set` are the
// conversion functions the translated code calls (`int("3")`) and, at the same time, the classes it tests against
// (`isinstance(x, int)`): a table maps each function to the test for its instances.

import { bool, float, int, list } from './conversions.js';
import { dict, PyDict } from './dict.js';
import { FloatValue } from './float-marker.js';
import { registerBuiltin, str } from './repr.js';
import { PySet, set } from './set.js';
import { isTuple, tuple } from './tuple.js';
import { TypeError } from './exceptions.js';

type InstanceTest = (x: unknown) => boolean;

/** Instances of Python's bare `object()`, used as unique sentinels. */
export class PyObject {
  static readonly __pyname__ = 'object';
}

/** Python's `object()`: a new featureless object; `object` is also the class every value is an instance of. */
export function object(): PyObject {
  return new PyObject();
}
registerBuiltin(PyObject, 'object', true);

// int: bools are ints in Python (bool subclasses int). An integral number counts as an int unless marked float.
const isInt: InstanceTest = (x) =>
  (typeof x === 'number' && Number.isInteger(x)) || typeof x === 'boolean' || typeof x === 'bigint';
const isFloat: InstanceTest = (x) => x instanceof FloatValue || (typeof x === 'number' && !Number.isInteger(x));

// Each builtin type: its Python name (spelled out, as bundlers may rename JS functions) and its instance test.
const BUILTIN_TYPES: [Function, string, InstanceTest][] = [
  [int, 'int', isInt],
  [float, 'float', isFloat],
  [str, 'str', (x) => typeof x === 'string'],
  [bool, 'bool', (x) => typeof x === 'boolean'],
  [list, 'list', (x) => Array.isArray(x) && !isTuple(x)],
  [tuple, 'tuple', isTuple],
  [dict, 'dict', (x) => x instanceof PyDict],
  [set, 'set', (x) => x instanceof PySet],
  [object, 'object', () => true],
];
const builtinTypes = new Map<Function, InstanceTest>(BUILTIN_TYPES.map(([fn, , test]) => [fn, test]));
for (const [fn, name] of BUILTIN_TYPES) registerBuiltin(fn, name, true);

/** A class, a builtin pseudo-class (`int`, `str`…), or a tuple of them, as `isinstance` accepts. */
export type ClassInfo = Function | readonly ClassInfo[];

/**
 * Python's `isinstance(x, cls)`: `cls` is a class, one of the builtin conversion functions standing for a builtin
 * type (`int`, `float`, `str`, `bool`, `list`, `tuple`, `dict`, `set`), or a tuple of those.
 */
export function isinstance(x: unknown, cls: ClassInfo): boolean {
  if (Array.isArray(cls)) return cls.some((c) => isinstance(x, c));
  const test = builtinTypes.get(cls as Function);
  if (test !== undefined) return test(x);
  if (typeof cls !== 'function') {
    throw new TypeError('isinstance() arg 2 must be a type, a tuple of types, or a union');
  }
  return x instanceof cls;
}

/** Python's `issubclass(cls, base)` for classes (and tuples of classes). */
export function issubclass(cls: Function, base: ClassInfo): boolean {
  if (Array.isArray(base)) return base.some((b) => issubclass(cls, b));
  if (cls === base) return true;
  if (cls === bool && base === int) return true;
  return typeof base === 'function' && cls.prototype instanceof base;
}

/** Python's `type(x)`: the class of `x`, or the builtin pseudo-class (`int`, `str`…) of a builtin value. */
export function type(x: unknown): Function | null {
  if (x === null || x === undefined) return null;
  // bool before int: True is an instance of both, and its type is bool.
  if (typeof x === 'boolean') return bool;
  // `object` matches every value for isinstance; as a type it is only the type of bare object() instances
  for (const [fn, test] of builtinTypes) if (fn !== object && test(x)) return fn;
  return (x as object).constructor;
}

/** Python's `callable(x)`: functions and classes, and objects with a `__call__` method. */
export function callable(x: unknown): boolean {
  if (typeof x === 'function') return true;
  return typeof x === 'object' && x !== null && typeof (x as { __call__?: unknown }).__call__ === 'function';
}

/**
 * Python's `cls.__mro__`: the class, its bases up the (single) inheritance chain, and `object` last. Translated
 * classes inherit singly (multiple inheritance is refused at translation), so the chain is the JS prototype chain.
 */
export function mro(cls: Function): readonly Function[] {
  const chain: Function[] = [];
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    if (c !== object && c !== PyObject) chain.push(c);
  }
  chain.push(object);
  return tuple(...chain);
}

/** Python's `cls.__bases__`: the direct base class, or `object`. */
export function bases(cls: Function): readonly Function[] {
  const base: unknown = Object.getPrototypeOf(cls);
  return tuple(typeof base === 'function' && base !== Function.prototype ? base : object);
}
