import { describe, expect, it } from 'vitest';
import { format } from '../../../src/runtime/builtins/format-spec.js';
import { repr, str } from '../../../src/runtime/builtins/repr.js';
import { asFloat } from '../../../src/runtime/builtins/py-float.js';
import { decode, observe, parseFloatRepr, recordedCases, type Encoded, type Outcome } from './cpython-cases.js';

type FormatCase = { value: Encoded; spec: string } & Outcome;
type FloatReprCase = { value: string; repr: string; str: string };

describe('float repr', () => {
  it('prints every recorded float exactly as CPython does', () => {
    const cases = recordedCases<FloatReprCase>('floatRepr');
    const actual = cases.map((c) => ({ ...c, repr: repr(asFloat(parseFloatRepr(c.value))), str: str(asFloat(parseFloatRepr(c.value))) }));
    expect(actual).toEqual(cases);
  });
});

describe('format', () => {
  it('formats every recorded value and spec exactly as CPython does, errors included', () => {
    const cases = recordedCases<FormatCase>('format');
    const actual = cases.map((c) => ({ value: c.value, spec: c.spec, ...observe(() => format(decode(c.value), c.spec)) }));
    const describe = (c: FormatCase): string => `format(${JSON.stringify(c.value)}, '${c.spec}') -> ${'out' in c ? JSON.stringify(c.out) : c.error}`;
    expect(actual.map(describe)).toEqual(cases.map(describe));
  });
});
