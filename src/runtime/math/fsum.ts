// math.fsum (Modules/mathmodule.c math_fsum): the correctly rounded sum, from Shewchuk's exact partial sums.

import { OverflowError, ValueError } from '../builtins/exceptions.js';
import { iterable } from '../builtins/iteration.js';
import { real } from './arguments.js';

/** Python's `math.fsum(iterable)`: the exact sum of the floats, rounded once. */
export function fsum(items: Iterable<unknown>): number {
  const partials: number[] = [];
  let specialSum = 0;
  let infSum = 0;
  for (const item of iterable(items)) {
    const original = real(item);
    let x = original;
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    if (x !== 0) {
      if (!Number.isFinite(x)) {
        // Either an inf or nan among the items, or an overflow of the partial sums.
        if (Number.isFinite(original)) throw new OverflowError('intermediate overflow in fsum');
        if (!Number.isNaN(original)) infSum += original;
        specialSum += original;
        partials.length = 0;
      } else {
        partials.push(x);
      }
    }
  }
  if (specialSum !== 0) {
    if (Number.isNaN(infSum)) throw new ValueError('-inf + inf in fsum');
    return specialSum;
  }
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Round half to even across the remaining partials, as math_fsum does.
    if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
  }
  return hi;
}
