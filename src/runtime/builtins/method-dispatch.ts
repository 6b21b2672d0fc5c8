// `x.append(v)` where the translator could not tell x's type. Python lists are JS arrays, which have no `append`,
// and str values are JS strings, whose namesakes of Python's str methods differ (`replace` replaces the first match
// only) or are missing, so a method called on an unknown receiver is decided here, at run time: Python's list
// semantics for an array, the str helpers for a string, the bytes methods for bytes (`data.upper()` on what
// `reader.read()` gave), the object's own method (camelCase, as translated classes and runtime objects spell them)
// otherwise.
import { AttributeError, TypeError } from './exceptions.js';
import { sort, type SortOptions } from './iteration.js';
import { INT_METHODS } from './int-methods.js';
import { isKw } from './kw.js';
import { listCount, listExtend, listIndex, listInsert, listPop, listRemove } from './list-methods.js';
import { PyBytes } from './bytes.js';
import * as strMethods from './str-methods.js';
import { isTuple, markTuple } from './tuple.js';
import { typeName } from './type-name.js';

const LIST_METHODS: Record<string, (xs: unknown[], ...args: any[]) => unknown> = {
  append: (xs, x) => {
    xs.push(x);
    return null;
  },
  extend: (xs, items) => (listExtend(xs, items), null),
  insert: (xs, i, x) => (listInsert(xs, i, x), null),
  remove: (xs, x) => (listRemove(xs, x), null),
  pop: (xs, ...i) => listPop(xs, ...i),
  index: (xs, ...args) => listIndex(xs, ...(args as [unknown])),
  count: (xs, x) => listCount(xs, x),
  sort: (xs, options?: SortOptions<unknown>) => (sort(xs, options), null),
  reverse: (xs) => (xs.reverse(), null),
  copy: (xs) => [...xs],
  clear: (xs) => (xs.splice(0), null),
};

/** How many positional arguments each method takes: [least, most]. */
export const ARITY: Record<string, readonly [number, number]> = {
  append: [1, 1],
  extend: [1, 1],
  insert: [2, 2],
  remove: [1, 1],
  pop: [0, 1],
  index: [1, 3],
  count: [1, 1],
  sort: [0, 0],
  reverse: [0, 0],
  copy: [0, 0],
  clear: [0, 0],
};

/** CPython's TypeError for a list method called with the wrong number of arguments (Objects/clinic/listobject.c.h
 *  for the methods with several parameters, METH_O / METH_NOARGS for the others), or null when the count fits. */
export function listArityError(name: string, given: number): TypeError | null {
  const [least, most] = ARITY[name] ?? [0, Infinity];
  if (given >= least && given <= most) return null;
  if (name === 'sort') return new TypeError('sort() takes no positional arguments');
  if (most === 0) return new TypeError(`list.${name}() takes no arguments (${given} given)`);
  if (least === most && least === 1) return new TypeError(`list.${name}() takes exactly one argument (${given} given)`);
  const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  if (least === most) return new TypeError(`${name} expected ${plural(least)}, got ${given}`);
  return given < least
    ? new TypeError(`${name} expected at least ${plural(least)}, got ${given}`)
    : new TypeError(`${name} expected at most ${plural(most)}, got ${given}`);
}

/** The names this dispatch knows (the translator sends only these here). */
export const LIST_METHOD_NAMES: readonly string[] = Object.keys(LIST_METHODS);

/** Call Python method `name` on `obj`, whose type was unknown at translation time. */
export function callMethod(obj: unknown, name: string, ...args: unknown[]): any {
  if (Array.isArray(obj)) {
    const last = args[args.length - 1];
    const options = name === 'sort' && isKw(last);
    const error = listArityError(name, args.length - (options ? 1 : 0));
    if (error) throw error;
    if (options) return LIST_METHODS.sort!(obj, last);
    return LIST_METHODS[name]!(obj, ...args);
  }
  if (typeof obj === 'string') {
    const strMethod = STR_METHODS[name];
    if (strMethod) return strMethod(obj, ...args);
  }
  if (obj instanceof PyBytes && !(name in obj)) {
    const strMethod = STR_METHODS[name];
    if (
      strMethod &&
      name !== 'casefold' &&
      name !== 'isidentifier' &&
      name !== 'isprintable' &&
      name !== 'isnumeric' &&
      name !== 'isdecimal'
    ) {
      return fromText(strMethod(toText(obj), ...args.map((a) => (a instanceof PyBytes ? toText(a) : a))));
    }
  }
  // an int: a number, or a bigint beyond 2**53 (arithmetic.ts fromBigInt)
  const intMethod = INT_METHODS.get(name);
  if (intMethod && (typeof obj === 'number' || typeof obj === 'bigint' || typeof obj === 'boolean')) {
    return intMethod(obj as number, ...args);
  }
  const target = obj as Record<string, unknown>;
  const method = target[name] ?? target[name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())];
  if (typeof method !== 'function') throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
  return (method as (...a: unknown[]) => unknown).apply(obj, args);
}

/** Python's str methods by name, for a string receiver: the runtime's `strName` helpers, and the case methods. */
const STR_METHODS: Record<string, (s: string, ...args: any[]) => unknown> = {
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  ...Object.fromEntries(
    Object.entries(strMethods)
      .filter(([helper]) => /^str[A-Z]/.test(helper))
      .map(([helper, fn]) => [helper.slice(3).toLowerCase(), fn as (s: string, ...args: any[]) => unknown]),
  ),
};

// The bytes methods PyBytes does not define itself (title, center, partition, rfind…) compute as the str method on
// a text that keeps each ASCII byte as its character and moves every other byte to a private-use character, which no
// str method treats as a letter, digit or space: what Python's bytes methods do, since they know only ASCII.
const PRIVATE_USE = 0xe000;

function toText(b: PyBytes): string {
  let text = '';
  for (const byte of b.data) text += String.fromCharCode(byte < 0x80 ? byte : PRIVATE_USE + byte);
  return text;
}

function fromText(value: unknown): unknown {
  if (typeof value === 'string') {
    return new PyBytes(
      Uint8Array.from(value, (c) => {
        const code = c.charCodeAt(0);
        return code >= PRIVATE_USE ? code - PRIVATE_USE : code;
      }),
    );
  }
  if (Array.isArray(value)) {
    const items = value.map(fromText);
    return isTuple(value) ? markTuple(items) : items;
  }
  return value;
}
