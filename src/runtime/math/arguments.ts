// How math functions read their arguments and report failures (Modules/mathmodule.c math_1/math_2 and
// PyFloat_AsDouble/PyNumber_Index): the TypeErrors for non-numbers, and the ValueError/OverflowError CPython
// derives from a NaN or infinite result.

import { OverflowError, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyFloat } from '../builtins/py-float.js';
import { typeName } from '../builtins/type-name.js';

/** A float argument: ints, bools and floats; `TypeError: must be real number, not str` otherwise. */
export function real(x: unknown): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return Number(x);
  if (typeof x === 'bigint') return Number(x);
  if (x instanceof PyFloat) return x.value;
  throw new TypeError(`must be real number, not ${typeName(x)}`);
}

/** An int argument: `TypeError: 'float' object cannot be interpreted as an integer` for anything else. */
export function integer(x: unknown): bigint {
  if (typeof x === 'number' && Number.isInteger(x)) return BigInt(x);
  if (typeof x === 'boolean') return BigInt(x);
  if (typeof x === 'bigint') return x;
  throw new TypeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
}

/** `ValueError: math domain error`. */
export function domainError(): ValueError {
  return new ValueError('math domain error');
}

/** `OverflowError: math range error`. */
export function rangeError(): OverflowError {
  return new OverflowError('math range error');
}

/**
 * The result of a float function as CPython checks it (math_1): NaN out of non-NaN input is a domain error; an
 * infinite result from finite input is a range error when the function can overflow, a domain error otherwise.
 */
export function checked(result: number, inputs: readonly number[], canOverflow: boolean): number {
  if (result !== result && inputs.every((x) => x === x)) throw domainError();
  if (!Number.isFinite(result) && result === result && inputs.every((x) => Number.isFinite(x))) {
    throw canOverflow ? rangeError() : domainError();
  }
  return result;
}

/** A float that must become an int (floor, ceil, trunc): infinities overflow, NaN is a ValueError. */
export function toIntegral(x: number): number {
  if (x !== x) throw new ValueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new OverflowError('cannot convert float infinity to integer');
  return x + 0; // -0 becomes the int 0.
}
