// Python's numeric operators where JS differs (Objects/floatobject.c float_divmod/float_rem/float_pow,
// Objects/longobject.c). A Python int is a JS number when a double holds it exactly and a bigint otherwise (see
// `fromBigInt`); TypeScript sees both as `number`, and every helper here accepts either.

import { asFloat, isFloat, PyFloat } from './py-float.js';
import { NotImplementedError, OverflowError, TypeError, ValueError, ZeroDivisionError } from './exceptions.js';
import { NotImplemented } from './equality.js';
import { tuple } from './tuple.js';
import { typeName } from './type-name.js';

// Below this magnitude, Math.floor(a / b) of two ints is exact: the quotient's rounding error is smaller than the
// distance 1/|b| from the true quotient to the next integer.
const EXACT_QUOTIENT_LIMIT = 2 ** 52;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function isIntPair(a: number, b: number): boolean {
  return Number.isInteger(a) && Number.isInteger(b);
}

/** Two ints in either representation (a bool counts as its int). */
function areExactInts(a: unknown, b: unknown): boolean {
  return isExactInt(a) && isExactInt(b);
}

function isExactInt(x: unknown): boolean {
  return typeof x === 'bigint' || typeof x === 'boolean' || Number.isInteger(x);
}

/** Objects/longobject.c l_divmod: the quotient rounded toward minus infinity, the remainder with the divisor's sign. */
export function bigDivmod(a: bigint, b: bigint): [bigint, bigint] {
  if (b === 0n) throw new ZeroDivisionError('integer division or modulo by zero');
  let q = a / b;
  let r = a % b;
  if (r !== 0n && r < 0n !== b < 0n) {
    q -= 1n;
    r += b;
  }
  return [q, r];
}

// The division operators take an optional `floatOperands` flag: a float operand with an integral value (2.0) is a
// plain 2 at run time, so the translator passes `true` when it knows an operand is a float, and the zero-division
// message is then the float one (`float division by zero`), as CPython words it.

/** Python's `a // b`: rounds toward negative infinity; `ZeroDivisionError` for a zero divisor. */
export function floorDiv(a: number, b: number, floatOperands = false): number {
  if (Number.isInteger(a) && Number.isInteger(b) && b !== 0 && a < EXACT_QUOTIENT_LIMIT && a > -EXACT_QUOTIENT_LIMIT) {
    // `+ 0` turns -0 into 0: ints have no negative zero (0 // -5 is 0).
    const quotient = Math.floor(a / b) + 0;
    return floatOperands && quotient === 0 ? floatDivmod(a, b)[0] : quotient;
  }
  if (!floatOperands && areExactInts(a, b)) return fromBigInt(bigDivmod(BigInt(a), BigInt(b))[0]);
  if (b === 0) {
    throw new ZeroDivisionError(
      !floatOperands && isIntPair(a, b) ? 'integer division or modulo by zero' : 'float floor division by zero',
    );
  }
  return floatDivmod(a, b)[0];
}

/** Python's `a % b`: the result has the sign of the divisor; `ZeroDivisionError` for a zero divisor. */
export function mod(a: number, b: number, floatOperands = false): number {
  if (typeof a !== 'number' || typeof b !== 'number') return modExact(a, b);
  const r = a % b;
  if (r !== 0 && r === r) {
    if ((r < 0) === (b < 0)) return r;
    const shifted = r + b;
    // exact below 2**53; past it (`-1 % 2 ** 64`) two ints need the exact sum
    if ((shifted <= MAX_SAFE && shifted >= -MAX_SAFE) || floatOperands || !isIntPair(a, b)) return shifted;
    return modExact(a, b);
  }
  if (b === 0) {
    throw new ZeroDivisionError(!floatOperands && isIntPair(a, b) ? 'integer modulo by zero' : 'float modulo');
  }
  if (r !== 0) return r;
  // Objects/floatobject.c float_rem: a zero remainder takes the divisor's sign (5.0 % -1 is -0.0); ints have no -0.
  return b < 0 && (floatOperands || !isIntPair(a, b)) ? -0 : 0;
}

// `a % b` for ints beyond 2**53 (a bigint operand, or a remainder that no double holds).
function modExact(a: number, b: number): number {
  if (!areExactInts(a, b)) return mod(Number(a), Number(b));
  return fromBigInt(bigDivmod(BigInt(a), BigInt(b))[1]);
}

/** Python's `divmod(a, b)`: the tuple `(a // b, a % b)`. */
export function divmod(a: number, b: number, floatOperands = false): readonly [number, number] {
  if (b === 0) {
    throw new ZeroDivisionError(!floatOperands && isIntPair(a, b) ? 'integer division or modulo by zero' : 'float divmod()');
  }
  return tuple(floorDiv(a, b, floatOperands), mod(a, b, floatOperands));
}

// Objects/floatobject.c float_divmod, step for step, so that edge cases (-0.0, infinities, huge quotients) agree.
function floatDivmod(a: number, b: number): [number, number] {
  let m = a % b;
  let div = (a - m) / b;
  if (m !== 0) {
    if ((b < 0) !== (m < 0)) {
      m += b;
      div -= 1;
    }
  } else {
    m = b < 0 ? -0 : 0;
  }
  let floorDivision: number;
  if (div !== 0) {
    floorDivision = Math.floor(div);
    if (div - floorDivision > 0.5) floorDivision += 1;
  } else {
    floorDivision = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [floorDivision, m];
}

/**
 * Python's `a / b` (always a float for numbers); `ZeroDivisionError: division by zero` for a zero divisor. Objects
 * divide through `__truediv__` / `__rtruediv__` (`Path('/tmp') / 'x'`).
 */
export function trueDiv(a: number, b: number, floatOperands?: boolean): number;
export function trueDiv(a: unknown, b: unknown, floatOperands?: boolean): any;
export function trueDiv(a: any, b: any, floatOperands = false): any {
  if (typeof a !== 'number' || typeof b !== 'number') {
    if (typeof a === 'bigint' || typeof b === 'bigint') return bigTrueDiv(a, b);
    // bools, and floats that carry their kind (py-float.ts): the quotient is a float either way
    if (isNumberLike(a) && isNumberLike(b)) return trueDiv(Number(a), Number(b), floatOperands || isFloat(a) || isFloat(b));
    return divideObjects(a, b);
  }
  if (b === 0) {
    throw new ZeroDivisionError(!floatOperands && isIntPair(a, b) ? 'division by zero' : 'float division by zero');
  }
  return a / b;
}

/**
 * `a / b` with an int operand beyond 2**53 (a bigint): for two ints the correctly rounded quotient, as
 * Objects/longobject.c long_true_divide gives it (converting each to a double first would round twice); with a
 * float, the int converted to a float first, as CPython does.
 */
export function bigTrueDiv(a: unknown, b: unknown): number {
  const int = (x: unknown) => typeof x === 'bigint' || typeof x === 'boolean' || Number.isInteger(x);
  if (!int(a) || !int(b)) {
    const [x, y] = [Number(a), Number(b instanceof PyFloat ? b.value : b)];
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new OverflowError('int too large to convert to float');
    return trueDiv(a instanceof PyFloat ? a.value : x, y, true);
  }
  let [n, d] = [BigInt(a as number), BigInt(b as number)];
  if (d === 0n) throw new ZeroDivisionError('division by zero');
  const negative = n < 0n !== d < 0n;
  [n, d] = [n < 0n ? -n : n, d < 0n ? -d : d];
  // a quotient of 64 bits or more, whose last bit records a nonzero remainder: rounding it to the 53 bits of a
  // double then rounds the exact quotient (Number(bigint) rounds to nearest, ties to even)
  const shift = 64 - (n.toString(2).length - d.toString(2).length);
  const [num, den] = shift >= 0 ? [n << BigInt(shift), d] : [n, d << BigInt(-shift)];
  let q = num / den;
  if (num % den !== 0n) q |= 1n;
  let result = Number(q);
  for (let e = -shift; e !== 0; ) {
    const step = Math.max(-1000, Math.min(1000, e));
    result *= 2 ** step;
    e -= step;
  }
  if (!Number.isFinite(result)) throw new OverflowError('integer division result too large for a float');
  return negative ? -result : result;
}

function isNumberLike(x: unknown): boolean {
  return typeof x === 'number' || typeof x === 'boolean' || x instanceof PyFloat;
}

function divideObjects(a: unknown, b: unknown): unknown {
  for (const [receiver, name, other] of [[a, '__truediv__', b], [b, '__rtruediv__', a]] as const) {
    const method = (receiver as Record<string, unknown> | null)?.[name];
    if (typeof method !== 'function') continue;
    const result: unknown = method.call(receiver, other);
    if (result !== NotImplemented) return result;
  }
  throw new TypeError(`unsupported operand type(s) for /: '${typeName(a)}' and '${typeName(b)}'`);
}

/**
 * Python's `a ** b` and `pow(a, b, m)`. An int to a negative int power is a float; `0 ** -1` raises
 * ZeroDivisionError; an int result is exact (a bigint where no number holds it); a float result too large
 * raises `OverflowError: (34, 'Numerical result out of range')` as CPython's float_pow does. A negative base with
 * a fractional exponent, whose result Python gives as a complex number, raises NotImplementedError.
 */
export function pow(a: number, b: number, modulus?: number | null): number {
  if (modulus !== undefined && modulus !== null) return modularPow(a, b, modulus);
  if (typeof a === 'bigint' || typeof b === 'bigint') return bigPow(a, b);
  if (a === 0 && b < 0) throw new ZeroDivisionError('0.0 cannot be raised to a negative power');
  // V8's pow is not correctly rounded (2 ** 0.5 can be one ulp off glibc's); sqrt is, like glibc's pow.
  const result = b === 0.5 && a >= 0 ? Math.sqrt(a) : a ** b;
  if (result !== result && a === a && b === b) {
    throw new NotImplementedError(`complex numbers are not supported by the pyts runtime: ${a} ** ${b}`);
  }
  if (isIntPair(a, b) && b >= 0) return exactIntResult(result, () => BigInt(a) ** BigInt(b));
  if (!Number.isFinite(result) && Number.isFinite(a) && Number.isFinite(b)) {
    throw new OverflowError(34, 'Numerical result out of range');
  }
  return result;
}

// `addInt`, `subInt` and `mulInt` are what the translator writes for `+`, `-` and `*` on two ints when analysis
// cannot bound the result below 2**53 (src/analyze/int-bounds.ts). Their operands are exact ints (numbers, or
// bigints beyond 2**53), so a double result r with |r| <= 2**53 - 1 is the exact value: had the exact value been
// larger, the correctly rounded r would be too. That is the fast path, small enough for V8 to inline; past it the
// exact value is computed again in BigInt.

/** Python's `a + b` for two ints: the exact sum, a bigint when no number holds it. */
export function addInt(a: number, b: number): number {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return exactIntOp(a, b, '+');
}

/** Python's `a - b` for two ints: the exact difference, a bigint when no number holds it. */
export function subInt(a: number, b: number): number {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return exactIntOp(a, b, '-');
}

/** Python's `a * b` for two ints: the exact product, a bigint when no number holds it. */
export function mulInt(a: number, b: number): number {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return exactIntOp(a, b, '*');
}

function exactIntOp(a: number, b: number, op: '+' | '-' | '*'): number {
  // not two ints after all (an infinity or NaN that analysis took for an int): JS's own result
  if (!areExactInts(a, b)) {
    const [x, y] = [Number(a), Number(b)];
    return op === '+' ? x + y : op === '-' ? x - y : x * y;
  }
  const [x, y] = [BigInt(a), BigInt(b)];
  return fromBigInt(op === '+' ? x + y : op === '-' ? x - y : x * y);
}

// `a ** b` with an int operand beyond 2**53.
function bigPow(a: number, b: number): number {
  if (!areExactInts(a, b)) return pow(Number(a), Number(b));
  const exponent = BigInt(b);
  if (exponent < 0n) return pow(Number(a), Number(b));
  return fromBigInt(BigInt(a) ** exponent);
}

// The inverse of `a` modulo `m` (m > 0) by the extended Euclidean algorithm; ValueError when there is none.
function modularInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new ValueError('base is not invertible for the given modulus');
  return ((oldS % m) + m) % m;
}

/**
 * An exact integer: a JS number when one equals it, else the bigint itself. TypeScript sees every int as a
 * number; at run time an int no number can hold is a bigint, which the runtime's helpers (add, compare, print,
 * math…) accept, and which plain JS arithmetic refuses (a TypeError that toPyException reports as OverflowError).
 */
export function fromBigInt(value: bigint): number {
  const n = Number(value);
  // beyond the largest double Number() gives Infinity, which BigInt() refuses: such an int stays a bigint
  return Number.isFinite(n) && BigInt(n) === value ? n : (value as unknown as number);
}

// An int result of JS arithmetic, kept when exact: always below 2**53, and above it when it equals the exact
// BigInt result (2 ** 64 is exact); otherwise the exact result as a bigint (3 ** 40, see fromBigInt).
function exactIntResult(result: number, exact: () => bigint): number {
  if (result <= Number.MAX_SAFE_INTEGER && result >= -Number.MAX_SAFE_INTEGER) return result;
  const value = exact();
  return Number.isFinite(result) && BigInt(result) === value ? result : fromBigInt(value);
}

// Objects/longobject.c long_pow with a modulus, in exact BigInt arithmetic.
function modularPow(a: number, b: number, modulus: number): number {
  if (!areExactInts(a, b) || !isExactInt(modulus)) {
    throw new TypeError('pow() 3rd argument not allowed unless all arguments are integers');
  }
  if (modulus === 0) throw new ZeroDivisionError('pow() 3rd argument cannot be 0');
  // Work modulo |m|; Python's result then takes the sign of the modulus.
  const m = BigInt(modulus < 0 ? -modulus : modulus);
  let base = ((BigInt(a) % m) + m) % m;
  let exponent = BigInt(b);
  if (exponent < 0n) {
    // Python 3.8+: a negative exponent raises the modular inverse to the opposite power.
    base = modularInverse(base, m);
    exponent = -exponent;
  }
  let result = 1n % m;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % m;
    base = (base * base) % m;
    exponent >>= 1n;
  }
  if (result !== 0n && modulus < 0) result -= m;
  return fromBigInt(result);
}

export const INEXACT_INT_MESSAGE = 'int too large to be represented exactly (beyond 2**53) by the pyts runtime';

/** Python's `abs(x)`; `__abs__` for objects. */
export function abs(x: number): number;
export function abs(x: unknown): any;
export function abs(x: unknown): any {
  if (typeof x === 'number') return Math.abs(x);
  if (typeof x === 'bigint') return x < 0n ? -x : x;
  if (typeof x === 'boolean') return Number(x);
  if (x instanceof PyFloat) return new PyFloat(Math.abs(x.value));
  if (typeof x === 'object' && x !== null && typeof (x as { __abs__?: unknown }).__abs__ === 'function') {
    return (x as { __abs__(): number }).__abs__();
  }
  throw new TypeError(`bad operand type for abs(): '${typeName(x)}'`);
}

/**
 * Python's `round(x)` (an int, ties to even) and `round(x, n)` (correctly rounded to n decimal digits, ties to
 * even on the exact binary value, so `round(2.675, 2)` is 2.67 as in CPython).
 */
export function round(x: number, ndigits?: number | null): number;
export function round(x: number | PyFloat, ndigits?: number | null): any;
export function round(x: number | PyFloat, ndigits?: number | null): any {
  // a float that carries its kind (py-float.ts) rounds to a float that does too
  if (x instanceof PyFloat) return ndigits === undefined || ndigits === null ? round(x.value) : asFloat(round(x.value, ndigits));
  if (typeof x === 'bigint') return roundBigInt(x, ndigits);
  if (ndigits === undefined || ndigits === null) {
    if (x !== x) throw new ValueError('cannot convert float NaN to integer');
    if (!Number.isFinite(x)) throw new OverflowError('cannot convert float infinity to integer');
    return roundHalfEven(x);
  }
  if (!Number.isFinite(x)) return x;
  if (Number.isInteger(x)) return ndigits >= 0 ? x : roundIntDigits(x, -ndigits);
  return roundFloatDigits(x, ndigits);
}

// round() of an int beyond 2**53: itself, or to a multiple of 10**-ndigits with ties to even (long_round).
function roundBigInt(x: bigint, ndigits?: number | null): number {
  if (ndigits === undefined || ndigits === null || ndigits >= 0) return fromBigInt(x);
  const unit = 10n ** BigInt(-ndigits);
  let [q, r] = bigDivmod(x, unit);
  if (2n * r > unit || (2n * r === unit && q % 2n !== 0n)) q += 1n;
  return fromBigInt(q * unit);
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round sends ties up; Python sends them to the even neighbour.
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
}

// round(1250, -2) == 1200: exact integer arithmetic with ties to even.
function roundIntDigits(x: number, digits: number): number {
  if (digits > 22) return 0;
  const unit = 10 ** digits;
  const remainder = mod(x, unit);
  const down = x - remainder;
  const twice = remainder * 2;
  if (twice < unit || (twice === unit && mod(down / unit, 2) === 0)) return down;
  return down + unit;
}

// Objects/floatobject.c double_round: the decimal digits of the exact binary value, ties to even.
function roundFloatDigits(x: number, ndigits: number): number {
  if (ndigits < 0) {
    const unit = 10 ** -ndigits;
    if (!Number.isFinite(unit)) return x < 0 || Object.is(x, -0) ? -0 : 0;
    return roundHalfEven(x / unit) * unit;
  }
  // A double has at most 17 significant digits; beyond that many decimals it is already rounded.
  if (ndigits > 100 || Math.abs(x) >= 1e21) return x;
  const fixed = x.toFixed(ndigits);
  // toFixed rounds exact ties away from zero; Python rounds them to even. A tie means the exact binary value
  // ends with a 5 right after the kept digits.
  if (isExactTie(x, ndigits) && oddLastDigit(fixed)) {
    return Number(decrementLastDigit(fixed));
  }
  const result = Number(fixed);
  return result === 0 && x < 0 ? -0 : result;
}

// True when x * 10**n lies exactly halfway between two integers: x = M * 2**E exactly, and the tie needs
// x * 10**n * 2 = M * 5**n * 2**(n + E + 1) to be an odd integer, i.e. n + E + 1 + (twos in M) == 0.
function isExactTie(x: number, n: number): boolean {
  const [mantissa, exponent] = decompose(x);
  let twos = 0;
  let m = mantissa;
  while (m % 2n === 0n && m !== 0n) {
    m /= 2n;
    twos++;
  }
  return n + exponent + 1 + twos === 0;
}

function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (biasedExponent === 0) return [fraction, -1074];
  return [fraction | (1n << 52n), biasedExponent - 1075];
}

function oddLastDigit(fixed: string): boolean {
  return Number(fixed[fixed.length - 1]) % 2 === 1;
}

// Moves a toFixed result one unit of its last digit toward zero ('2.68' → '2.67', '-0.13' → '-0.12').
function decrementLastDigit(fixed: string): string {
  const negative = fixed.startsWith('-');
  const digits = (negative ? fixed.slice(1) : fixed).split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] === '.') continue;
    if (digits[i] !== '0') {
      digits[i] = String(Number(digits[i]) - 1);
      break;
    }
    digits[i] = '9';
  }
  return (negative ? '-' : '') + digits.join('');
}
