// Python's ordering comparisons `<`, `<=`, `>`, `>=` (Objects/object.c do_richcompare): numbers with numbers,
// strings with strings, lists and tuples item by item, `__lt__` and friends on objects, TypeError otherwise.

import { eq, NotImplemented } from './equality.js';
import { TypeError } from './exceptions.js';
import { PyFloat } from './py-float.js';
import { isTuple } from './tuple.js';
import { PySet } from './set.js';
import { typeName } from './type-name.js';

type Operator = '<' | '<=' | '>' | '>=';
const METHODS: Record<Operator, string> = { '<': '__lt__', '<=': '__le__', '>': '__gt__', '>=': '__ge__' };
const REFLECTED: Record<Operator, Operator> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * Three-way comparison with Python's ordering: negative when `a < b`, positive when `a > b`, 0 when neither, and
 * NaN for values that are unordered with each other (a NaN float, two sets neither of which contains the other),
 * so that `compare(a, b) <= 0` is false for them as Python's `a <= b` is. Raises
 * `TypeError: '<' not supported between instances of 'str' and 'int'` for unorderable values. `sorted` and `sort`
 * use it.
 */
export function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  // a float that carries its kind (py-float.ts), NaN included: compared by value
  if (a instanceof PyFloat) return compare(a.value, b);
  if (b instanceof PyFloat) return compare(a, b.value);
  if (a instanceof PySet && b instanceof PySet) {
    if (a.issubset(b)) return a.size === b.size ? 0 : -1;
    return b.issubset(a) ? 1 : NaN;
  }
  if (lt(a, b)) return -1;
  return lt(b, a) ? 1 : 0;
}

/** Python's `a < b`. */
export function lt(a: unknown, b: unknown): boolean {
  return richCompare(a, b, '<');
}

/** Python's `a <= b`. */
export function le(a: unknown, b: unknown): boolean {
  return richCompare(a, b, '<=');
}

/** Python's `a > b`. */
export function gt(a: unknown, b: unknown): boolean {
  return richCompare(a, b, '>');
}

/** Python's `a >= b`. */
export function ge(a: unknown, b: unknown): boolean {
  return richCompare(a, b, '>=');
}

function richCompare(a: unknown, b: unknown, op: Operator): boolean {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return apply(x, y, op);
  if (typeof a === 'string' && typeof b === 'string') return apply(compareStrings(a, b), 0, op);
  if (Array.isArray(a) && Array.isArray(b) && isTuple(a) === isTuple(b)) return compareSequences(a, b, op);
  if (a instanceof PySet && b instanceof PySet) return compareSets(a, b, op);
  const own = callMethod(a, METHODS[op], b);
  if (own !== undefined) return own;
  const reflected = callMethod(b, METHODS[REFLECTED[op]], a);
  if (reflected !== undefined) return reflected;
  throw new TypeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/**
 * Python's string order: by code point. JS's `<` compares UTF-16 code units, which puts characters beyond U+FFFF
 * (stored as surrogates, 0xD800-0xDFFF) before U+E000-U+FFFF; moving the surrogates above that range restores
 * code point order (the fix-up ICU uses for UTF-16).
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  return codePointOrder(a.charCodeAt(i)) - codePointOrder(b.charCodeAt(i));
}

function codePointOrder(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}

function numeric(x: unknown): number | bigint | undefined {
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat) return x.value;
  return undefined;
}

function apply<T extends number | bigint>(x: T, y: T, op: Operator): boolean {
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

// Objects/listobject.c list_richcompare: the first differing item decides; otherwise the lengths do.
function compareSequences(a: readonly unknown[], b: readonly unknown[], op: Operator): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (!eq(a[i], b[i])) return richCompare(a[i], b[i], op);
  }
  return apply(a.length, b.length, op);
}

// Sets are ordered by inclusion.
function compareSets(a: PySet, b: PySet, op: Operator): boolean {
  switch (op) {
    case '<':
      return a.size < b.size && a.issubset(b);
    case '<=':
      return a.issubset(b);
    case '>':
      return a.size > b.size && a.issuperset(b);
    default:
      return a.issuperset(b);
  }
}

function callMethod(target: unknown, name: string, other: unknown): boolean | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const method = (target as Record<string, unknown>)[name];
  if (typeof method !== 'function') return undefined;
  const result = method.call(target, other);
  return result === NotImplemented ? undefined : Boolean(result);
}
