// Containers of floats for printing. Numbers do not say whether they are Python floats, so a `list[float]` holding
// 1.0 and 2.5 would print `[1, 2.5]`; the translator passes such containers through `asFloats` where they reach
// print/str/repr/format.

import { PyDict } from './dict.js';
import { PyFloat } from './py-float.js';
import { PyFrozenSet, PySet } from './set.js';
import { isTuple, tuple } from './tuple.js';

/**
 * A copy of `container` in which every number of a list, tuple or set (nested ones included) and every number
 * among a dict's values carries the float marker: `print(asFloats(xs))` prints `[1.0, 2.5]`. Dict keys are left
 * alone, so a `dict[int, float]` keeps its int keys.
 */
export function asFloats<T>(container: T, places?: readonly boolean[]): T {
  // `places`: a tuple whose items are of different types, marked only where `places` says
  if (places && isTuple(container)) return tuple(...(container as readonly unknown[]).map((x, i) => (places[i] ? markFloats(x) : x))) as T;
  return markFloats(container) as T;
}

function markFloats(x: unknown): unknown {
  if (typeof x === 'number') return new PyFloat(x);
  if (Array.isArray(x)) {
    const items = x.map(markFloats);
    return isTuple(x) ? tuple(...items) : items;
  }
  if (x instanceof PyDict) {
    const pairs: [unknown, unknown][] = [];
    for (const [key, value] of x.items()) pairs.push([key, markFloats(value)]);
    return new PyDict(pairs);
  }
  if (x instanceof PyFrozenSet) return new PyFrozenSet([...x].map(markFloats));
  if (x instanceof PySet) return new PySet([...x].map(markFloats));
  return x;
}
