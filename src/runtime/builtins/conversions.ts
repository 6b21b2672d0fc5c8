// Python's conversion builtins `int()`, `float()`, `bool()`, `list()` (Objects/longobject.c PyLong_FromUnicodeObject,
// Objects/floatobject.c float_from_string). They double as the classes `isinstance` tests against.

import { PyBytes } from './bytes.js';
import { fromBigInt } from './arithmetic.js';
import { OverflowError, TypeError, ValueError } from './exceptions.js';
import { PyFloat } from './py-float.js';
import { stringRepr } from './repr.js';
import { truthy } from './truthiness.js';
import { typeName } from './type-name.js';
import { intFromBytes } from './int-methods.js';

/**
 * Python's `int(x=0, base=10)`: truncates numbers, parses strings as Python does (whitespace, sign, `_` between
 * digits, `0x`/`0o`/`0b` prefixes with base 16/8/2 or 0), calls `__int__`/`__index__` on objects.
 */
export function int(x: unknown = 0, base?: number): number {
  if (base !== undefined) {
    if (typeof x !== 'string') throw new TypeError("int() can't convert non-string with explicit base");
    return parseInt(x, base);
  }
  switch (typeof x) {
    case 'number':
      return truncate(x);
    case 'boolean':
      return x ? 1 : 0;
    case 'string':
      return parseInt(x, 10);
    case 'bigint':
      return fromBigInt(x);
  }
  if (x instanceof PyFloat) return truncate(x.value);
  if (x instanceof PyBytes) return int(x.decode('latin-1'));
  const converter = (x as { __int__?: () => number; __index__?: () => number } | null)?.__int__ ??
    (x as { __index__?: () => number } | null)?.__index__;
  if (typeof converter === 'function') return converter.call(x);
  throw new TypeError(
    `int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`,
  );
}

/** Python's classmethod `int.from_bytes(bytes, byteorder='big', *, signed=False)`. */
int.fromBytes = intFromBytes;

function truncate(x: number): number {
  if (x !== x) throw new ValueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new OverflowError('cannot convert float infinity to integer');
  // The integral part of a double is exact however large (int(1e20) == 10**20).
  return Math.trunc(x) || 0;
}

const PREFIX_BASES: Record<string, number> = { x: 16, o: 8, b: 2 };

function parseInt(text: string, base: number): number {
  if (base !== 0 && (base < 2 || base > 36)) throw new ValueError('int() base must be >= 2 and <= 36, or 0');
  const invalid = (): ValueError => new ValueError(`invalid literal for int() with base ${base}: ${stringRepr(text)}`);
  let s = toAsciiDigits(text.trim());
  let negative = false;
  if (s[0] === '+' || s[0] === '-') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  let effectiveBase = base;
  const prefixBase = s[0] === '0' ? PREFIX_BASES[s[1]?.toLowerCase() ?? ''] : undefined;
  if (prefixBase !== undefined && (base === 0 || base === prefixBase)) {
    effectiveBase = prefixBase;
    // An underscore may follow the prefix: 0x_1f.
    s = s.slice(2);
    if (s[0] === '_') s = s.slice(1);
  } else if (base === 0) {
    effectiveBase = 10;
    // Base 0 follows Python literal syntax, where a decimal number may not start with 0 (unless all zeros).
    if (/^0+(_?0)*$/.test(s)) s = '0';
    else if (s[0] === '0') throw invalid();
  }
  if (s === '' || s[0] === '_' || s.endsWith('_') || s.includes('__')) throw invalid();
  let value = 0n;
  const bigBase = BigInt(effectiveBase);
  for (const ch of s) {
    if (ch === '_') continue;
    const digit = Number.parseInt(ch, 36);
    if (Number.isNaN(digit) || digit >= effectiveBase) throw invalid();
    value = value * bigBase + BigInt(digit);
  }
  return fromBigInt(negative ? -value : value);
}

// Python accepts any Unicode decimal digit in int() and float() (Objects/unicodeobject.c _PyUnicode_TransformDecimalAndSpaceToASCII).
function toAsciiDigits(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return s.replace(/\p{Nd}/gu, (d) => {
    const code = d.codePointAt(0)!;
    // Decimal digits come in runs of ten starting at a code point whose value is 0.
    for (let zero = code; zero > code - 10; zero--) {
      if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) return String(code - zero);
    }
    return d;
  });
}

const FLOAT_SYNTAX = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*|\d(?:_?\d)*\.)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const FLOAT_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** Python's `float(x=0.0)`: numbers as they are, strings in Python's float syntax, `__float__` on objects. */
export function float(x: unknown = 0): number {
  switch (typeof x) {
    case 'number':
      return x;
    case 'boolean':
      return x ? 1 : 0;
    case 'bigint':
      return Number(x);
    case 'string':
      return parseFloat(x);
  }
  if (x instanceof PyFloat) return x.value;
  const converter = (x as { __float__?: () => number } | null)?.__float__;
  if (typeof converter === 'function') return converter.call(x);
  throw new TypeError(`float() argument must be a string or a real number, not '${typeName(x)}'`);
}

function parseFloat(text: string): number {
  const s = toAsciiDigits(text.trim());
  const special = FLOAT_SPECIAL.exec(s);
  if (special !== null) {
    const value = special[2]!.toLowerCase() === 'nan' ? NaN : Infinity;
    return special[1] === '-' ? -value : value;
  }
  if (!FLOAT_SYNTAX.test(s)) throw new ValueError(`could not convert string to float: ${stringRepr(text)}`);
  return Number(s.replaceAll('_', ''));
}

/** Python's `bool(x=False)`. */
export function bool(x: unknown = false): boolean {
  return truthy(x);
}

/** Python's `list(iterable=())`: a new array. */
export function list<T = any>(items: Iterable<T> = []): T[] {
  return Array.from(items);
}
