// The combinatoric iterators of Python's itertools (Modules/itertoolsmodule.c): product, permutations,
// combinations, combinations_with_replacement. Each reads its input pools at once, as CPython does, and yields
// tuples in CPython's lexicographic order of positions.

import { TypeError, ValueError } from '../builtins/exceptions.js';
import { iterable } from '../builtins/iteration.js';
import { tuple } from '../builtins/tuple.js';
import { bindKeywords, splitOptions } from '../collections/python-class.js';

interface ProductOptions {
  repeat?: number;
}

/** Python's `itertools.product(*iterables, repeat=1)`: the cartesian product, the rightmost pool varying fastest. */
export function product(...args: unknown[]): Generator<readonly unknown[]> {
  const [iterables, options] = splitOptions<ProductOptions>(args);
  const times = options.repeat ?? 1;
  if (times < 0) throw new ValueError('repeat argument cannot be negative');
  const base = iterables.map((items) => [...iterable(items as Iterable<unknown>)]);
  const pools: unknown[][] = [];
  for (let i = 0; i < times; i++) pools.push(...base);
  return producing(pools);
}

function* producing(pools: unknown[][]): Generator<readonly unknown[]> {
  if (pools.some((pool) => pool.length === 0)) return;
  const indices = pools.map(() => 0);
  for (;;) {
    yield tuple(...indices.map((at, i) => pools[i]![at]));
    let i = pools.length - 1;
    while (i >= 0 && indices[i] === pools[i]!.length - 1) indices[i--] = 0;
    if (i < 0) return;
    indices[i]!++;
  }
}

/** Python's `itertools.permutations(iterable, r=None)`: r-length orderings of the items, by position. */
export function permutations<T>(
  items: Iterable<T>,
  ...rest: (number | null | { r?: number | null })[]
): Generator<readonly T[]> {
  const [r] = bindKeywords(rest, ['r']) as [number | null | undefined];
  const pool = [...iterable(items)];
  const size = r ?? pool.length;
  if (size < 0) throw new ValueError('r must be non-negative');
  return permuting(pool, size);
}

// Modules/itertoolsmodule.c permutations_next: the cycles algorithm, which yields CPython's order.
function* permuting<T>(pool: T[], r: number): Generator<readonly T[]> {
  const n = pool.length;
  if (r > n) return;
  const indices = pool.map((_, i) => i);
  const cycles = Array.from({ length: r }, (_, i) => n - i);
  yield tuple(...indices.slice(0, r).map((i) => pool[i]!));
  while (n > 0) {
    let i = r - 1;
    for (; i >= 0; i--) {
      cycles[i]!--;
      if (cycles[i] === 0) {
        indices.push(...indices.splice(i, 1));
        cycles[i] = n - i;
      } else {
        const j = n - cycles[i]!;
        [indices[i], indices[j]] = [indices[j]!, indices[i]!];
        yield tuple(...indices.slice(0, r).map((k) => pool[k]!));
        break;
      }
    }
    if (i < 0) return;
  }
}

/** Python's `itertools.combinations(iterable, r)`: r-length subsequences in the order of the input. */
export function combinations<T>(...args: [Iterable<T>, (number | { r?: number })?]): Generator<readonly T[]> {
  return chooseWith('combinations', bindKeywords(args, ['iterable', 'r']), false);
}

/** Python's `itertools.combinations_with_replacement(iterable, r)`: as combinations, items may repeat. */
export function combinationsWithReplacement<T>(
  ...args: [Iterable<T>, (number | { r?: number })?]
): Generator<readonly T[]> {
  return chooseWith('combinations_with_replacement', bindKeywords(args, ['iterable', 'r']), true);
}

function chooseWith<T>(name: string, args: unknown[], replace: boolean): Generator<readonly T[]> {
  if (args.length < 2 || args[1] === undefined) {
    const missing = args.length === 0 ? 1 : 2;
    throw new TypeError(`${name}() missing required argument '${missing === 1 ? 'iterable' : 'r'}' (pos ${missing})`);
  }
  const pool = [...iterable(args[0] as Iterable<T>)];
  const r = args[1] as number;
  if (r < 0) throw new ValueError('r must be non-negative');
  return replace ? choosingWithReplacement(pool, r) : choosing(pool, r);
}

function* choosing<T>(pool: T[], r: number): Generator<readonly T[]> {
  const n = pool.length;
  if (r > n) return;
  const indices = Array.from({ length: r }, (_, i) => i);
  for (;;) {
    yield tuple(...indices.map((i) => pool[i]!));
    let i = r - 1;
    while (i >= 0 && indices[i] === i + n - r) i--;
    if (i < 0) return;
    indices[i]!++;
    for (let j = i + 1; j < r; j++) indices[j] = indices[j - 1]! + 1;
  }
}

function* choosingWithReplacement<T>(pool: T[], r: number): Generator<readonly T[]> {
  const n = pool.length;
  if (n === 0 && r > 0) return;
  const indices = new Array<number>(r).fill(0);
  for (;;) {
    yield tuple(...indices.map((i) => pool[i]!));
    let i = r - 1;
    while (i >= 0 && indices[i] === n - 1) i--;
    if (i < 0) return;
    indices.fill(indices[i]! + 1, i);
  }
}
