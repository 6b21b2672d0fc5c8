import { describe, expect, it } from 'vitest';
import { abs, round, trueDiv } from '../../../src/runtime/builtins/arithmetic.js';
import { isinstance } from '../../../src/runtime/builtins/builtin-types.js';
import { float, int } from '../../../src/runtime/builtins/conversions.js';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { eq, hashKey } from '../../../src/runtime/builtins/equality.js';
import { format } from '../../../src/runtime/builtins/format-spec.js';
import { sorted, sum } from '../../../src/runtime/builtins/iteration.js';
import { add, mul, neg, pyDivmod, pyFloorDiv, pyMod, pyPow, sub } from '../../../src/runtime/builtins/operators.js';
import { compare } from '../../../src/runtime/builtins/ordering.js';
import { asFloat, PyFloat } from '../../../src/runtime/builtins/py-float.js';
import { repr, str } from '../../../src/runtime/builtins/repr.js';
import { contains } from '../../../src/runtime/builtins/sequences.js';
import { set } from '../../../src/runtime/builtins/set.js';
import { truthy } from '../../../src/runtime/builtins/truthiness.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';
import { dumps } from '../../../src/runtime/json/index.js';
import { range } from '../../../src/runtime/builtins/range.js';
import * as asyncio from '../../../src/runtime/asyncio/index.js';

// Expected values are what CPython 3.11 printed for the same expressions. A float that is integral or NaN is a
// PyFloat; every other number is plain, an int when integral.
const r = (x: unknown) => repr(x);

describe('floats that carry their kind', () => {
  it('box only integral values and NaN', () => {
    expect(asFloat(2.5)).toBe(2.5);
    expect(asFloat(Infinity)).toBe(Infinity);
    expect(asFloat(3)).toBeInstanceOf(PyFloat);
    expect(asFloat(NaN)).toBeInstanceOf(PyFloat);
    expect([r(asFloat(3)), r(asFloat(-0)), r(asFloat(1e16)), r(asFloat(NaN)), str(asFloat(1e22))]).toEqual([
      '3.0',
      '-0.0',
      '1e+16',
      'nan',
      '1e+22',
    ]);
  });

  it('add, subtract and multiply to a float when either operand is one', () => {
    expect(
      [add(1, 2), add(0.5, 0.5), add(asFloat(1), 2), sub(asFloat(3), 3), mul(2, 1.5), add(true, asFloat(1))].map(r),
    ).toEqual(['3', '1.0', '3.0', '0.0', '3.0', '2.0']);
    expect([r(neg(asFloat(0))), r(neg(2)), r(abs(asFloat(-3))), r(abs(-3))]).toEqual(['-0.0', '-2', '3.0', '3']);
  });

  it('divide, floor-divide, take remainders and powers with the kinds of the operands', () => {
    // `/` always gives a float, so the translator knows its kind: a plain number, printed through asFloat
    expect(trueDiv(asFloat(6), 3)).toBe(2);
    expect(
      [pyFloorDiv(7.5, 2), pyMod(7.5, 2), pyDivmod(7.5, 2), pyDivmod(7, 2), pyFloorDiv(-7, asFloat(2))].map(r),
    ).toEqual(['3.0', '1.5', '(3.0, 1.5)', '(3, 1)', '-4.0']);
    expect([pyPow(2, -1), pyPow(asFloat(2), 3), pyPow(2, 3), pyPow(1, -1)].map(r)).toEqual(['0.5', '8.0', '8', '1.0']);
    expect([r(pyMod(asFloat(-0), 1)), r(pyMod(asFloat(0), -1))]).toEqual(['0.0', '-0.0']);
    expect(() => pyFloorDiv(asFloat(1), 0)).toThrow('float floor division by zero');
    expect(() => pyMod(1, 0)).toThrow('integer modulo by zero');
    expect(() => pyFloorDiv('a', 1)).toThrow("unsupported operand type(s) for //: 'str' and 'int'");
  });

  it('round to ints, or to floats when given ndigits', () => {
    expect([r(round(asFloat(2))), r(round(asFloat(2), 1)), r(round(asFloat(-0), 0))]).toEqual(['2', '2.0', '-0.0']);
  });

  it('compare, hash and key dicts and sets by value, so 1.0 finds the key 1', () => {
    expect([eq(asFloat(1), 1), eq(asFloat(1), true), compare(asFloat(1), 2) < 0, compare(2.5, asFloat(2)) > 0]).toEqual(
      [true, true, true, true],
    );
    expect(hashKey(asFloat(1))).toBe(hashKey(1));
    const d = dict<unknown, string>([
      [1, 'a'],
      [asFloat(1), 'b'],
    ]);
    expect([r(d), d.get(asFloat(1))]).toEqual(["{1: 'b'}", 'b']);
    expect(set([1, true, asFloat(1)]).size).toBe(1);
    expect(r(sorted([3.5, -1, 2, true, asFloat(0), false]))).toBe('[-1, 0.0, False, True, 2, 3.5]');
  });

  it('give NaN an identity: one NaN object is in a list holding it, two NaNs are not equal', () => {
    const nan = asFloat(NaN);
    expect([eq(nan, nan), eq([nan], [nan]), contains([nan], nan), eq([asFloat(NaN)], [asFloat(NaN)])]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect([compare(nan, 1) < 0, compare(nan, 1) > 0, compare(nan, 1) <= 0]).toEqual([false, false, false]);
    expect(
      dict([
        [nan, 1],
        [asFloat(NaN), 2],
      ]).size,
    ).toBe(2);
  });

  it('are falsy at zero, floats to isinstance and type, and ints again through int()', () => {
    expect([truthy(asFloat(0)), truthy(asFloat(-0)), truthy(asFloat(NaN)), truthy(asFloat(1))]).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect([isinstance(asFloat(1), float), isinstance(asFloat(1), int), typeName(asFloat(1)), typeName(1)]).toEqual([
      true,
      false,
      'float',
      'int',
    ]);
    // float() is known to give a float, so it gives the plain number (printed through asFloat)
    expect([r(int(asFloat(3))), float(asFloat(3)), r(sum([asFloat(1), 2]))]).toEqual(['3', 3, '3.0']);
  });

  it('format and dump as floats', () => {
    expect([format(asFloat(3), ''), format(asFloat(3), '.2f'), format(asFloat(3), '>6')]).toEqual([
      '3.0',
      '3.00',
      '   3.0',
    ]);
    expect(
      dumps(
        dict<string, unknown>([
          ['n', 1],
          ['x', asFloat(1)],
        ]),
      ),
    ).toBe('{"n": 1, "x": 1.0}');
  });

  it('are accepted by functions that take seconds, and refused where an int is needed', async () => {
    const seen: unknown[] = [];
    async function main() {
      const loop = asyncio.getRunningLoop();
      const start = loop.time();
      await asyncio.sleep(asFloat(0));
      seen.push(await asyncio.waitFor(asyncio.sleep(asFloat(0), 'slept'), asFloat(1)));
      const fut = loop.createFuture();
      loop.callLater(asFloat(0), () => fut.setResult('later'));
      seen.push(await asyncio.aw(fut), asyncio.timeout(asFloat(5)).when()! - start >= 5);
    }
    await asyncio.run(asyncio.coro(main));
    expect(seen).toEqual(['slept', 'later', true]);
    expect(() => range(asFloat(2))).toThrow("'float' object cannot be interpreted as an integer");
  });
});
