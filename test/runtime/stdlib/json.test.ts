import { describe, expect, it } from 'vitest';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { eq } from '../../../src/runtime/builtins/equality.js';
import { TypeError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { isinstance } from '../../../src/runtime/builtins/builtin-types.js';
import { getItem } from '../../../src/runtime/builtins/sequences.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { set } from '../../../src/runtime/builtins/set.js';
import { sorted } from '../../../src/runtime/builtins/iteration.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';
import * as json from '../../../src/runtime/json/index.js';
import { printed, recorded } from './recorded.js';

const cpython = recorded('json');
const sample = () =>
  dict<string, unknown>([
    ['name', 'Zoë'],
    ['tags', ['a', 'b']],
    ['n', 1],
    ['x', 1.5],
    ['ok', true],
    ['none', null],
    [
      'nested',
      dict<string, unknown>([
        ['z', []],
        ['a', dict()],
      ]),
    ],
  ]);

const cases: Record<string, (print: (...values: unknown[]) => void) => void> = {
  'dumps with default, compact and indented layouts': (print) => {
    const data = sample();
    print(json.dumps(data));
    print(json.dumps(data, { ensureAscii: false }));
    print(json.dumps(data, { indent: 2, sortKeys: true }));
    print(
      json.dumps([1, [2, 3], dict([['k', null]])], { separators: tuple(',', ':') }),
      json.dumps(dict([['a', [1]]]), { indent: 0 }),
      json.dumps([1, [2, dict()]], { indent: '\t' }),
    );
  },
  'dumps maps tuples, keys, floats and escapes as CPython': (print) => {
    print(
      json.dumps(tuple(1, 2)),
      json.dumps(
        dict<unknown, string>([
          [1, 'one'],
          [2.5, 'f'],
          [null, 'n'],
          [false, 'b'],
        ]),
      ),
      json.dumps('tab\t"quote"\u2028/'),
    );
    print(
      json.dumps(0.1 + 0.2),
      json.dumps(Infinity),
      json.dumps(-Infinity),
      json.dumps(NaN),
      json.dumps(-0.0),
      json.dumps(10 ** 15),
      json.dumps('🐍'),
      json.dumps('\x7f\x01\u00e9\u{1F40D}\b'),
      json.dumps('\x7f\x01\u00e9', { ensureAscii: false }),
    );
  },
  'dumps skipkeys, default and errors': (print) => {
    print(
      json.dumps(
        dict<unknown, number>([
          [tuple(1, 2), 3],
          ['a', 1],
        ]),
        { skipkeys: true },
      ),
      json.dumps(dict([['a', set([1, 2])]]), { default: (o) => sorted(o as Iterable<unknown>) }),
    );
    const bad = [
      () => json.dumps(dict([[tuple(1, 2), 3]])),
      () => json.dumps(NaN, { allowNan: false }),
      () => json.dumps(dict([['s', set([1, 2])]])),
      () =>
        json.dumps(
          dict<unknown, number>([
            [1, 2],
            ['a', 3],
          ]),
          { sortKeys: true },
        ),
    ];
    for (const call of bad) {
      try {
        call();
      } catch (e) {
        if (!(e instanceof TypeError || e instanceof ValueError)) throw e;
        print(typeName(e), e);
      }
    }
    const loop: unknown[] = [];
    loop.push(loop);
    try {
      json.dumps(loop);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(e);
    }
  },
  'loads maps JSON to Python values': (print) => {
    const obj = json.loads('{"a": [1, 2.5, "s", null, true, false], "b": {"c": 1e3}, "a2": -0, "f": 2.0}');
    print(obj, typeName(getItem(getItem(obj, 'b'), 'c')), typeName(getItem(getItem(obj, 'a'), 0)), getItem(obj, 'f'));
    print(
      json.loads('[]'),
      json.loads('"\\u00e9\\n\\/"'),
      json.loads(' 3 '),
      json.loads('{"k": 1, "k": 2}'),
      json.loads('NaN'),
      json.loads('-Infinity'),
      json.loads('"\\ud83d\\ude00"'),
    );
    const data = dict<string, unknown>([
      ['x', [1, dict([['y', null]])]],
      ['z', 'é'],
    ]);
    print(eq(json.loads(json.dumps(data)), data), json.loads(json.dumps(tuple(1, 2))));
  },
  "loads errors give CPython's message and position": (print) => {
    const bad = [
      "{'a': 1}",
      '[1, 2,]',
      '',
      '{"a" 1}',
      '"abc',
      '"a\x01"',
      '"\\q"',
      '"\\u12"',
      '{"a":1,}',
      '[1 2]',
      'tru',
      '  ',
      '{"a":1}x',
      '\n\n  [',
      '1.5e',
      '-',
      '["a",\n "b" x]',
      '01',
      '{"a": }',
      '["é", x]',
    ];
    for (const text of bad) {
      try {
        json.loads(text);
      } catch (e) {
        if (!(e instanceof json.JSONDecodeError)) throw e;
        print(typeName(e), isinstance(e, ValueError), e, e.pos, e.lineno, e.colno, repr(e.msg));
      }
    }
  },
  'an uncaught decode error names json.decoder': () => {
    json.loads('{"user": "ann"');
  },
};

describe('json', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(cpython).sort());
  });
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      expect(printed(body)).toBe(cpython[name]);
    });
  }
  it('loads keeps ints beyond 2**53 exact', () => {
    expect(repr(json.loads('[12345678901234567890]'))).toBe('[12345678901234567890]');
  });
});
