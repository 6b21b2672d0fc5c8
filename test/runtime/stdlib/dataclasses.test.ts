import { describe, expect, it } from 'vitest';
import { AttributeError } from '../../../src/runtime/builtins/exceptions.js';
import { list } from '../../../src/runtime/builtins/conversions.js';
import { asFloat, type PyNumber } from '../../../src/runtime/builtins/py-float.js';
import { eq } from '../../../src/runtime/builtins/equality.js';
import { hash } from '../../../src/runtime/builtins/hashing.js';
import { max, sorted } from '../../../src/runtime/builtins/iteration.js';
import { ge, lt } from '../../../src/runtime/builtins/ordering.js';
import { getItem, len } from '../../../src/runtime/builtins/sequences.js';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { set } from '../../../src/runtime/builtins/set.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';
import * as dataclasses from '../../../src/runtime/dataclasses/index.js';
import { printed, recorded } from './recorded.js';

// The classes as the translator emits them (see src/runtime/dataclasses/dataclasses.ts).
class Item {
  name: string;
  price: PyNumber;
  tags: string[];
  constructor(name: string, price: PyNumber = asFloat(0.0), tags: string[] = list()) {
    this.name = name;
    this.price = price;
    this.tags = tags;
  }
  static {
    dataclasses.dataclass(this, {
      name: dataclasses.MISSING,
      price: asFloat(0.0),
      tags: dataclasses.field({ defaultFactory: list }),
    });
  }
}
class Rank {
  level: number;
  name: string;
  constructor(level: number, name = '?') {
    this.level = level;
    this.name = name;
  }
  static {
    dataclasses.dataclass(
      this,
      { level: dataclasses.MISSING, name: dataclasses.field({ compare: false, default: '?' }) },
      { order: true },
    );
  }
}
class P {
  x: number;
  y: number;
  constructor(x: number, y = 0) {
    this.x = x;
    this.y = y;
    dataclasses.freeze(this);
  }
  static {
    dataclasses.dataclass(this, { x: dataclasses.MISSING, y: 0 }, { frozen: true });
  }
}
class Order {
  item: Item;
  qty: number;
  note: string;
  constructor(item: Item, qty = 1, note = '') {
    this.item = item;
    this.qty = qty;
    this.note = note;
  }
  static {
    dataclasses.dataclass(this, {
      item: dataclasses.MISSING,
      qty: 1,
      note: dataclasses.field({ default: '', repr: false }),
    });
  }
}

const cpython = recorded('dataclasses');
const cases: Record<string, (print: (...values: unknown[]) => void) => void> = {
  'generated repr and eq, default factories': (print) => {
    const [a, b] = [new Item('pen'), new Item('pen')];
    print(a, eq(a, b), a === b, new Item('cup', 2.5, ['x']), new Item('mug', 3.5));
    a.tags.push('blue');
    print(a, b, eq(a, b), dataclasses.asdict(a));
  },
  'order=True compares the compare fields only': (print) => {
    print(
      sorted([new Rank(3, 'c'), new Rank(1, 'a'), new Rank(2, 'b')]),
      eq(new Rank(1, 'x'), new Rank(1, 'y')),
      lt(new Rank(1), new Rank(2)),
      max(new Rank(5), new Rank(5, 'later')),
      ge(new Rank(2), new Rank(2, 'z')),
    );
  },
  'frozen instances hash and refuse assignment': (print) => {
    const p = new P(1);
    print(
      p,
      dataclasses.replace(p, { y: 9 }),
      eq(p, new P(1, 0)),
      hash(new P(1, 2)) === hash(new P(1, 2)),
      len(set([new P(1), new P(1, 0)])),
    );
    try {
      p.x = 5;
    } catch (e) {
      if (!(e instanceof dataclasses.FrozenInstanceError)) throw e;
      print(typeName(e), e, e instanceof AttributeError);
    }
  },
  'nested asdict, astuple, repr=False fields and fields()': (print) => {
    print(
      new Order(new Item('ink', 1.5)),
      dataclasses.asdict(new Order(new Item('ink'), 2)),
      dataclasses.astuple(new Order(new Item('ink'), 2)),
    );
    print(
      dataclasses.fields(Order).map((f) => f.name),
      dataclasses.isDataclass(Order),
      dataclasses.isDataclass(new Order(new Item('x'))),
      dataclasses.isDataclass(1),
    );
  },
  'plain dataclasses are unhashable': () => {
    set([new Item('x')]);
  },
  'mutable defaults are rejected at class creation': () => {
    class Bad {
      static {
        dataclasses.dataclass(this, { items: [] });
      }
    }
    void Bad;
  },
  'a field without default after one with a default is rejected': () => {
    class Bad2 {
      static {
        dataclasses.dataclass(this, { a: 1, b: dataclasses.MISSING });
      }
    }
    void Bad2;
  },
  'replace rejects unknown fields': () => {
    dataclasses.replace(new P(1), { z: 3 });
  },
  'frozen instances of different classes are different keys': (print) => {
    class Q {
      x: number;
      y: number;
      constructor(x: number, y = 0) {
        this.x = x;
        this.y = y;
        dataclasses.freeze(this);
      }
      static {
        dataclasses.dataclass(this, { x: dataclasses.MISSING, y: 0 }, { frozen: true });
      }
    }
    print(
      len(set([new P(1), new Q(1), new P(1, 0)])),
      getItem(
        dict<unknown, string>([
          [new P(1), 'p'],
          [new Q(1), 'q'],
        ]),
        new Q(1),
      ),
      eq(new P(1), new Q(1)),
    );
  },
};

describe('dataclasses', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(cpython).sort());
  });
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      expect(printed(body)).toBe(cpython[name]);
    });
  }
});
