import { describe, expect, it } from 'vitest';
import { addInt, divmod, floorDiv, mod, mulInt, pow, round, subInt, trueDiv } from '../../../src/runtime/builtins/arithmetic.js';
import { bitAnd, bitNot, bitOr, bitXor, lshift, rshift } from '../../../src/runtime/builtins/bitwise.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { format } from '../../../src/runtime/builtins/format-spec.js';
import { OverflowError } from '../../../src/runtime/builtins/exceptions.js';
import { caseLine, decode, observeResult, recordedCases, type Encoded, type ResultOutcome } from './cpython-cases.js';
import { asFloat, PyFloat } from '../../../src/runtime/builtins/py-float.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';
import { add, mul, neg, pyFloorDiv, pyMod, sub } from '../../../src/runtime/builtins/operators.js';
import { toPyException } from '../../../src/runtime/builtins/to-py-exception.js';

type ArithmeticCase = { op: string; a: Encoded; b: Encoded } & ResultOutcome;
type RoundCase = { x: Encoded; n: number | null } & ResultOutcome;

const operations: Record<string, (a: number, b: number, floatOperands: boolean) => unknown> = {
  floorDiv, mod, trueDiv, divmod, pow: (a, b) => pow(a, b),
};
const num = (value: Encoded): number => {
  const x = decode(value);
  return x instanceof PyFloat ? x.value : (x as number);
};

// Results the runtime does not reproduce, on purpose: complex results (Python's `(-2) ** 0.5`), which raise
// NotImplementedError, and x ** -0.5, where V8's pow is one ulp away from glibc's correctly rounded one.
const knownDifferences = (c: ArithmeticCase): boolean =>
  ('repr' in c && c.repr.endsWith('j)')) || (c.op === 'pow' && 'float' in c.b && c.b.float === '-0.5');

// The translator tells the runtime when an operand is a float (`floorDiv(a, b, true)`), as the test does here.
function actualLine(c: ArithmeticCase): string {
  const floatOperands = 'float' in c.a || 'float' in c.b;
  const run = (): unknown => {
    const value = operations[c.op]!(num(c.a), num(c.b), floatOperands);
    // divmod of floats gives a tuple of floats: mark its items, as the translator would for a float divmod.
    return c.op === 'divmod' && floatOperands ? tuple(...(value as number[]).map(asFloat)) : value;
  };
  return caseLine([c.op, c.a, c.b], observeResult(run, c));
}

describe('arithmetic', () => {
  it('computes //, %, /, divmod and ** exactly as CPython does for every recorded pair, errors included', () => {
    const cases = recordedCases<ArithmeticCase>('arithmetic').filter((c) => !knownDifferences(c));
    expect(cases.map(actualLine)).toEqual(cases.map((c) => caseLine([c.op, c.a, c.b], c)));
  });

  it('rounds with ties to even on the exact binary value, as CPython does for every recorded case', () => {
    const cases = recordedCases<RoundCase>('round');
    const actual = cases.map((c) => caseLine([c.x, c.n], observeResult(() => round(num(c.x), c.n), c)));
    expect(actual).toEqual(cases.map((c) => caseLine([c.x, c.n], c)));
  });

  it('never gives an int a negative zero', () => {
    expect([format(mod(5, -1), '3'), format(floorDiv(0, -5), '3'), repr(mod(5, -1)), repr(floorDiv(0, -5))]).toEqual(['  0', '  0', '0', '0']);
  });

  it('addInt, subInt and mulInt keep plain numbers below 2**53 and give the exact int past it', () => {
    expect([addInt(2 ** 53 - 2, 1), subInt(-(2 ** 53) + 2, 1), mulInt(2 ** 26, 2 ** 26)]).toEqual([
      2 ** 53 - 1, -(2 ** 53) + 1, 2 ** 52,
    ]);
    expect(addInt(2 ** 53 - 1, 2) as unknown).toBe(9007199254740993n);
    expect(subInt(-(2 ** 53), 1) as unknown).toBe(-9007199254740993n);
    // an exact result a double holds stays a number (2 ** 64), as the runtime's other helpers give it
    expect(addInt(2 ** 63, 2 ** 63)).toBe(2 ** 64);
  });

  it('mulInt chains through bigints: 30! computed step by step equals the exact factorial', () => {
    let f = 1;
    for (let i = 1; i <= 30; i++) f = mulInt(f, i);
    expect(f as unknown).toBe(265252859812191058636308480000000n);
    let a = 0;
    let b = 1;
    for (let i = 0; i < 100; i++) [a, b] = [b, addInt(a, b)];
    expect(a as unknown).toBe(354224848179261915075n);
    // and back to a plain number once the value fits again
    expect(subInt(a, a)).toBe(0);
    expect(mulInt(f, 0)).toBe(0);
  });

  it('divides ints beyond 2**53 with one correct rounding, as long_true_divide does', () => {
    // converting 27021597764222979 to a double first rounds it up, and the quotient then to 9007199254740994
    expect(trueDiv(27021597764222979n as unknown as number, 3)).toBe(9007199254740992);
    expect(trueDiv(-(10n ** 30n + 7n) as unknown as number, (10n ** 20n + 1n) as unknown as number)).toBe(-10000000000);
    expect(() => trueDiv(10n ** 30n as unknown as number, 0)).toThrow('division by zero');
  });

  it('floorDiv, mod, divmod and pow accept ints beyond 2**53 and stay exact', () => {
    const big = 2n ** 64n - 1n as unknown as number;
    expect([floorDiv(big, 10), mod(big, 1000007), mod(-1, 2 ** 64), pow(big, 2)] as unknown[]).toEqual([
      1844674407370955161n, 919787, 18446744073709551615n, 340282366920938463426481119284349108225n,
    ]);
    expect([...divmod(-(2 ** 64), 3)] as unknown).toEqual([-6148914691236517206n, 2]);
    expect(floorDiv(2 ** 64, 3) as unknown).toBe(6148914691236517205n);
    expect(() => floorDiv(big, 0)).toThrow('integer division or modulo by zero');
    // float operands keep float arithmetic (-1.0 % 2**64 is 1.8446744073709552e+19 in CPython)
    expect(mod(-1, 2 ** 64, true)).toBe(2 ** 64);
  });

  it('keeps large int results of ** and * exact, as bigints where no number holds them', () => {
    expect([repr(pow(2, 64)), repr(pow(10, 20)), repr(mulInt(2 ** 40, 2 ** 20))]).toEqual([
      '18446744073709551616', '100000000000000000000', '1152921504606846976',
    ]);
    expect(pow(3, 40) as unknown).toBe(12157665459056928801n);
    expect(mulInt(2 ** 40 + 1, 2 ** 40 + 3) as unknown).toBe(1208925819619027221217283n);
  });

  it('keeps ints beyond the largest double as bigints (10 ** 400 has no number, not even Infinity)', () => {
    expect(pow(10, 400) as unknown).toBe(10n ** 400n);
    expect(mulInt(pow(10, 200), pow(10, 200)) as unknown).toBe(10n ** 400n);
  });

  it('computes + - * // % on ints beyond 2**53 exactly, and reports plain JS arithmetic on them as OverflowError', () => {
    const big = pow(2, 64);
    expect([sub(big, 1), add(big, big), mul(big, 3), neg(sub(big, 1))]).toEqual([
      // an exact result a double holds is that number (one representation per value, see fromBigInt)
      18446744073709551615n, 2 ** 65, 3 * 2 ** 64, -18446744073709551615n,
    ]);
    expect([pyFloorDiv(neg(pow(2, 70)), 3), pyMod(pow(2, 70), 7), pyFloorDiv(sub(big, 1), big)]).toEqual([
      -393530540239137101142n, 2, 0,
    ]);
    expect(() => pyFloorDiv(sub(big, 1), 0)).toThrow('integer division or modulo by zero');
    let thrown: unknown;
    try {
      void ((sub(big, 1) as number) + 1);
    } catch (e) {
      thrown = e;
    }
    expect(toPyException(thrown)).toBeInstanceOf(OverflowError);
  });

  it('computes pow with a modulus as CPython does, modular inverses and negative moduli included', () => {
    const cases: [number, number, number][] = [[3, -1, 7], [2, -2, 9], [-3, -1, 7], [3, -1, -7], [5, 0, 1], [5, 3, -7]];
    expect(cases.map(([a, b, m]) => pow(a, b, m))).toEqual([5, 7, 2, -2, 0, -1]);
    expect(() => pow(2, -1, 4)).toThrow('base is not invertible for the given modulus');
  });

  it('shifts and combines bits beyond 32 bits as Python ints do', () => {
    expect([lshift(1, 40), rshift(-5, 1), rshift(5, 10), lshift(-1, 3), bitAnd(2 ** 40 + 5, 0xff), bitOr(2 ** 40, 1), bitNot(5), bitXor(2 ** 40, 3)]).toEqual([
      1099511627776, -3, 0, -8, 5, 1099511627777, -6, 1099511627779,
    ]);
    expect(() => lshift(1, -1)).toThrow('negative shift count');
    expect(() => lshift(1.5, 1)).toThrow("unsupported operand type(s) for <<: 'float' and 'int'");
  });
});
