import { describe, expect, it as test } from 'vitest';
import { TypeError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { list } from '../../../src/runtime/builtins/conversions.js';
import { len } from '../../../src/runtime/builtins/sequences.js';
import { max, next, sorted, sum } from '../../../src/runtime/builtins/iteration.js';
import { mul } from '../../../src/runtime/builtins/operators.js';
import { range } from '../../../src/runtime/builtins/range.js';
import { pow } from '../../../src/runtime/builtins/arithmetic.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';
import * as it from '../../../src/runtime/itertools/index.js';
import { printed, recorded } from './recorded.js';

const cpython = recorded('itertools');
const isdigit = (s: string): boolean => /^\d+$/.test(s);
const cases: Record<string, (print: (...values: unknown[]) => void) => void> = {
  'product varies the rightmost pool fastest and repeats pools': (print) => {
    print(
      list(it.product('ab', [1, 2])),
      list(it.product([0, 1], { repeat: 2 })),
      list(it.product()),
      list(it.product('ab', { repeat: 0 })),
    );
  },
  "permutations and combinations in CPython's order": (print) => {
    print(
      list(it.permutations('abc', 2)),
      len(list(it.permutations(range(5)))),
      list(it.permutations([1])),
      list(it.permutations('ab', 5)),
    );
    print(
      list(it.combinations('abcd', 2)),
      list(it.combinationsWithReplacement('ab', 2)),
      list(it.combinations('ab', 3)),
    );
    print(
      Array.from(it.permutations('tea'), (p) => p.join('')),
      sum(
        (function* () {
          for (const _ of it.combinations(range(10), 3)) yield 1;
        })(),
      ),
      list(it.combinationsWithReplacement('abc', 0)),
    );
  },
  'combinatoric argument errors': (print) => {
    for (const f of [
      () => it.combinations([1] as never),
      () => it.combinations([1], -1),
      () => it.permutations([1], -1),
    ]) {
      try {
        f();
      } catch (e) {
        if (!(e instanceof TypeError || e instanceof ValueError)) throw e;
        print(typeName(e), e);
      }
    }
  },
  'chain, chain.from_iterable, zip_longest, pairwise, starmap, compress, filterfalse': (print) => {
    print(list(it.chain('ab', [1], tuple(2))), list(it.chain.fromIterable([[1, 2], [3], []])));
    print(list(it.zipLongest('abc', [1], { fillvalue: '-' })), list(it.zipLongest([1, 2], [])), list(it.zipLongest()));
    print(
      list(it.pairwise([1, 2, 4, 7])),
      list(it.starmap(pow, [tuple(2, 3), tuple(3, 2)])),
      list(it.compress('abcd', [1, 0, 1, 0])),
      list(it.filterfalse(isdigit, 'a1b2')),
    );
  },
  'tee gives independent iterators and accumulate takes a function': (print) => {
    const [a, b] = it.tee([1, 2, 3]);
    print(next(a!), list(b!), list(a!), list(it.accumulate(it.repeat(2, 4), (x, y) => x * y)));
  },
  'groupby groups consecutive keys and invalidates old groups': (print) => {
    print(Array.from(it.groupby('aaabccaa'), ([k, g]) => tuple(k, len(list(g)))));
    const words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'apricot'];
    for (const [letter, grp] of it.groupby(sorted(words), { key: (w: string) => w[0] })) print(letter, list(grp));
    const saved = Array.from(it.groupby('aabbb'), ([k, g]) => tuple(k, g));
    print(saved.map(([k, g]) => tuple(k, list(g))));
    print(Array.from(it.groupby([1, 1, 2, 2, 1], { key: (v: number) => v % 2 === 0 }), ([k, g]) => tuple(k, list(g))));
  },
  'accumulate with functions and initial values': (print) => {
    print(
      list(it.accumulate([1, 2, 3, 4])),
      list(it.accumulate([1, 2, 3, 4], mul)),
      list(it.accumulate([3, 1, 4, 1, 5], max)),
    );
    print(
      list(it.accumulate([1, 2], { initial: 100 })),
      list(it.accumulate([])),
      list(it.accumulate(['a', 'b', 'c'])),
      list(it.accumulate([5], { initial: null })),
    );
  },
  'count, cycle and repeat with islice': (print) => {
    print(
      list(it.islice(it.count(10, 5), 4)),
      list(it.islice(it.count(), 2, 10, 3)),
      list(it.islice(it.count(5, -2), 3)),
    );
    print(
      list(it.islice(it.cycle('ab'), 5)),
      list(it.repeat('x', 3)),
      list(it.repeat(0, 0)),
      list(it.repeat(1, -2)),
      list(it.cycle([])),
    );
  },
  'islice reads no further than it needs': (print) => {
    function* poll(): Generator<number> {
      let n = 0;
      for (;;) {
        n += 1;
        print('poll', n);
        yield n;
      }
    }
    print(list(it.islice(poll(), 2)));
    print(list(it.islice(poll(), 1, 4, 2)));
    print(list(it.islice('abcdefg', 1, null, 2)), list(it.islice('abc', null)));
  },
  'islice argument errors': (print) => {
    for (const f of [
      () => it.islice([], -1),
      () => it.islice([], -1, 2),
      () => it.islice([], 0, 1, 0),
      () => it.islice(1 as never, 2),
    ]) {
      try {
        f();
      } catch (e) {
        if (!(e instanceof TypeError || e instanceof ValueError)) throw e;
        print(typeName(e), e);
      }
    }
  },
  'takewhile and dropwhile': (print) => {
    print(
      list(it.takewhile((v: number) => v < 3, [1, 2, 3, 1])),
      list(it.dropwhile((v: number) => v < 3, [1, 2, 3, 1])),
    );
  },
  'parameters given by keyword': (print) => {
    print(
      list(it.permutations('abc', { r: 2 })),
      list(it.combinations('abc', { r: 2 })),
      list(it.combinationsWithReplacement('ab', { r: 2 })),
    );
    print(list(it.islice(it.count({ start: 3, step: 2 }), 3)), list(it.repeat('z', { times: 2 })));
  },
};

describe('itertools', () => {
  test('covers every recorded case', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(cpython).sort());
  });
  for (const [name, body] of Object.entries(cases)) {
    test(name, () => {
      expect(printed(body)).toBe(cpython[name]);
    });
  }
});
