// Python list methods JS arrays lack or spell differently (Objects/listobject.c). `append`, `reverse`, `copy`
// (slice) and `clear` (length = 0) map to JS directly; `sort` is in iteration.ts.

import { eq } from './equality.js';
import { IndexError, ValueError } from './exceptions.js';
import { iterable, sort, type SortOptions } from './iteration.js';
import { repr } from './repr.js';

/** `xs.pop(i=-1)`: removes and returns the item; IndexError on an empty list or a bad index. */
export function listPop<T>(xs: T[], index = -1): T {
  if (xs.length === 0) throw new IndexError('pop from empty list');
  const i = index < 0 ? index + xs.length : index;
  if (i < 0 || i >= xs.length) throw new IndexError('pop index out of range');
  if (i === xs.length - 1) return xs.pop()!;
  return xs.splice(i, 1)[0]!;
}

/** `xs.remove(x)`: removes the first item equal to x; `ValueError: list.remove(x): x not in list` otherwise. */
export function listRemove<T>(xs: T[], x: T): void {
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] === x || eq(xs[i], x)) {
      xs.splice(i, 1);
      return;
    }
  }
  throw new ValueError('list.remove(x): x not in list');
}

/** `xs.insert(i, x)`: a negative index counts from the end; indexes past either end clamp. */
export function listInsert<T>(xs: T[], index: number, x: T): void {
  const i = index < 0 ? Math.max(0, index + xs.length) : Math.min(index, xs.length);
  xs.splice(i, 0, x);
}

/** `xs.index(x, start=0, end=len)`: `ValueError: 3 is not in list` when absent. */
export function listIndex<T>(xs: readonly T[], x: T, start = 0, end = xs.length): number {
  const from = start < 0 ? Math.max(0, start + xs.length) : start;
  const to = end < 0 ? end + xs.length : Math.min(end, xs.length);
  for (let i = from; i < to; i++) if (xs[i] === x || eq(xs[i], x)) return i;
  throw new ValueError(`${repr(x)} is not in list`);
}

/** `xs.count(x)`. */
export function listCount<T>(xs: readonly T[], x: T): number {
  let count = 0;
  for (const item of xs) if (item === x || eq(item, x)) count++;
  return count;
}

/** `xs.extend(iterable)`, also `xs += iterable`. */
export function listExtend<T>(xs: T[], items: Iterable<T>): void {
  if (Array.isArray(items)) {
    for (let i = 0, n = items.length; i < n; i++) xs.push(items[i]);
    return;
  }
  for (const item of iterable(items)) xs.push(item);
}

/** `xs.sort(key=None, reverse=False)`, keywords as an options object: stable, in place, Python ordering. */
export function listSort<T>(xs: T[], options: SortOptions<T> = {}): void {
  sort(xs, options);
}
