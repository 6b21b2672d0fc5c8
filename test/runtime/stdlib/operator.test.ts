import { describe, expect, it } from 'vitest';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { BaseException } from '../../../src/runtime/builtins/exceptions.js';
import { list } from '../../../src/runtime/builtins/conversions.js';
import { map, sorted } from '../../../src/runtime/builtins/iteration.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';
import { namedtuple, type NamedTupleInstance } from '../../../src/runtime/collections/index.js';
import * as operator from '../../../src/runtime/operator/index.js';
import { printed, recorded } from './recorded.js';

const P = namedtuple('P', 'x y');
class Box {
  p: NamedTupleInstance;
  constructor(p: NamedTupleInstance) {
    this.p = p;
  }
  size(scale: number): number {
    return this.p.x * scale;
  }
}

const cpython = recorded('operator');
const cases: Record<string, (print: (...values: unknown[]) => void) => void> = {
  'operators as functions': (print) => {
    print(
      operator.add(1, 2),
      operator.add('a', 'b'),
      operator.sub(5, 7),
      operator.mul([0], 3),
      operator.truediv(7, 2),
      operator.floordiv(-7, 2),
      operator.mod(-7, 2),
      operator.pow(2, 10),
    );
    print(
      operator.neg(3),
      operator.pos(-2),
      operator.abs(-4),
      operator.and_(6, 3),
      operator.or_(4, 1),
      operator.xor(5, 1),
      operator.lshift(1, 4),
      operator.rshift(32, 2),
      operator.invert(5),
    );
    print(
      operator.eq(1, 1.0),
      operator.ne('a', 'b'),
      operator.lt(1, 2),
      operator.le(2, 2),
      operator.gt('b', 'a'),
      operator.ge(1, 2),
      operator.not_(0),
      operator.truth([]),
      operator.is_(null, null),
      operator.isNot(1, null),
    );
    print(
      operator.contains([1], 1),
      operator.concat([1], [2]),
      operator.index(5),
      operator.countOf([1, 1, 2], 1),
      operator.indexOf([1, 2], 2),
      operator.getitem(dict([['k', 3]]), 'k'),
      operator.lengthHint([1, 2]),
      operator.lengthHint(5, 9),
    );
  },
  'itemgetter, attrgetter and methodcaller': (print) => {
    const rows = [tuple('b', 2), tuple('a', 3), tuple('c', 1)];
    print(
      sorted(rows, { key: operator.itemgetter(1) }),
      list(map(operator.itemgetter(0), rows)),
      operator.itemgetter(0, -1)('xyz'),
    );
    print(
      operator.attrgetter('x')(P(1, 2)),
      operator.attrgetter('p.y', 'p')(new Box(P(3, 4))),
      operator.methodcaller('size', 10)(new Box(P(2, 0))),
    );
  },
  'operator errors': (print) => {
    const bad = [
      () => operator.attrgetter('zz')(new Box(P(0, 0))),
      () => operator.indexOf([1], 5),
      () => operator.concat(1, 2),
      () => operator.index(1.5),
    ];
    for (const call of bad) {
      try {
        call();
      } catch (e) {
        if (!(e instanceof BaseException)) throw e;
        print(typeName(e), e);
      }
    }
  },
};

describe('operator', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(cpython).sort());
  });
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      expect(printed(body)).toBe(cpython[name]);
    });
  }
});
