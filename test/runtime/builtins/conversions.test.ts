import { describe, expect, it } from 'vitest';
import { bool, float, int, list } from '../../../src/runtime/builtins/conversions.js';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { TypeError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { caseLine, observeResult, recordedCases, type ResultOutcome } from './cpython-cases.js';

type ParseCase = { fn: 'int' | 'float'; text: string; base: number | null } & ResultOutcome;

describe('int() and float() of strings', () => {
  it('parse or reject every recorded string exactly as CPython does', () => {
    const cases = recordedCases<ParseCase>('parse');
    const run = (c: ParseCase): unknown =>
      c.fn === 'float' ? float(c.text) : c.base === null ? int(c.text) : int(c.text, c.base);
    const key = (c: ParseCase): unknown[] => [c.fn, c.text, c.base];
    // int('9' * 20) is exact in Python; JS numbers cannot hold it, so the runtime raises OverflowError instead.
    const exact = cases.filter((c) => !('repr' in c && c.fn === 'int' && !Number.isSafeInteger(Number(c.repr))));
    expect(exact.map((c) => caseLine(key(c), observeResult(() => run(c), c)))).toEqual(
      exact.map((c) => caseLine(key(c), c)),
    );
  });
});

describe('conversions of other values', () => {
  it('truncate floats toward zero and reject None with CPython messages', () => {
    expect([int(3.9), int(-3.9), int(true), int()]).toEqual([3, -3, 1, 0]);
    expect(() => int(null)).toThrow(TypeError);
    expect(() => int(NaN)).toThrow('cannot convert float NaN to integer');
    expect(() => int(5, 10)).toThrow("int() can't convert non-string with explicit base");
    expect(() => float(null)).toThrow("float() argument must be a string or a real number, not 'NoneType'");
    expect(() => int('x')).toThrow(ValueError);
  });

  it('bool follows Python truthiness and list copies any iterable', () => {
    expect([bool([]), bool(''), bool(0), bool(NaN), bool(dict()), bool([0]), bool('a')]).toEqual([
      false, false, false, true, false, true, true,
    ]);
    expect(list('ab')).toEqual(['a', 'b']);
    expect(list(dict([['k', 1]]))).toEqual(['k']);
  });
});
