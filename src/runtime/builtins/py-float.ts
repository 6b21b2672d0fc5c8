// Python has two numeric types where JS has one. Where the translator knows a value's kind it keeps plain JS
// numbers (ints and floats alike) and marks a float with `asFloat` where it is printed. Where the kind is known only
// at run time (`[1, 0.0]`, a parameter called with ints and floats, a value from an untyped path), the value
// carries it: a float whose value is integral (3.0, -0.0, 1e16) or NaN is a `PyFloat` object, every other number is
// a plain JS number, an int when integral and a float otherwise (2.5, inf). NaN is boxed so that `float('nan')` has
// an identity: `[nan] == [nan]` compares the same object, as CPython's list comparison does.

/** A Python float that a plain number could not tell from an int: integral values, -0.0 and NaN. */
export class PyFloat {
  constructor(readonly value: number) {}

  /** The number itself, so that JS arithmetic on a value pyts could not type still computes the right value. */
  valueOf(): number {
    return this.value;
  }
}

/** A Python int or float whose kind is known only at run time (see the module comment). */
export type PyNumber = number | PyFloat;

/**
 * The Python float `x` in the representation that carries its kind: boxed when integral or NaN, the plain number
 * otherwise. The translator uses it where a value known to be a float reaches a place whose kind is decided at run
 * time (`[1, asFloat(0)]`) and where one is printed (`print(asFloat(total))`). A value that is not a number (the
 * None of an `Optional[float]`, a PyFloat already) passes through unchanged.
 */
export function asFloat(x: number): PyNumber;
export function asFloat<T>(x: number | T): PyNumber | T;
export function asFloat(x: unknown): unknown {
  return typeof x === 'number' && (Number.isInteger(x) || x !== x) ? new PyFloat(x) : x;
}

/** The JS number of an int or float in either representation. */
export function numberValue(x: PyNumber): number {
  return typeof x === 'number' ? x : x.value;
}

/** True when `x` is a Python float: a PyFloat, or a plain number that is not integral (2.5, inf). */
export function isFloat(x: unknown): boolean {
  return x instanceof PyFloat || (typeof x === 'number' && !Number.isInteger(x));
}

/** A plain number for a runtime function that takes seconds, a size…: `asyncio.sleep(asFloat(1))` sleeps 1 s. */
export function toNumber<T>(x: T | PyFloat): T | number {
  return x instanceof PyFloat ? x.value : x;
}
