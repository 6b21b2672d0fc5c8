import { describe, expect, it } from 'vitest';
import { dict, PyDict } from '../../../src/runtime/builtins/dict.js';
import { eq } from '../../../src/runtime/builtins/equality.js';
import { TypeError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { isinstance, type } from '../../../src/runtime/builtins/builtin-types.js';
import { int, list } from '../../../src/runtime/builtins/conversions.js';
import { iter, max, reversed, sorted, sum } from '../../../src/runtime/builtins/iteration.js';
import { add, neg, pos, sub } from '../../../src/runtime/builtins/operators.js';
import { iadd, iand, ior, isub } from '../../../src/runtime/builtins/inplace.js';
import { lt } from '../../../src/runtime/builtins/ordering.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { contains, getItem, len, setItem } from '../../../src/runtime/builtins/sequences.js';
import { frozenset, set } from '../../../src/runtime/builtins/set.js';
import * as abc from '../../../src/runtime/collections/abc/index.js';
import { kw } from '../../../src/runtime/builtins/kw.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';
import { range } from '../../../src/runtime/builtins/range.js';
import { Counter, defaultdict, deque, namedtuple, OrderedDict } from '../../../src/runtime/collections/index.js';
import { printed, recorded } from './recorded.js';

const cpython = recorded('collections');
const cases: Record<string, (print: (...values: unknown[]) => void) => void> = {
  'a full deque drops items from the opposite end': (print) => {
    const d = deque([1, 2, 3], { maxlen: 3 });
    d.append(4);
    print(d);
    d.appendleft(0);
    print(d, d.maxlen);
  },
  'deque rotates both ways and pops from both ends': (print) => {
    const d = deque([1, 2, 3, 4, 5]);
    d.rotate(2);
    print(d);
    d.rotate(-3);
    print(d, d.pop(), d.popleft(), d, len(d));
  },
  'deque extendleft reverses, indexing and membership': (print) => {
    const q = deque();
    q.extend('ab');
    q.extendleft('xy');
    print(q, list(q), getItem(q, 0), getItem(q, -1), contains(q, 'a'), deque(range(3)), deque(), list(reversed(q)));
  },
  'deque keyword maxlen alone keeps the latest items': (print) => {
    const h = deque({ maxlen: 2 });
    for (const e of ['login', 'view', 'logout']) h.append(e);
    print(h);
  },
  'popping an empty deque raises IndexError': () => {
    deque().pop();
  },
  'deque index out of range raises IndexError': () => {
    getItem(deque([1]), 3);
  },
  'deque index and remove raise ValueError for a missing item': (print) => {
    try {
      deque([1]).index(9);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(e);
    }
    deque([1]).remove(9);
  },
  'a negative maxlen is a ValueError': () => {
    deque([], -1);
  },
  'deque insert, reverse, count, equality and a self-containing repr': (print) => {
    const d = deque<unknown>([1, 2, 3]);
    d.insert(1, 'x');
    d.reverse();
    print(d, d.count(1), eq(d, deque([3, 2, 'x', 1])), eq(d, [3, 2, 'x', 1]), lt(deque([1]), deque([2])));
    d.append(d);
    print(d);
  },
  'mutating a deque while iterating raises RuntimeError': () => {
    const d = deque([1, 2]);
    for (const _ of d) d.append(3);
  },
  'defaultdict creates missing values with its factory': (print) => {
    const g = defaultdict<string, string[]>(list);
    for (const w of ['apple', 'bob', 'avocado']) getItem(g, w[0]).push(w);
    print(g, getItem(g, 'zz'), contains(g, 'zz'), g.get('qq'), contains(g, 'qq'), len(g));
  },
  'defaultdict of int counts': (print) => {
    const c = defaultdict(int);
    for (const ch of 'hello') setItem(c, ch, add(getItem(c, ch), 1));
    print(sorted(c.items()), getItem(c, 'missing'), dict(c));
  },
  'defaultdict without a factory raises KeyError': (print) => {
    const d = defaultdict(null, dict([['k', 1]]));
    print(d);
    getItem(d, 'absent');
  },
  'defaultdict copy keeps the factory': (print) => {
    const d = defaultdict(set, dict([['a', set([1])]]));
    print(d.copy(), typeName(d.copy()), d.defaultFactory);
  },
  'defaultdict rejects a factory that is not callable': () => {
    defaultdict(1 as never);
  },
  'Counter counts and orders most_common by count then first appearance': (print) => {
    const c = Counter('abracadabra');
    print(c, c.mostCommon(2), getItem(c.mostCommon(), -1), getItem(c, 'z'), contains(c, 'z'), len(c));
    const t = Counter(['b', 'a', 'c', 'a', 'b', 'c']);
    print(t.mostCommon(), t, t.mostCommon(0));
  },
  'Counter arithmetic keeps positive counts': (print) => {
    const c = Counter('abracadabra');
    const c2 = Counter({ a: 1, b: 5 });
    print(
      add(c, c2),
      sub(c, c2),
      sub(c2, c),
      c.__and__(c2),
      c.__or__(c2),
      pos(Counter({ a: -1, b: 2 })),
      neg(Counter({ a: -1, b: 2 })),
    );
  },
  'Counter update and subtract with iterables, mappings and keywords': (print) => {
    const c = Counter('ab');
    c.update('aaz');
    c.update(dict([['b', 3]]), { q: 2 });
    c.subtract(dict([['b', 10]]));
    print(c, pos(c));
  },
  'Counter elements, total and equality treating missing as zero': (print) => {
    const c2 = Counter({ a: 1, b: 5 });
    print(
      sorted(c2.elements()),
      c2.total(),
      eq(
        Counter([1, 1, 2]),
        Counter(
          dict([
            [1, 2],
            [2, 1],
          ]),
        ),
      ),
      eq(Counter({ a: 0 }), Counter()),
      Counter(),
      Counter(dict([['x', 0]])),
    );
  },
  'Counter augmented assignment on missing keys': (print) => {
    const inv = Counter({ apples: 3, pears: 0 });
    setItem(inv, 'pears', add(getItem(inv, 'pears'), 2));
    setItem(inv, 'kiwis', sub(getItem(inv, 'kiwis'), 1));
    print(inv, dict(inv), sum(inv.values()));
  },
  'Counter of a non-iterable is a TypeError': () => {
    Counter(1 as never);
  },
  'namedtuple fields, indexing, equality with tuples and repr': (print) => {
    const Point = namedtuple('Point', 'x y');
    const p = Point(1, { y: 2 });
    print(
      p,
      p.x,
      getItem(p, 1),
      eq(p, tuple(1, 2)),
      len(p),
      p._replace({ x: 9 }),
      p._asdict(),
      Point._fields,
      Point.name,
    );
    const [x, y] = p;
    print(
      add(x, y),
      add(p, tuple(3)),
      sorted([Point(2, 1), Point(1, 5)]),
      Point._make([3, 4]),
      max(p),
      isinstance(p, tuple),
    );
  },
  'namedtuple defaults fill the rightmost fields': (print) => {
    const Conn = namedtuple('Conn', ['host', 'port', 'secure'], { defaults: [80, false] });
    print(Conn('h'), Conn('h', 443, true), Conn._fieldDefaults, Conn({ port: 1, host: 'z' }));
  },
  'namedtuple fields cannot be assigned': () => {
    const p = namedtuple('Point', 'x y')(1, 2);
    p.x = 5;
  },
  'namedtuple reports missing arguments': (print) => {
    const Point = namedtuple('Point', 'x y z');
    const calls = [
      () => Point(1),
      () => Point(),
      () => Point(1, 2),
      () => Point(1, 2, 3, 4),
      () => Point(1, 2, 3, { w: 1 }),
      () => Point(1, 2, 3, { x: 1 }),
    ];
    for (const call of calls) {
      try {
        call();
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        print(e);
      }
    }
  },
  'namedtuple validates its names': (print) => {
    for (const [name, fields] of [
      ['Q', 'x x'],
      ['Q', 'def'],
      ['Q', '_x'],
      ['1Q', 'x'],
      ['Q', 'a, b'],
    ] as const) {
      try {
        print(namedtuple(name, fields)._fields);
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        print(e);
      }
    }
    print(namedtuple('R', 'a def _c a', { rename: true })._fields);
  },
  'namedtuple _replace and _make check their arguments': (print) => {
    const P = namedtuple('P', 'x y');
    try {
      P._make([1]);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print(e);
    }
    P(1, 2)._replace({ z: 1 });
  },
  'OrderedDict move_to_end and popitem from both ends': (print) => {
    const od = OrderedDict([tuple('a', 1), tuple('b', 2), tuple('c', 3)]);
    od.moveToEnd('a');
    print(od);
    od.moveToEnd('c', { last: false });
    print(list(od), od.popitem(), od.popitem({ last: false }), od);
  },
  // `dict(kw(...))` is how the translator passes keywords to dict(); the builtins' dict() signature does not list it.
  'OrderedDict equality depends on order only between OrderedDicts': (print) => {
    print(
      eq(OrderedDict({ a: 1, b: 2 }), OrderedDict({ b: 2, a: 1 })),
      eq(OrderedDict({ a: 1, b: 2 }), dict(kw({ b: 2, a: 1 }) as never)),
      eq(dict(kw({ b: 2, a: 1 }) as never), OrderedDict({ a: 1, b: 2 })),
    );
    print(
      OrderedDict(),
      repr(OrderedDict({ k: 'v' })),
      dict(OrderedDict({ z: 1, y: 2 })),
      OrderedDict({ a: 1 }).copy(),
    );
  },
  'OrderedDict move_to_end of a missing key raises KeyError': () => {
    OrderedDict().moveToEnd('z');
  },
  'translated subclasses of collections classes keep their own names': (print) => {
    class Jobs extends deque<unknown> {}
    class Tally extends Counter<string> {}
    class Registry extends defaultdict<unknown, unknown> {}
    const j = new Jobs([1], 2);
    print(
      j,
      typeName(j),
      isinstance(j, deque),
      new Tally('aab'),
      typeName(new Tally()),
      new Registry(list),
      typeName(deque()),
      repr(deque),
    );
  },
  'collections.abc answers isinstance structurally': (print) => {
    const values = [
      's',
      [1],
      tuple(1),
      dict([['k', 1]]),
      set([1]),
      frozenset(),
      range(3),
      deque(),
      Counter(),
      5,
      len,
      iter([]),
      (function* () {})(),
    ];
    const names = [
      'Iterable',
      'Iterator',
      'Generator',
      'Sized',
      'Container',
      'Collection',
      'Callable',
      'Sequence',
      'MutableSequence',
      'Mapping',
      'MutableMapping',
      'Set',
      'MutableSet',
      'Hashable',
      'Reversible',
    ] as const;
    for (const name of names)
      print(
        name,
        values.map((v) => isinstance(v, abc[name])),
      );
    class Mine extends abc.Iterable {
      [Symbol.iterator](): Iterator<never> {
        return [][Symbol.iterator]();
      }
    }
    print(isinstance(new Mine(), abc.Iterable), isinstance(new Mine(), Mine), isinstance([], Mine));
  },
};

describe('collections', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(cpython).sort());
  });
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      expect(printed(body)).toBe(cpython[name]);
    });
  }
  it('collections classes are real classes that print as CPython prints them', () => {
    expect(repr(deque)).toBe("<class 'collections.deque'>");
    expect(type(deque([1]))).toBe(deque);
    expect(typeName(deque([1]))).toBe('deque');
    expect(isinstance(Counter(), PyDict)).toBe(true);
  });
});

describe('in-place operators of Counter and deque', () => {
  it('change the object itself, keeping only positive counts', () => {
    const c = Counter('abca');
    expect(iadd(c, Counter('bcd'))).toBe(c);
    expect(isub(c, dict([['a', 2]]))).toBe(c);
    expect(repr(c)).toBe("Counter({'b': 2, 'c': 2, 'd': 1})");
    expect(repr(iand(ior(c, Counter('zz')), Counter('zbb')))).toBe("Counter({'b': 2, 'z': 1})");
  });

  it('extend a deque by any iterable within its maxlen', () => {
    const d = deque([1, 2], { maxlen: 3 });
    expect(iadd(d, [3, 4])).toBe(d);
    expect(repr(d)).toBe('deque([2, 3, 4], maxlen=3)');
  });
});
