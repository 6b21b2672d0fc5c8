// pyts/runtime/operator: Python's operator module (Lib/operator.py) — the operators as functions, with Python's
// semantics (the runtime's generic operators), and itemgetter, attrgetter and methodcaller.

import { abs } from '../builtins/arithmetic.js';
import { bitNot } from '../builtins/bitwise.js';
import { eq as equal, ne as notEqual } from '../builtins/equality.js';
import { AttributeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { iterable } from '../builtins/iteration.js';
import {
  add as plus,
  bitOp,
  mul as times,
  neg as negate,
  pos as positive,
  pyFloorDiv,
  pyMod,
  pyPow,
  pyTrueDiv,
  sub as minus,
} from '../builtins/operators.js';
import { ge as greaterEqual, gt as greater, le as lessEqual, lt as less } from '../builtins/ordering.js';
import { repr } from '../builtins/repr.js';
import { contains as has, delItem, getItem, len, setItem } from '../builtins/sequences.js';
import { truthy } from '../builtins/truthiness.js';
import { tuple } from '../builtins/tuple.js';
import { typeName } from '../builtins/type-name.js';
import { splitOptions } from '../collections/python-class.js';

/** `operator.add(a, b)` … : the Python operators as functions. */
export const add = (a: unknown, b: unknown): any => plus(a, b);
export const sub = (a: unknown, b: unknown): any => minus(a, b);
export const mul = (a: unknown, b: unknown): any => times(a, b);
export const truediv = (a: unknown, b: unknown): any => pyTrueDiv(a, b);
export const floordiv = (a: unknown, b: unknown): any => pyFloorDiv(a, b);
export const mod = (a: unknown, b: unknown): any => pyMod(a, b);
export const pow = (a: unknown, b: unknown): any => pyPow(a, b);
export { abs };
export const neg = (a: unknown): any => negate(a);
export const pos = (a: unknown): any => positive(a);
export const and_ = (a: unknown, b: unknown): any => bitOp(a, '&', b);
export const or_ = (a: unknown, b: unknown): any => bitOp(a, '|', b);
export const xor = (a: unknown, b: unknown): any => bitOp(a, '^', b);
export const lshift = (a: unknown, b: unknown): any => bitOp(a, '<<', b);
export const rshift = (a: unknown, b: unknown): any => bitOp(a, '>>', b);
export const invert = (a: number): number => bitNot(a);
export const inv = invert;
export const eq = (a: unknown, b: unknown): boolean => equal(a, b);
export const ne = (a: unknown, b: unknown): boolean => notEqual(a, b);
export const lt = (a: unknown, b: unknown): boolean => less(a, b);
export const le = (a: unknown, b: unknown): boolean => lessEqual(a, b);
export const gt = (a: unknown, b: unknown): boolean => greater(a, b);
export const ge = (a: unknown, b: unknown): boolean => greaterEqual(a, b);
export const not_ = (a: unknown): boolean => !truthy(a);
export const truth = (a: unknown): boolean => truthy(a);
export const is_ = (a: unknown, b: unknown): boolean => a === b || (a == null && b == null);
export const isNot = (a: unknown, b: unknown): boolean => !is_(a, b);
export const contains = (a: unknown, b: unknown): boolean => has(a, b);
export const getitem = (a: unknown, b: unknown): any => getItem(a, b);
export const setitem = (a: unknown, b: unknown, c: unknown): void => setItem(a, b, c);
export const delitem = (a: unknown, b: unknown): void => delItem(a, b);

/** `operator.index(a)`: an int, or a TypeError for anything else. */
export function index(a: unknown): number {
  if (typeof a === 'boolean') return Number(a);
  if (typeof a === 'number' && Number.isInteger(a)) return a;
  const dunder = (a as { __index__?: () => number } | null)?.__index__;
  if (typeof dunder === 'function') return dunder.call(a);
  throw new TypeError(`'${typeName(a)}' object cannot be interpreted as an integer`);
}

/** `operator.concat(a, b)`: `a + b` for sequences only. */
export function concat(a: unknown, b: unknown): any {
  if (typeof a !== 'string' && !Array.isArray(a)) throw new TypeError(`'${typeName(a)}' object can't be concatenated`);
  return plus(a, b);
}

/** `operator.countOf(a, b)`: how many items of a are (or equal) b. */
export function countOf(a: Iterable<unknown>, b: unknown): number {
  let n = 0;
  for (const item of iterable(a)) if (item === b || equal(item, b)) n++;
  return n;
}

/** `operator.indexOf(a, b)`: the first position of b in a. */
export function indexOf(a: Iterable<unknown>, b: unknown): number {
  let i = 0;
  for (const item of iterable(a)) {
    if (item === b || equal(item, b)) return i;
    i++;
  }
  throw new ValueError('sequence.index(x): x not in sequence');
}

/** `operator.length_hint(obj, default=0)`. */
export function lengthHint(obj: unknown, defaultValue = 0): number {
  try {
    return len(obj);
  } catch {
    return defaultValue;
  }
}

type Getter = ((obj: unknown) => any) & { __repr__(): string };

function named(fn: (obj: unknown) => unknown, text: string): Getter {
  return Object.assign(fn, { __repr__: () => text });
}

/** `operator.itemgetter(*items)`: `obj[item]`, or a tuple of them for several items. */
export function itemgetter(...items: unknown[]): Getter {
  const text = `operator.itemgetter(${items.map((item) => repr(item)).join(', ')})`;
  if (items.length === 1) return named((obj) => getItem(obj, items[0]), text);
  return named((obj) => tuple(...items.map((item) => getItem(obj, item))), text);
}

// Python's getattr for a dotted path; a translated method is found under its camelCase name.
function getAttribute(obj: unknown, path: string): unknown {
  let value = obj;
  for (const name of path.split('.')) {
    const holder = value as Record<string, unknown>;
    if (value !== null && value !== undefined && name in Object(value)) value = holder[name];
    else if (value !== null && value !== undefined && camelCase(name) in Object(value)) value = holder[camelCase(name)];
    else throw new AttributeError(`'${typeName(value)}' object has no attribute '${name}'`);
  }
  return value;
}

function camelCase(name: string): string {
  return name.replace(/(?<=[a-z0-9])_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** `operator.attrgetter(*attrs)`: `obj.attr` (dotted paths allowed), or a tuple for several. */
export function attrgetter(...attrs: string[]): Getter {
  const text = `operator.attrgetter(${attrs.map((a) => repr(a)).join(', ')})`;
  if (attrs.length === 1) return named((obj) => getAttribute(obj, attrs[0]!), text);
  return named((obj) => tuple(...attrs.map((a) => getAttribute(obj, a))), text);
}

/** `operator.methodcaller(name, *args, **kwargs)`: calls `obj.name(*args)` (keywords as a trailing options object). */
export function methodcaller(name: string, ...rest: unknown[]): Getter {
  const [args, options] = splitOptions(rest);
  const keywords = Object.entries(options).map(([k, v]) => `${k}=${repr(v)}`);
  const text = `operator.methodcaller(${[repr(name), ...args.map((a) => repr(a)), ...keywords].join(', ')})`;
  const callArgs = Object.keys(options).length > 0 ? [...args, options] : args;
  return named((obj) => {
    const method = getAttribute(obj, name);
    if (typeof method !== 'function') throw new TypeError(`'${typeName(method)}' object is not callable`);
    return method.apply(obj, callArgs);
  }, text);
}
