// pyts/runtime/itertools: Python's itertools module. Every iterator is lazy and is both a JS iterator and
// iterable, as Python iterators are; keyword arguments arrive as a trailing options object
// (`itertools.product([0, 1], { repeat: 2 })`, `itertools.zipLongest(a, b, { fillvalue: "-" })`).

export { combinations, combinationsWithReplacement, permutations, product } from './combinatoric.js';
export { count, cycle, repeat } from './infinite.js';
export {
  accumulate,
  chain,
  compress,
  dropwhile,
  filterfalse,
  groupby,
  Groupby,
  islice,
  pairwise,
  starmap,
  takewhile,
  tee,
  zipLongest,
} from './terminating.js';
