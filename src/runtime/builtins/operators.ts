// Python's operators for operands whose types the translator could not pin down (Objects/abstract.c
// PyNumber_Add, PyNumber_Subtract, PyNumber_Multiply, PyNumber_And…): numbers compute, sequences concatenate and
// repeat, sets combine, dunder methods (`__add__`/`__radd__`…) on objects, CPython's TypeErrors otherwise.
// `and`/`or` return one of their operands, chosen by Python truthiness.

import { bigDivmod, bigTrueDiv, divmod, floorDiv, fromBigInt, mod, pow, trueDiv } from './arithmetic.js';
import { bitAnd, bitOr, bitXor, lshift, rshift } from './bitwise.js';
import { typeUnion } from './builtin-types.js';
import { PyDict } from './dict.js';
import { NotImplemented } from './equality.js';
import { TypeError } from './exceptions.js';
import { asFloat, isFloat, PyFloat } from './py-float.js';
import { PySet } from './set.js';
import { truthy } from './truthiness.js';
import { isTuple, tuple } from './tuple.js';
import { typeName } from './type-name.js';

type Binary = (this: unknown, other: unknown) => unknown;

function numeric(x: unknown): number | undefined {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat) return x.value;
  return undefined;
}

/** The result of arithmetic on two numbers: a float when either operand is one (boxed when integral), else an
 *  int. */
function numberResult(result: number, a: unknown, b: unknown): number | PyFloat {
  return isFloat(a) || isFloat(b) ? asFloat(result) : result;
}

function isSafe(n: number): boolean {
  return n <= Number.MAX_SAFE_INTEGER && n >= -Number.MAX_SAFE_INTEGER;
}

/** Exact int arithmetic when an operand is an int beyond 2**53 (a bigint, as `json.loads` or `2 ** 70 - 1` give
 *  one, or an exact number such as `2 ** 64`): the result is a bigint, or a number again when it fits. Undefined
 *  when the operands are not two ints. */
function bigIntOp(a: unknown, b: unknown, op: (x: bigint, y: bigint) => bigint): number | bigint | undefined {
  const large = (x: unknown) => typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x) && !isSafe(x));
  if (!large(a) && !large(b)) return undefined;
  const asBig = (x: unknown) =>
    typeof x === 'bigint' ? x : typeof x === 'number' && Number.isInteger(x) ? BigInt(x) : typeof x === 'boolean' ? BigInt(x) : undefined;
  const x = asBig(a);
  const y = asBig(b);
  if (x === undefined || y === undefined) return undefined;
  // one representation per value (arithmetic.ts fromBigInt): 2**63 + 2**63 is the number 2**64, as 2 ** 64 is
  return fromBigInt(op(x, y));
}

/**
 * The result of int arithmetic on two JS numbers: the number while it is below 2**53 (exact), else the exact
 * result computed again with BigInt, a bigint when it does not fit (`2 ** 64 - 1`). An integral number reaching
 * these helpers is an int (an integral float carries its kind, py-float.ts), and one beyond 2**53 is exact.
 */
function exactInt(result: number, a: number, b: number, op: (x: bigint, y: bigint) => bigint): number | bigint {
  if (result <= Number.MAX_SAFE_INTEGER && result >= -Number.MAX_SAFE_INTEGER) return result;
  return bigIntOp(BigInt(a), BigInt(b), op)!;
}

function dunder(target: unknown, name: string, other: unknown): { value: unknown } | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const method = (target as Record<string, unknown>)[name];
  if (typeof method !== 'function') return undefined;
  const value = (method as Binary).call(target, other);
  return value === NotImplemented ? undefined : { value };
}

function unsupported(op: string, a: unknown, b: unknown): TypeError {
  return new TypeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** Python's `a + b`. */
export function add(a: unknown, b: unknown): any {
  if (typeof a === 'number' && typeof b === 'number') {
    return Number.isInteger(a) && Number.isInteger(b) ? exactInt(a + b, a, b, (p, q) => p + q) : asFloat(a + b);
  }
  if (typeof a === 'string') {
    if (typeof b === 'string') return a + b;
    // str's own __add__ declines anything else, so the right operand's __radd__ gets its turn
    const reflected = dunder(b, '__radd__', a);
    if (reflected !== undefined) return reflected.value;
    throw new TypeError(`can only concatenate str (not "${typeName(b)}") to str`);
  }
  if (Array.isArray(a) && !hasDunder(b, '__radd__')) {
    const kind = isTuple(a) ? 'tuple' : 'list';
    if (!Array.isArray(b) || isTuple(b) !== isTuple(a)) {
      throw new TypeError(`can only concatenate ${kind} (not "${typeName(b)}") to ${kind}`);
    }
    return isTuple(a) ? tuple(...a, ...b) : [...a, ...b];
  }
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return numberResult(x + y, a, b);
  const big = bigIntOp(a, b, (p, q) => p + q);
  if (big !== undefined) return big;
  const result = dunder(a, '__add__', b) ?? dunder(b, '__radd__', a);
  if (result !== undefined) return result.value;
  throw unsupported('+', a, b);
}

/** Python's `a * b`, including `'ab' * 3` and `[0] * n` (in either order). */
export function mul(a: unknown, b: unknown): any {
  if (typeof a === 'number' && typeof b === 'number') {
    return Number.isInteger(a) && Number.isInteger(b) ? exactInt(a * b, a, b, (p, q) => p * q) : asFloat(a * b);
  }
  if (isSequence(a)) return repeat(a, b);
  if (isSequence(b) && !hasDunder(a, '__mul__')) return repeat(b, a);
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return numberResult(x * y, a, b);
  const big = bigIntOp(a, b, (p, q) => p * q);
  if (big !== undefined) return big;
  const result = dunder(a, '__mul__', b) ?? dunder(b, '__rmul__', a);
  if (result !== undefined) return result.value;
  throw unsupported('*', a, b);
}

function isSequence(x: unknown): x is string | readonly unknown[] {
  return typeof x === 'string' || Array.isArray(x);
}

function hasDunder(x: unknown, name: string): boolean {
  return typeof x === 'object' && x !== null && typeof (x as Record<string, unknown>)[name] === 'function';
}

function repeat(sequence: string | readonly unknown[], times: unknown): any {
  const n = typeof times === 'boolean' ? Number(times) : times;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new TypeError(`can't multiply sequence by non-int of type '${typeName(times)}'`);
  }
  if (typeof sequence === 'string') return n > 0 ? sequence.repeat(n) : '';
  const items: unknown[] = [];
  for (let i = 0; i < n; i++) items.push(...sequence);
  return isTuple(sequence) ? tuple(...items) : items;
}

/** Python's `a - b`: numbers, set difference, `__sub__`/`__rsub__`. */
export function sub(a: unknown, b: unknown): any {
  if (typeof a === 'number' && typeof b === 'number') {
    return Number.isInteger(a) && Number.isInteger(b) ? exactInt(a - b, a, b, (p, q) => p - q) : asFloat(a - b);
  }
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return numberResult(x - y, a, b);
  const big = bigIntOp(a, b, (p, q) => p - q);
  if (big !== undefined) return big;
  if (a instanceof PySet && b instanceof PySet) return a.difference(b);
  const result = dunder(a, '__sub__', b) ?? dunder(b, '__rsub__', a);
  if (result !== undefined) return result.value;
  throw unsupported('-', a, b);
}

/** The bit and set operators `&`, `|`, `^`, `<<`, `>>`. */
export type BitOperator = '&' | '|' | '^' | '<<' | '>>';

const BIT_DUNDERS: Record<BitOperator, [string, string]> = {
  '&': ['__and__', '__rand__'],
  '|': ['__or__', '__ror__'],
  '^': ['__xor__', '__rxor__'],
  '<<': ['__lshift__', '__rlshift__'],
  '>>': ['__rshift__', '__rrshift__'],
};

/**
 * Python's `a & b`, `a | b`, `a ^ b`, `a << b`, `a >> b`: ints of any size (bitwise.ts), bools (`True & True` is
 * True), set intersection/union/symmetric difference, dict merge (`d1 | d2`), dunder methods.
 */
export function bitOp(a: unknown, op: BitOperator, b: unknown): any {
  if (typeof a === 'boolean' && typeof b === 'boolean' && op !== '<<' && op !== '>>') {
    return op === '&' ? a && b : op === '|' ? a || b : a !== b;
  }
  const x = typeof a === 'boolean' ? Number(a) : a;
  const y = typeof b === 'boolean' ? Number(b) : b;
  if (typeof x === 'number' && typeof y === 'number' && Number.isInteger(x) && Number.isInteger(y)) {
    switch (op) {
      case '&':
        return bitAnd(x, y);
      case '|':
        return bitOr(x, y);
      case '^':
        return bitXor(x, y);
      case '<<':
        return lshift(x, y);
      default:
        return rshift(x, y);
    }
  }
  if (a instanceof PySet && b instanceof PySet) {
    if (op === '&') return a.intersection(b);
    if (op === '|') return a.union(b);
    if (op === '^') return a.symmetricDifference(b);
  }
  // a subclass's own operator first: `Counter | Counter` is the maximum of the counts, not dict's merge
  const [own, reflected] = BIT_DUNDERS[op];
  const result = dunder(a, own, b) ?? dunder(b, reflected, a);
  if (result !== undefined) return result.value;
  if (a instanceof PyDict && b instanceof PyDict && op === '|') {
    const merged = a.copy();
    merged.update(b);
    return merged;
  }
  // `int | str`, `int | None`: a union of types, for isinstance and annotations read at run time
  const union = op === '|' ? typeUnion(a, b) : undefined;
  if (union !== undefined) return union;
  throw unsupported(op, a, b);
}

/** Python's `a @ b`: `__matmul__`/`__rmatmul__`, TypeError otherwise. */
export function matmul(a: unknown, b: unknown): any {
  const result = dunder(a, '__matmul__', b) ?? dunder(b, '__rmatmul__', a);
  if (result !== undefined) return result.value;
  throw unsupported('@', a, b);
}

/** Python's `a / b` where the translator does not know the operands' types: a float for numbers, carrying its
 *  kind (boxed when integral); `__truediv__` for objects (`Path('/tmp') / 'x'`). */
export function pyTrueDiv(a: unknown, b: unknown): any {
  // a float result: boxed when integral, as every float whose kind is decided at run time
  if (typeof a === 'bigint' || typeof b === 'bigint') return asFloat(bigTrueDiv(a, b));
  const x = numeric(a);
  const y = numeric(b);
  if (x === undefined || y === undefined) return trueDiv(a, b);
  return asFloat(trueDiv(x, y, isFloat(a) || isFloat(b)));
}

// `/`, `//`, `%`, `**` and divmod() on ints and floats whose kinds are known only at run time (see py-float.ts):
// the kinds come from the values, and a float result is boxed when integral. arithmetic.ts's `trueDiv`, `floorDiv`…
// are their counterparts for operands whose kinds the translator knows, which take and give plain numbers.

/** Python's `a // b`: an int for two ints, else a float. */
export function pyFloorDiv(a: unknown, b: unknown): any {
  if (areInts(a, b) && isSafe(a as number)) return floorDiv(a as number, b as number);
  const big = bigIntOp(a, b, (x, y) => bigDivmod(x, y)[0]);
  if (big !== undefined) return big;
  const [x, y, float] = numberOperands(a, b, '//');
  const result = floorDiv(x, y, float);
  return float ? asFloat(result) : result;
}

/** Python's `a % b` for numbers (a str's `%` is percentFormat). */
export function pyMod(a: unknown, b: unknown): any {
  if (areInts(a, b) && isSafe(a as number)) return mod(a as number, b as number);
  const big = bigIntOp(a, b, (x, y) => bigDivmod(x, y)[1]);
  if (big !== undefined) return big;
  const [x, y, float] = numberOperands(a, b, '%');
  const result = mod(x, y, float);
  return float ? asFloat(result) : result;
}

/** Python's `divmod(a, b)`: two ints, or two floats. */
export function pyDivmod(a: unknown, b: unknown): any {
  const quotient = bigIntOp(a, b, (x, y) => bigDivmod(x, y)[0]);
  if (quotient !== undefined) return tuple(quotient, bigIntOp(a, b, (x, y) => bigDivmod(x, y)[1]));
  const [x, y, float] = numberOperands(a, b, 'divmod()');
  const [q, r] = divmod(x, y, float);
  return float ? tuple(asFloat(q), asFloat(r)) : tuple(q, r);
}

/** Python's `a ** b`: a float when either operand is one or an int is raised to a negative power. */
export function pyPow(a: unknown, b: unknown, modulus?: number | null): any {
  const [x, y, float] = numberOperands(a, b, '** or pow()');
  const result = pow(x, y, modulus);
  return float || (y < 0 && (modulus === undefined || modulus === null)) ? asFloat(result) : result;
}

// Two ints, the common case of `%` and `//` on operands of unknown kind: what numberOperands would give, without
// building its tuple (measured: 70 ns a call, a sixth of a loop doing `acc = (acc * 31 + x) % M`).
function areInts(a: unknown, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b);
}

function numberOperands(a: unknown, b: unknown, op: string): [number, number, boolean] {
  const x = numeric(a);
  const y = numeric(b);
  if (x === undefined || y === undefined) throw unsupported(op, a, b);
  return [x, y, isFloat(a) || isFloat(b)];
}

/** Python's unary `-x`. */
export function neg(x: unknown): any {
  const n = numeric(x);
  if (n !== undefined) return x instanceof PyFloat ? new PyFloat(-n) : -n;
  if (typeof x === 'bigint') return -x;
  const result = dunder(x, '__neg__', undefined);
  if (result !== undefined) return result.value;
  throw new TypeError(`bad operand type for unary -: '${typeName(x)}'`);
}

/** Python's unary `+x`. */
export function pos(x: unknown): any {
  const n = numeric(x);
  if (n !== undefined) return x instanceof PyFloat ? x : n;
  if (typeof x === 'bigint') return x;
  const result = dunder(x, '__pos__', undefined);
  if (result !== undefined) return result.value;
  throw new TypeError(`bad operand type for unary +: '${typeName(x)}'`);
}

/** Python's `a and b`: `a` when it is false, else `b` (evaluated only then, as `rest()`). */
export function and<A, B>(a: A, rest: () => B): A | B {
  return truthy(a) ? rest() : a;
}

/** Python's `a or b`: `a` when it is true, else `b` (evaluated only then, as `rest()`). */
export function or<A, B>(a: A, rest: () => B): A | B {
  return truthy(a) ? a : rest();
}
