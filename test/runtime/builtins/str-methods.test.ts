import { describe, expect, it } from 'vitest';
import * as methods from '../../../src/runtime/builtins/str-methods.js';
import { caseLine, decode, observeResult, recordedCases, type Encoded, type ResultOutcome } from './cpython-cases.js';

type StrMethodCase = { method: string; s: string; args: { list: Encoded[] } } & ResultOutcome;

// Python's s.split(...) is the runtime's strSplit(s, ...).
function runtimeName(method: string): string {
  return 'str' + method[0]!.toUpperCase() + method.slice(1);
}

describe('str methods', () => {
  it('give the result CPython gives for every recorded call, errors included', () => {
    const cases = recordedCases<StrMethodCase>('strMethods');
    const call = (c: StrMethodCase): unknown => {
      const fn = (methods as Record<string, (s: string, ...args: unknown[]) => unknown>)[runtimeName(c.method)];
      if (fn === undefined) throw new Error(`no runtime function for str.${c.method}`);
      return fn(c.s, ...(decode(c.args) as unknown[]));
    };
    const key = (c: StrMethodCase): unknown[] => [c.method, c.s, c.args];
    expect(cases.map((c) => caseLine(key(c), observeResult(() => call(c), c)))).toEqual(cases.map((c) => caseLine(key(c), c)));
  });

  it('startswith accepts a tuple of prefixes but not a list, as CPython', () => {
    expect(() => methods.strStartswith('a', ['b'])).toThrow('startswith first arg must be str or a tuple of str, not list');
  });

  it('splits on runs of Python whitespace with a maxsplit counted from the right by rsplit', () => {
    expect(methods.strRsplit('  a  b  c ', null, 1)).toEqual(['  a  b', 'c']);
    expect(methods.strSplit('a\u3000b')).toEqual(['a', 'b']);
  });
});

describe('strings beyond U+FFFF', () => {
  // Python indexes by code point: '🐍' is one character (CPython printed these values).
  it('are indexed, sliced, measured and searched by code point', async () => {
    const { getItem, len, slice } = await import('../../../src/runtime/builtins/sequences.js');
    expect([len('🐍'), len('héllo'), getItem('🐍x', 1), slice('🐍x', null, null, -1), getItem('🐍x', 0), len('e\u0301')]).toEqual([
      1, 5, 'x', 'x🐍', '🐍', 2,
    ]);
    expect([methods.strIndex('x🐍y', 'y'), methods.strFind('x🐍y', '🐍'), methods.strCount('🐍a🐍', '🐍'), methods.strRfind('🐍a🐍', '🐍')]).toEqual([2, 1, 2, 2]);
    expect([methods.strCenter('🐍', 3, '*'), methods.strZfill('🐍', 3), methods.strStartswith('🐍ab', 'a', 1)]).toEqual(['*🐍*', '00🐍', true]);
  });
});
