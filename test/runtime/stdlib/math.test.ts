import { describe, expect, it } from 'vitest';
import { round } from '../../../src/runtime/builtins/arithmetic.js';
import { BaseException } from '../../../src/runtime/builtins/exceptions.js';
import { asFloat } from '../../../src/runtime/builtins/py-float.js';
import { sum } from '../../../src/runtime/builtins/iteration.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';
import * as math from '../../../src/runtime/math/index.js';
import { printed, recorded } from './recorded.js';

const cpython = recorded('math');
// Math functions return plain numbers; as the translator does, the tests mark the Python floats they print.
const f = asFloat;
const floats = (pair: readonly number[]) => tuple(...pair.map(f));
const floatInt = (pair: readonly [number, number]) => tuple(f(pair[0]), pair[1]);

const cases: Record<string, (print: (...values: unknown[]) => void) => void> = {
  'floor, ceil and trunc return ints': (print) => {
    print(
      math.floor(2.7),
      math.floor(-2.5),
      math.ceil(2.1),
      math.ceil(-2.1),
      typeName(math.floor(2.0)),
      math.trunc(-2.7),
      math.floor(-0.0),
      math.ceil(1e-300),
    );
  },
  'float results of sqrt, pow, exp and logarithms': (print) => {
    print(
      f(math.sqrt(16)),
      math.sqrt(2),
      math.pi,
      math.e,
      math.tau,
      f(math.pow(2, 10)),
      math.exp(1),
      f(math.log(math.e)),
    );
    print(
      f(math.log(8, 2)),
      f(math.log10(1000)),
      f(math.log2(1024)),
      f(math.log(100, 10)),
      math.isqrt(17),
      f(math.pow(1, math.nan)),
      f(math.pow(-1, math.inf)),
    );
  },
  'isclose with relative and absolute tolerances': (print) => {
    print(
      math.isclose(0.1 + 0.2, 0.3),
      math.isclose(1.0, 1.001, { relTol: 1e-2 }),
      math.isclose(0, 1e-10),
      math.isclose(0, 1e-10, { absTol: 1e-9 }),
      math.isclose(math.inf, math.inf),
      math.isclose(math.inf, 1e308),
    );
  },
  'infinities and nan': (print) => {
    print(
      math.inf,
      -math.inf,
      math.isinf(math.inf),
      math.isnan(math.nan),
      math.isfinite(1e308),
      math.isfinite(math.nan),
    );
  },
  'integer helpers': (print) => {
    print(
      math.gcd(12, 18),
      math.lcm(4, 6),
      math.comb(5, 2),
      math.perm(5, 2),
      math.factorial(10),
      math.prod([1, 2, 3, 4]),
      math.gcd(),
      math.gcd(-12, 18),
      math.lcm(),
      math.lcm(0, 5),
      math.comb(10, 20),
      math.perm(5),
      math.prod([]),
      math.prod([2, 3], { start: 10 }),
      math.isqrt(10 ** 15),
    );
  },
  'fsum is exact where sum is not': (print) => {
    const tenths = new Array(10).fill(0.1);
    print(
      f(math.fsum(tenths)),
      sum(tenths),
      f(math.fsum([1e100, 1.0, -1e100, 1e-100])),
      f(math.fsum([])),
      f(math.fsum([1, 2, 3])),
      math.fsum([math.inf, 1]),
      math.fsum([0.3, 0.6, -0.9]),
    );
  },
  'hypot, copysign, fabs, degrees, radians, trigonometry': (print) => {
    print(
      f(math.hypot(3, 4)),
      f(math.copysign(1, -0.0)),
      f(math.fabs(-3)),
      f(math.degrees(math.pi)),
      math.radians(180),
      f(math.sin(0)),
      f(math.cos(0)),
      f(round(math.sin(math.pi), 10)),
      math.atan2(1, 1),
      f(math.dist([0, 0], [3, 4])),
    );
  },
  'modf, frexp, ldexp, fmod, remainder': (print) => {
    print(
      floats(math.modf(2.5)),
      floats(math.modf(-3.25)),
      floatInt(math.frexp(8.0)),
      floatInt(math.frexp(0.1)),
      f(math.ldexp(0.5, 4)),
      f(math.fmod(-7, 3)),
      f(math.remainder(7, 2)),
      f(math.remainder(5, 2)),
      f(math.remainder(-7, 3)),
      f(math.copysign(0.0, -1)),
    );
  },
  'nextafter and ulp': (print) => {
    print(
      math.nextafter(1.0, 2.0),
      math.nextafter(1.0, 0.0),
      math.nextafter(0.0, -1.0),
      math.ulp(1.0),
      f(math.ulp(1e300)),
    );
  },
  'domain, range and type errors': (print) => {
    const bad = [
      () => math.sqrt(-1),
      () => math.log(0),
      () => math.floor(math.inf),
      () => math.factorial(-1),
      () => math.floor(math.nan),
      () => math.exp(1000),
      () => math.factorial(1.5),
      () => math.comb(-1, 2),
      () => math.comb(2, -1),
      () => math.isqrt(-1),
      () => math.log(-1),
      () => math.log(10, 1),
      () => math.pow(0, -1),
      () => math.acos(2),
      () => math.fmod(1, 0),
      () => math.isclose(1, 1, { relTol: -1 }),
      () => math.sqrt('a'),
      () => math.cos(math.inf),
      () => math.ldexp(1, 2000),
      () => math.fsum([math.inf, -math.inf]),
      () => math.dist([1], [1, 2]),
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

describe('math', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(cpython).sort());
  });
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      expect(printed(body)).toBe(cpython[name]);
    });
  }
});
