// Python has two numeric types where JS has one. The translator passes `asFloat(x)` wherever it knows a value is a
// float and the value reaches a printing or formatting function, so `print(asFloat(3))` prints `3.0` as CPython does.

/** A number that prints as a Python float. Only the formatting functions look inside it. */
export class FloatValue {
  constructor(readonly value: number) {}
}

/** Mark `x` as a Python float for `print`, `str`, `repr`, `format` and friends. */
export function asFloat(x: number): FloatValue {
  return new FloatValue(x);
}

/** The plain number behind a value that may carry the float marker. */
export function unwrapFloat(x: unknown): unknown {
  return x instanceof FloatValue ? x.value : x;
}

/**
 * A copy of a container of floats for printing: every number in a list, tuple or set (nested ones included) and
 * every number among a dict's values carries the float marker, so `print(asFloats(xs))` prints `[1.0, 2.5]` for a
 * `list[float]`. Dict keys are left alone (`dict[int, float]` keeps int keys). The translator uses it where a
 * container typed with floats reaches print/str/repr/format.
 */
export function asFloats<T>(container: T): T {
  return markFloats(container) as T;
}

interface Rebuildable {
  constructor: new (items: Iterable<unknown>) => unknown;
}

function markFloats(x: unknown): unknown {
  if (typeof x === 'number') return new FloatValue(x);
  if (Array.isArray(x)) {
    const items = x.map(markFloats);
    return Object.isFrozen(x) ? tupleLike(x, items) : items;
  }
  if (typeof x !== 'object' || x === null) return x;
  const kind = (x.constructor as { __pyname__?: string } | undefined)?.__pyname__;
  if (kind === 'dict') {
    const pairs: [unknown, unknown][] = [];
    for (const [key, value] of (x as { items(): Iterable<[unknown, unknown]> }).items()) pairs.push([key, markFloats(value)]);
    return new (x as Rebuildable).constructor(pairs);
  }
  if (kind === 'set' || kind === 'frozenset') {
    return new (x as Rebuildable).constructor([...(x as Iterable<unknown>)].map(markFloats));
  }
  return x;
}

// A tuple keeps its brand (copied from the original's own symbol properties) and stays frozen.
function tupleLike(original: readonly unknown[], items: unknown[]): readonly unknown[] {
  for (const symbol of Object.getOwnPropertySymbols(original)) {
    (items as unknown as Record<symbol, unknown>)[symbol] = (original as unknown as Record<symbol, unknown>)[symbol];
  }
  return Object.freeze(items);
}
