// The integer functions of Python's math module (Modules/mathmodule.c), computed exactly with BigInt. Results
// beyond 2**53 that a JS number cannot hold exactly raise the runtime's OverflowError (see builtins fromBigInt).

import { fromBigInt } from '../builtins/arithmetic.js';
import { ValueError } from '../builtins/exceptions.js';
import { iterable } from '../builtins/iteration.js';
import { mul } from '../builtins/operators.js';
import { integer } from './arguments.js';

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

function gcdPair(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** `math.gcd(*integers)`: 0 without arguments. */
export function gcd(...integers: unknown[]): number {
  return fromBigInt(integers.map(integer).reduce(gcdPair, 0n));
}

/** `math.lcm(*integers)`: 1 without arguments, 0 if any is 0. */
export function lcm(...integers: unknown[]): number {
  let result = 1n;
  for (const n of integers.map(integer)) {
    if (n === 0n || result === 0n) result = 0n;
    else result = abs((result / gcdPair(result, n)) * n);
  }
  return fromBigInt(result);
}

/** `math.factorial(n)`: ValueError for negative n. */
export function factorial(n: unknown): number {
  const value = integer(n);
  if (value < 0n) throw new ValueError('factorial() not defined for negative values');
  let result = 1n;
  for (let i = 2n; i <= value; i++) result *= i;
  return fromBigInt(result);
}

/** `math.comb(n, k)`: n choose k (0 when k > n). */
export function comb(n: unknown, k: unknown): number {
  const [total, chosen] = nonNegativePair(n, k);
  if (chosen > total) return 0;
  const smaller = chosen < total - chosen ? chosen : total - chosen;
  let result = 1n;
  for (let i = 1n; i <= smaller; i++) result = (result * (total - smaller + i)) / i;
  return fromBigInt(result);
}

/** `math.perm(n, k=None)`: ordered choices of k out of n; n! when k is None. */
export function perm(n: unknown, k: unknown = null): number {
  if (k === null || k === undefined) return factorial(n);
  const [total, chosen] = nonNegativePair(n, k);
  if (chosen > total) return 0;
  let result = 1n;
  for (let i = total - chosen + 1n; i <= total; i++) result *= i;
  return fromBigInt(result);
}

function nonNegativePair(n: unknown, k: unknown): [bigint, bigint] {
  const total = integer(n);
  const chosen = integer(k);
  if (total < 0n) throw new ValueError('n must be a non-negative integer');
  if (chosen < 0n) throw new ValueError('k must be a non-negative integer');
  return [total, chosen];
}

/** `math.isqrt(n)`: the integer square root, exact for any size. */
export function isqrt(n: unknown): number {
  const value = integer(n);
  if (value < 0n) throw new ValueError('isqrt() argument must be nonnegative');
  if (value < 2n) return Number(value);
  let x = BigInt(Math.floor(Math.sqrt(Number(value))));
  while (x * x > value) x--;
  while ((x + 1n) * (x + 1n) <= value) x++;
  return fromBigInt(x);
}

/** `math.prod(iterable, *, start=1)`: the product with Python's `*` (so any numbers, or repeated sequences). */
export function prod(items: Iterable<unknown>, options: { start?: unknown } = {}): any {
  let result: unknown = options.start ?? 1;
  for (const item of iterable(items)) result = mul(result, item);
  return result;
}
