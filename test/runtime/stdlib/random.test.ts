import { describe, expect, it } from 'vitest';
import { round } from '../../../src/runtime/builtins/arithmetic.js';
import { IndexError, TypeError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { list } from '../../../src/runtime/builtins/conversions.js';
import { asFloat } from '../../../src/runtime/builtins/py-float.js';
import { range } from '../../../src/runtime/builtins/range.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { set } from '../../../src/runtime/builtins/set.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';
import * as random from '../../../src/runtime/random/index.js';
import { printed, recorded } from './recorded.js';

const cpython = recorded('random');
const cases: Record<string, (print: (...values: unknown[]) => void) => void> = {
  'seed 42 reproduces random, randint, choice, shuffle, sample, uniform, randrange, getrandbits, choices': (print) => {
    random.seed(42);
    print(random.random(), random.random());
    print(Array.from({ length: 10 }, () => random.randint(1, 6)));
    print(random.choice(['red', 'green', 'blue']), random.choice('xyz'), random.choice(range(100)));
    const deck = list(range(10));
    random.shuffle(deck);
    print(deck);
    print(random.sample(range(100), 5), random.sample(['a', 'b', 'c'], 3));
    print(random.uniform(1.5, 2.5), random.randrange(0, 100, 5), random.randrange(10), random.getrandbits(16));
    print(random.choices(['x', 'y'], { k: 4 }), random.choices('ab', { weights: [1, 9], k: 5 }));
  },
  "a Random instance is independent of the module's generator": (print) => {
    const rng = random.Random(7);
    print(rng.random(), rng.randint(0, 10 ** 6), rng.randint(-5, 5));
    random.seed(0);
    print(
      Array.from({ length: 3 }, () => round(random.random(), 6)),
      random.randint(1, 10 ** 12),
    );
  },
  'large, negative, zero, string and float seeds': (print) => {
    for (const s of [0, 1, -1, 2 ** 32, 2 ** 40 + 7, 123456789012345, 'hello', '', 'Zoë', 1.5, true]) {
      random.seed(s);
      print(repr(s), random.random(), random.getrandbits(40), random.randrange(1000));
    }
  },
  'larger samples, sample counts, cumulative weights and gauss': (print) => {
    const r = random.Random(2024);
    print(r.sample(range(1000), 10), r.sample(list('abcdefghijklmnopqrstuvwxyz'), 8));
    print(r.sample(['a', 'b'], { k: 3, counts: [2, 2] }));
    print(
      r.choices(range(5), { cumWeights: [1, 2, 3, 4, 5], k: 4 }),
      r.gauss(0, 1),
      r.gauss(10, 2),
      r.normalvariate(),
      r.expovariate(2),
      r.triangular(0, 10, 2),
    );
    print(r.randrange(100, 0, -7), r.randrange(-50, 50, 3), r.getrandbits(0), r.getrandbits(53), r.getrandbits(33));
  },
  'argument errors': (print) => {
    const r = random.Random(1);
    const bad = [
      () => r.choice([]),
      () => r.randrange(0),
      () => r.randrange(5, 2),
      () => r.randrange(0, 10, 0),
      () => r.randrange(1.5),
      () => r.sample([1], 2),
      () => r.sample(set([1, 2]) as never, 1),
      () => r.choices([1], [1, 2]),
      () => r.getrandbits(-1),
      () => r.randrange(5, null, 2),
    ];
    for (const f of bad) {
      try {
        f();
      } catch (e) {
        if (!(e instanceof TypeError || e instanceof ValueError || e instanceof IndexError)) throw e;
        print(typeName(e), e);
      }
    }
  },
  'parameters given by keyword': (print) => {
    const r = random.Random(5);
    print(
      r.randrange(0, 20, { step: 5 }),
      r.randrange({ start: 1, stop: 3 }),
      r.gauss({ mu: 10, sigma: 0.5 }),
      r.normalvariate({ sigma: 2 }),
      r.triangular({ high: 4, mode: 1 }),
      r.sample([1, 2, 3], { k: 2 }),
    );
  },
  'the other distributions': (print) => {
    const r = random.Random(11);
    print(
      [0.5, 1, 3].map((a) => r.gammavariate(a, 2)),
      r.betavariate(2, 5),
      r.lognormvariate(0, 1),
      r.paretovariate(3),
      r.weibullvariate(1, 2),
    );
    print(
      random.Random(3).betavariate(3, 3),
      [0, 1, 2].map((i) => round(random.Random(i).gammavariate(9, 0.5), 9)),
    );
  },
  'vonmisesvariate, and integral floats as arguments and seeds': (print) => {
    const r = random.Random(8);
    print(
      [
        [0, 0],
        [asFloat(3), 0.5],
        [6, 100],
      ].map(([m, k]) => round(r.vonmisesvariate(m!, k!), 12)),
    );
    for (const s of [asFloat(-1), -2.5, asFloat(3)]) {
      random.seed(s);
      print(random.random());
    }
    random.seed(asFloat(-1));
    print(
      random.random(),
      random.randint(1, asFloat(6)),
      random.randrange(asFloat(10)),
      random.uniform(asFloat(2), asFloat(4)),
    );
  },
};

describe('random', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(cpython).sort());
  });
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      expect(printed(body)).toBe(cpython[name]);
    });
  }
});
