// Python has two numeric types where JS has one. The translator passes `asFloat(x)` wherever it knows a value is a
// float and the value reaches a printing or formatting function, so `print(asFloat(3))` prints `3.0` as CPython does.

/** A number that prints as a Python float. Only the formatting functions look inside it. */
export class FloatValue {
  constructor(readonly value: number) {}
}

/** Mark `x` as a Python float for `print`, `str`, `repr`, `format` and friends. A value that is not a number (the
 *  None of an `Optional[float]`) passes through unchanged. */
export function asFloat(x: number): FloatValue;
export function asFloat<T>(x: number | T): FloatValue | T;
export function asFloat(x: unknown): unknown {
  return typeof x === 'number' ? new FloatValue(x) : x;
}

