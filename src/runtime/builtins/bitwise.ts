// Python's integer bit operators. JS's `<<`, `>>`, `&`, `|`, `^`, `~` work on 32-bit integers; Python's on
// unbounded ones. Values inside the 32-bit range take the JS operator; others (a bigint too: an int beyond 2**53)
// go through BigInt, and a result that no JS number holds exactly is a bigint (see fromBigInt).

import { fromBigInt } from './arithmetic.js';
import { TypeError, ValueError } from './exceptions.js';
import { typeName } from './type-name.js';

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

function isInt(x: number): boolean {
  return Number.isInteger(x) || typeof x === 'bigint';
}

function isInt32(x: number): boolean {
  return x >= INT32_MIN && x <= INT32_MAX;
}

function checkOperands(op: string, a: number, b: number): void {
  if (!isInt(a) || !isInt(b)) {
    throw new TypeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
  }
}


/** Python's `a << n`. */
export function lshift(a: number, n: number): number {
  checkOperands('<<', a, n);
  if (n < 0) throw new ValueError('negative shift count');
  if (n < 31 && isInt32(a)) {
    const shifted = a * 2 ** n;
    if (isInt32(shifted)) return shifted;
  }
  return fromBigInt(BigInt(a) << BigInt(n));
}

/** Python's `a >> n`: an arithmetic shift, rounding toward negative infinity. */
export function rshift(a: number, n: number): number {
  checkOperands('>>', a, n);
  if (n < 0) throw new ValueError('negative shift count');
  if (isInt32(a)) return n > 31 ? (a < 0 ? -1 : 0) : a >> n;
  return fromBigInt(BigInt(a) >> BigInt(n));
}

/** Python's `a & b`. */
export function bitAnd(a: number, b: number): number {
  checkOperands('&', a, b);
  return isInt32(a) && isInt32(b) ? a & b : fromBigInt(BigInt(a) & BigInt(b));
}

/** Python's `a | b`. */
export function bitOr(a: number, b: number): number {
  checkOperands('|', a, b);
  return isInt32(a) && isInt32(b) ? a | b : fromBigInt(BigInt(a) | BigInt(b));
}

/** Python's `a ^ b`. */
export function bitXor(a: number, b: number): number {
  checkOperands('^', a, b);
  return isInt32(a) && isInt32(b) ? a ^ b : fromBigInt(BigInt(a) ^ BigInt(b));
}

/** Python's `~a` (that is, -a - 1). */
export function bitNot(a: number): number {
  if (!isInt(a)) throw new TypeError(`bad operand type for unary ~: '${typeName(a)}'`);
  return typeof a === 'bigint' ? fromBigInt(-(a as bigint) - 1n) : -a - 1;
}
