import { describe, expect, it } from 'vitest';
// Registers the builtin types, so that the factory `list` prints as <class 'list'>.
import '../../../src/runtime/builtins/builtin-types.js';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { list } from '../../../src/runtime/builtins/conversions.js';
import { getItem, setItem } from '../../../src/runtime/builtins/sequences.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';
import { defaultdict, deque, namedtuple } from '../../../src/runtime/collections/index.js';
import * as copy from '../../../src/runtime/copy/index.js';
import { printed, recorded } from './recorded.js';

class Box {
  items: number[];
  constructor(items: number[]) {
    this.items = items;
  }
}

const cpython = recorded('copy');
const cases: Record<string, (print: (...values: unknown[]) => void) => void> = {
  'shallow copies share nested objects, deep copies do not': (print) => {
    const orig = dict<string, unknown>([
      ['k', [1, 2]],
      ['n', 1],
    ]);
    const sh = copy.copy(orig);
    const dp = copy.deepcopy(orig);
    (getItem(orig, 'k') as number[]).push(3);
    setItem(orig, 'n', 2);
    print(sh, dp, getItem(sh, 'k') === getItem(orig, 'k'), getItem(dp, 'k') === getItem(orig, 'k'));
  },
  'deepcopy keeps shared and circular references': (print) => {
    const shared = [1];
    const twin = copy.deepcopy([shared, shared]);
    print(twin, twin[0] === twin[1], twin[0] === shared);
    const loop: unknown[] = [1];
    loop.push(loop);
    const c = copy.deepcopy(loop);
    print(c, c[1] === c, c === loop);
  },
  'tuples, deques, defaultdicts, namedtuples and instances': (print) => {
    const t = tuple(1, 2);
    print(copy.copy(t) === t, copy.deepcopy(t) === t, copy.deepcopy(tuple([1]))[0] !== null);
    const d = deque([[1], [2]], { maxlen: 3 });
    print(copy.copy(d), getItem(copy.copy(d), 0) === getItem(d, 0), getItem(copy.deepcopy(d), 0) === getItem(d, 0));
    const dd = defaultdict(list, dict([['a', [1]]]));
    print(copy.deepcopy(dd), getItem(copy.deepcopy(dd), 'missing'));
    const P = namedtuple('P', 'x y');
    const p = P([1], 2);
    const q = copy.deepcopy(p);
    // type(q).__name__: the builtins' typeName says 'tuple' for every tuple, so the class is read directly.
    print(q, q.constructor.name, q.x === p.x);
    const b = new Box([1, 2]);
    const b2 = copy.copy(b);
    const b3 = copy.deepcopy(b);
    b.items.push(3);
    print(b2.items, b3.items, typeName(b3), b3 === b);
  },
};

describe('copy', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(cpython).sort());
  });
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      expect(printed(body)).toBe(cpython[name]);
    });
  }
});
