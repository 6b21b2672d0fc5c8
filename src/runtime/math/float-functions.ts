// The float functions of Python's math module (Modules/mathmodule.c). Results are plain numbers (Python floats,
// which the translator marks with `asFloat` where it prints them); failures raise CPython's exceptions.

import { ValueError, ZeroDivisionError } from '../builtins/exceptions.js';
import { iterable } from '../builtins/iteration.js';
import { tuple } from '../builtins/tuple.js';
import { checked, domainError, rangeError, real, toIntegral } from './arguments.js';

/** `math.pi`, `math.e`, `math.tau`, `math.inf`, `math.nan`. */
export const pi = Math.PI;
export const e = Math.E;
export const tau = 2 * Math.PI;
export const inf = Infinity;
export const nan = NaN;

const unary =
  (fn: (x: number) => number, canOverflow = false) =>
  (x: unknown): number => {
    const value = real(x);
    return checked(fn(value), [value], canOverflow);
  };

/** `math.floor(x)`: the largest int <= x (an int). */
export function floor(x: unknown): number {
  return toIntegral(Math.floor(real(x)));
}

/** `math.ceil(x)`: the smallest int >= x (an int). */
export function ceil(x: unknown): number {
  return toIntegral(Math.ceil(real(x)));
}

/** `math.trunc(x)`: x rounded toward 0 (an int). */
export function trunc(x: unknown): number {
  return toIntegral(Math.trunc(real(x)));
}

export const sqrt = unary(Math.sqrt);
export const exp = unary(Math.exp, true);
export const exp2 = unary((x) => 2 ** x, true);
export const expm1 = unary(Math.expm1, true);
export const log10 = unary(Math.log10);
export const log2 = unary(Math.log2);
export const log1p = unary(Math.log1p);
export const cbrt = unary(Math.cbrt);
export const sin = unary(Math.sin);
export const cos = unary(Math.cos);
export const tan = unary(Math.tan);
export const asin = unary(Math.asin);
export const acos = unary(Math.acos);
export const atan = unary(Math.atan);
export const sinh = unary(Math.sinh, true);
export const cosh = unary(Math.cosh, true);
export const tanh = unary(Math.tanh);
export const asinh = unary(Math.asinh);
export const acosh = unary(Math.acosh);
export const atanh = unary(Math.atanh);
export const fabs = unary(Math.abs);

/** `math.log(x[, base])`: the natural logarithm, or `log(x) / log(base)`. */
export function log(x: unknown, base?: unknown): number {
  const value = real(x);
  const num = checked(Math.log(value), [value], false);
  if (base === undefined || base === null) return num;
  const b = real(base);
  const den = checked(Math.log(b), [b], false);
  if (den === 0) throw new ZeroDivisionError('float division by zero');
  return num / den;
}

/** `math.pow(x, y)`: C's pow, whose special cases differ from JS's `**` (1 ** nan is 1). */
export function pow(x: unknown, y: unknown): number {
  const a = real(x);
  const b = real(y);
  if (a === 1 || b === 0) return 1;
  if (a === -1 && !Number.isFinite(b) && b === b) return 1;
  const result = a ** b;
  if (result !== result && a === a && b === b) throw domainError();
  if (!Number.isFinite(result) && Number.isFinite(a) && Number.isFinite(b)) {
    throw a === 0 ? domainError() : rangeError();
  }
  return result;
}

/** `math.atan2(y, x)`. */
export function atan2(y: unknown, x: unknown): number {
  return Math.atan2(real(y), real(x));
}

/** `math.hypot(*coordinates)`: the Euclidean norm. */
export function hypot(...coordinates: unknown[]): number {
  return Math.hypot(...coordinates.map(real));
}

/** `math.dist(p, q)`: the Euclidean distance between two points of the same dimension. */
export function dist(p: Iterable<unknown>, q: Iterable<unknown>): number {
  const a = [...iterable(p)].map(real);
  const b = [...iterable(q)].map(real);
  if (a.length !== b.length) throw new ValueError('both points must have the same number of dimensions');
  return Math.hypot(...a.map((v, i) => v - b[i]!));
}

/** `math.degrees(x)`: radians to degrees (x * (180 / pi), as CPython). */
export function degrees(x: unknown): number {
  return real(x) * (180 / Math.PI);
}

/** `math.radians(x)`: degrees to radians (x * (pi / 180), as CPython). */
export function radians(x: unknown): number {
  return real(x) * (Math.PI / 180);
}

/** `math.copysign(x, y)`: |x| with the sign of y (including the sign of -0.0). */
export function copysign(x: unknown, y: unknown): number {
  const magnitude = Math.abs(real(x));
  const sign = real(y);
  return sign < 0 || Object.is(sign, -0) ? -magnitude : magnitude;
}

/** `math.fmod(x, y)`: C's fmod (the sign of x), unlike Python's `%`. */
export function fmod(x: unknown, y: unknown): number {
  const a = real(x);
  const b = real(y);
  if (!Number.isFinite(b) && b === b && Number.isFinite(a)) return a;
  return checked(a % b, [a, b], false);
}

/** `math.remainder(x, y)`: the IEEE 754 remainder, x - n*y with n the nearest int (ties to even). */
export function remainder(x: unknown, y: unknown): number {
  const a = real(x);
  const b = real(y);
  if (a !== a || b !== b) return NaN;
  if (!Number.isFinite(a) || b === 0) throw domainError();
  if (!Number.isFinite(b)) return a;
  // Modules/mathmodule.c m_remainder.
  const absx = Math.abs(a);
  const absy = Math.abs(b);
  const m = absx % absy;
  const c = absy - m;
  let r: number;
  if (m < c) r = m;
  else if (m > c) r = -c;
  else r = m - 2 * ((0.5 * (absx - m)) % absy);
  return copysign(1, a) * r;
}

/** `math.modf(x)`: the fractional and integer parts, both with the sign of x. */
export function modf(x: unknown): readonly [number, number] {
  const value = real(x);
  if (!Number.isFinite(value)) return tuple(value !== value ? value : copysign(0, value), value);
  const whole = Math.trunc(value);
  return tuple(copysign(value - whole, value), whole);
}

/** `math.frexp(x)`: (m, e) with x == m * 2**e and 0.5 <= |m| < 1 (m is 0 for 0, inf and nan stay). */
export function frexp(x: unknown): readonly [number, number] {
  const value = real(x);
  if (value === 0 || !Number.isFinite(value)) return tuple(value, 0);
  let exponent = Math.max(-1073, Math.floor(Math.log2(Math.abs(value))) + 1);
  let mantissa = value * 2 ** -exponent;
  while (Math.abs(mantissa) < 0.5) {
    mantissa *= 2;
    exponent--;
  }
  while (Math.abs(mantissa) >= 1) {
    mantissa /= 2;
    exponent++;
  }
  return tuple(mantissa, exponent);
}

/** `math.ldexp(x, i)`: x * 2**i, OverflowError when the result is too large. */
export function ldexp(x: unknown, i: number): number {
  let value = real(x);
  if (value === 0 || !Number.isFinite(value)) return value;
  // Scale in steps so that neither 2**i nor an intermediate product leaves the float range too early.
  let exponent = i;
  while (exponent > 1000) {
    value *= 2 ** 1000;
    exponent -= 1000;
  }
  while (exponent < -1000) {
    value *= 2 ** -1000;
    exponent += 1000;
  }
  const result = value * 2 ** exponent;
  if (!Number.isFinite(result)) throw rangeError();
  return result;
}

/** `math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`. */
export function isclose(a: unknown, b: unknown, options: { relTol?: number; absTol?: number } = {}): boolean {
  const x = real(a);
  const y = real(b);
  const relTol = options.relTol ?? 1e-9;
  const absTol = options.absTol ?? 0;
  if (relTol < 0 || absTol < 0) throw new ValueError('tolerances must be non-negative');
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const diff = Math.abs(y - x);
  return diff <= Math.abs(relTol * y) || diff <= Math.abs(relTol * x) || diff <= absTol;
}

/** `math.isfinite(x)`, `math.isinf(x)`, `math.isnan(x)`. */
export function isfinite(x: unknown): boolean {
  return Number.isFinite(real(x));
}
export function isinf(x: unknown): boolean {
  const value = real(x);
  return value === Infinity || value === -Infinity;
}
export function isnan(x: unknown): boolean {
  return Number.isNaN(real(x));
}

const bits = new DataView(new ArrayBuffer(8));

/** `math.nextafter(x, y)`: the next float after x toward y. */
export function nextafter(x: unknown, y: unknown): number {
  const from = real(x);
  const to = real(y);
  if (from !== from || to !== to) return NaN;
  if (from === to) return to;
  if (from === 0) return to > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  bits.setFloat64(0, from);
  const raw = bits.getBigUint64(0);
  bits.setBigUint64(0, to > from === from > 0 ? raw + 1n : raw - 1n);
  return bits.getFloat64(0);
}

/** `math.ulp(x)`: the value of the least significant bit of x. */
export function ulp(x: unknown): number {
  const value = Math.abs(real(x));
  if (value !== value || value === Infinity) return value;
  const next = nextafter(value, Infinity);
  if (next === Infinity) return value - nextafter(value, -Infinity);
  return next - value;
}
