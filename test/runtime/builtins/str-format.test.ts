import { describe, expect, it } from 'vitest';
import { percentFormat } from '../../../src/runtime/builtins/percent-format.js';
import { strFormat } from '../../../src/runtime/builtins/str-format.js';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { kw } from '../../../src/runtime/builtins/kw.js';
import { caseLine, decode, observe, recordedCases, type Encoded, type Outcome } from './cpython-cases.js';

type PercentCase = { template: string; values: Encoded } & Outcome;
type StrFormatCase = { template: string; args: { list: Encoded[] } } & Outcome;

describe('percent formatting', () => {
  it('formats every recorded template and values exactly as CPython does, errors included', () => {
    const cases = recordedCases<PercentCase>('percent');
    const actual = cases.map((c) => caseLine([c.template, c.values], observe(() => percentFormat(c.template, decode(c.values)))));
    expect(actual).toEqual(cases.map((c) => caseLine([c.template, c.values], c)));
  });

  it('looks up %(name)s fields in a dict', () => {
    expect(percentFormat('%(a)s-%(b)d', dict([['a', 1], ['b', 2]]))).toBe('1-2');
  });
});

describe('str.format', () => {
  it('formats every recorded template and arguments exactly as CPython does, errors included', () => {
    const cases = recordedCases<StrFormatCase>('strFormat');
    const actual = cases.map((c) =>
      caseLine([c.template, c.args], observe(() => strFormat(c.template, ...(decode(c.args) as unknown[])))),
    );
    expect(actual).toEqual(cases.map((c) => caseLine([c.template, c.args], c)));
  });

  it('takes keyword fields from a trailing kw() object, and attributes and items from arguments', () => {
    expect(strFormat('{name}:{0}', 1, kw({ name: 'n' }))).toBe('n:1');
    expect(strFormat('{:x<{w}}', 3, kw({ w: 4 }))).toBe('3xxx');
    expect(strFormat('{0.real}|{0[a]}', { real: 1, __getitem__: (k: string) => k.toUpperCase() })).toBe('1|A');
    expect(observe(() => strFormat('{a}'))).toEqual({ error: "KeyError: 'a'" });
    // Python attribute names in the template reach camelCase members of translated objects.
    expect(strFormat('{0.user_name}', { userName: 'ann' })).toBe('ann');
    expect(observe(() => strFormat('{0.missing}', 1))).toEqual({ error: "AttributeError: 'int' object has no attribute 'missing'" });
  });
});
