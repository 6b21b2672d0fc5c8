// Python's builtin types as runtime values. `int`, `float`, `str`, `bool`, `list`, `tuple`, `dict`, `set` are the
// conversion functions the translated code calls (`int("3")`) and, at the same time, the classes it tests against
// (`isinstance(x, int)`): a table maps each function to the test for its instances.

import { bool, float, int, list } from './conversions.js';
import { bytearray, bytes, PyByteArray, PyBytes } from './bytes.js';
import { dict, PyDict } from './dict.js';
import { PyFloat } from './py-float.js';
import { registerBuiltin, str } from './repr.js';
import { PySet, set } from './set.js';
import { isTuple, tuple } from './tuple.js';
import { nameOf } from './names.js';
import { TypeError } from './exceptions.js';
import { isClass, typeName } from './type-name.js';

type InstanceTest = (x: unknown) => boolean;

/**
 * Instances of Python's bare `object()`, used as unique sentinels; and the root of a translated class hierarchy that
 * uses multiple inheritance, where constructing an instance runs `__init__` found through the MRO, as Python does.
 */
export class PyObject {
  /** 'object' for this class only: a translated subclass goes by its own name. */
  static get __pyname__(): string | undefined {
    return this === PyObject ? 'object' : undefined;
  }

  constructor(...args: any[]) {
    if (args.length > 0 && this.__init__ === PyObject.prototype.__init__) {
      throw new TypeError(`${typeName(this)}() takes no arguments`);
    }
    this.__init__(...args);
  }
  /** `object.__init__`: what a cooperative `super().__init__()` reaches last. */
  __init__(...args: any[]): void {
    if (args.length > 0) throw new TypeError('object.__init__() takes exactly one argument (the instance to initialize)');
  }
}

/** Python's `object()`: a new featureless object; `object` is also the class every value is an instance of. */
export function object(): PyObject {
  return new PyObject();
}
registerBuiltin(PyObject, 'object', true);

// int: bools are ints in Python (bool subclasses int). An integral number counts as an int unless marked float.
const isInt: InstanceTest = (x) =>
  (typeof x === 'number' && Number.isInteger(x)) || typeof x === 'boolean' || typeof x === 'bigint';
const isFloat: InstanceTest = (x) => x instanceof PyFloat || (typeof x === 'number' && !Number.isInteger(x));

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
  [bytearray, 'bytearray', (x) => x instanceof PyByteArray],
  // PyByteArray extends PyBytes for its methods; in Python a bytearray is no bytes
  [bytes, 'bytes', (x) => x instanceof PyBytes && !(x instanceof PyByteArray)],
  [object, 'object', () => true],
  [type, 'type', (x) => typeof x === 'function' && isClass(x)],
];
const builtinTypes = new Map<Function, InstanceTest>(BUILTIN_TYPES.map(([fn, , test]) => [fn, test]));
for (const [fn, name] of BUILTIN_TYPES) registerBuiltin(fn, name, true);

/** Python's `X | Y` of types (`types.UnionType`), which `isinstance` and `issubclass` accept. */
export class UnionType {
  static readonly __pyname__ = 'UnionType';
  constructor(readonly __args__: readonly (Function | null)[]) {}
  __repr__(): string {
    return this.__args__.map((t) => (t === null ? 'None' : nameOf(t))).join(' | ');
  }
}

/** `a | b` when both sides are types, None or unions: their union; undefined for any other operands. */
export function typeUnion(a: unknown, b: unknown): UnionType | undefined {
  const members = (x: unknown): (Function | null)[] | undefined =>
    x instanceof UnionType ? [...x.__args__] : x === null || (typeof x === 'function' && isClass(x)) ? [x] : undefined;
  const left = members(a);
  const right = members(b);
  if (left === undefined || right === undefined) return undefined;
  return new UnionType([...new Set([...left, ...right])]);
}

/** A class, a builtin pseudo-class (`int`, `str`…), a union of types, or a tuple of them, as `isinstance` accepts. */
export type ClassInfo = Function | UnionType | readonly ClassInfo[];

/**
 * Python's `isinstance(x, cls)`: `cls` is a class, one of the builtin conversion functions standing for a builtin
 * type (`int`, `float`, `str`, `bool`, `list`, `tuple`, `dict`, `set`), or a tuple of those.
 */
export function isinstance(x: unknown, cls: ClassInfo): boolean {
  if (Array.isArray(cls)) return cls.some((c) => isinstance(x, c));
  if (cls instanceof UnionType) return cls.__args__.some((c) => (c === null ? x === null || x === undefined : isinstance(x, c)));
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
  if (base === object) return true;
  if (base instanceof UnionType) return base.__args__.some((b) => b !== null && issubclass(cls, b));
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
