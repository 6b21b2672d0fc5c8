import { describe, expect, it } from 'vitest';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { ExceptionGroup, FileNotFoundError, KeyError, OSError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { asFloat } from '../../../src/runtime/builtins/py-float.js';
import { asFloats } from '../../../src/runtime/builtins/float-containers.js';
import { repr, str } from '../../../src/runtime/builtins/repr.js';
import { set } from '../../../src/runtime/builtins/set.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';
import { recordedCases } from './cpython-cases.js';

// Expected strings below were printed by CPython 3.11 for the same Python values.
describe('repr', () => {
  it('prints None, booleans and ints as Python does', () => {
    expect([null, undefined, true, false, 0, -7, 1e20, 1e22].map(repr)).toEqual([
      'None', 'None', 'True', 'False', '0', '-7', '100000000000000000000', '10000000000000000000000',
    ]);
  });

  it('prints numbers marked as floats with a decimal point or an exponent', () => {
    expect([3, 0.1 + 0.2, 1e16, 1e15, 1e-4, 1e-5, -0, Infinity, -Infinity, NaN].map((x) => repr(asFloat(x)))).toEqual([
      '3.0', '0.30000000000000004', '1e+16', '1000000000000000.0', '0.0001', '1e-05', '-0.0', 'inf', '-inf', 'nan',
    ]);
  });

  it('prints containers of floats marked by asFloats with float items, leaving dict keys as they are', () => {
    expect(repr(asFloats([1, 2.5, [3]]))).toBe('[1.0, 2.5, [3.0]]');
    expect(repr(asFloats(tuple(1, 2)))).toBe('(1.0, 2.0)');
    expect(repr(asFloats(dict([[1, 2]])))).toBe('{1: 2.0}');
    expect(repr(asFloats(set([1])))).toBe('{1.0}');
  });

  it('quotes strings with Python quoting rules and escapes', () => {
    expect(repr("it's")).toBe(`"it's"`);
    expect(repr(`it's "q"`)).toBe(`'it\\'s "q"'`);
    expect(repr('a\n\t\x00\x7f\x80\xa0\u200b')).toBe("'a\\n\\t\\x00\\x7f\\x80\\xa0\\u200b'");
    expect(repr('\u2028 \u{1F600} \u{E0001} é')).toBe("'\\u2028 \u{1F600} \\U000e0001 é'");
  });

  it('quotes and escapes every recorded string exactly as CPython does', () => {
    const cases = recordedCases<{ value: string; repr: string }>('strRepr');
    expect(cases.map((c) => ({ value: c.value, repr: repr(c.value) }))).toEqual(cases);
  });

  it('prints lists, tuples, dicts and sets with their contents in repr form', () => {
    expect(repr([1, 'a', [null]])).toBe("[1, 'a', [None]]");
    expect(repr(tuple(1))).toBe('(1,)');
    expect(repr(tuple(1, 'b'))).toBe("(1, 'b')");
    expect(repr(tuple())).toBe('()');
    expect(repr(dict([['a', 1], [tuple(1, 2), [true]]]))).toBe("{'a': 1, (1, 2): [True]}");
    expect(repr(set([1, 2]))).toBe('{1, 2}');
    expect(repr(set())).toBe('set()');
    expect(repr(dict([['a', 1]]).items())).toBe("dict_items([('a', 1)])");
  });

  it('prints a list containing itself with an ellipsis', () => {
    const xs: unknown[] = [1];
    xs.push(xs);
    expect(repr(xs)).toBe('[1, [...]]');
  });

  it('prints exceptions as their constructor call, and str gives the message', () => {
    expect(repr(new ValueError('x', 1))).toBe("ValueError('x', 1)");
    expect(repr(new KeyError('k'))).toBe("KeyError('k')");
    expect(str(new KeyError('k'))).toBe("'k'");
    expect(str(new KeyError())).toBe('');
    expect(str(new ValueError('a', 2))).toBe("('a', 2)");
    expect([repr(new ValueError('x').args), repr(new ValueError().args), repr(new ValueError(1, 2).args)]).toEqual(["('x',)", '()', '(1, 2)']);
    const group = new ExceptionGroup('eg', [new ValueError('a'), new KeyError('b')]);
    expect(str(group)).toBe('eg (2 sub-exceptions)');
    expect(repr(group)).toBe("ExceptionGroup('eg', [ValueError('a'), KeyError('b')])");
  });

  it('prints OSError with its errno, strerror and file names', () => {
    expect([str(new OSError(2, 'No such')), str(new OSError(2, 'No such', 'f.txt')), str(new OSError('x'))]).toEqual([
      '[Errno 2] No such', "[Errno 2] No such: 'f.txt'", 'x',
    ]);
    expect(str(new FileNotFoundError(2, 'No such file or directory', 'a'))).toBe("[Errno 2] No such file or directory: 'a'");
    expect(str(new OSError(2, 'No such', 'f.txt', null, 'g.txt'))).toBe("[Errno 2] No such: 'f.txt' -> 'g.txt'");
    expect(str(new OSError(1, 2, 3, 4, 5))).toBe('[Errno 1] 2: 3 -> 5');
  });

  it('prints functions, classes and plain instances in CPython default form', () => {
    class A {}
    function f(): void {}
    expect(repr(f)).toMatch(/^<function f at 0x[0-9a-f]+>$/);
    expect(repr(() => 0)).toMatch(/^<function <lambda> at 0x[0-9a-f]+>$/);
    expect(repr(A)).toBe("<class '__main__.A'>");
    expect(repr(new A())).toMatch(/^<__main__\.A object at 0x[0-9a-f]+>$/);
    expect(repr(ValueError)).toBe("<class 'ValueError'>");
  });

  it('prints the builtins as CPython does', async () => {
    const rt = await import('../../../src/runtime/index.js');
    expect([rt.print, rt.len, rt.map, rt.range, rt.int, rt.str, rt.frozenset, rt.type].map(repr)).toEqual([
      '<built-in function print>', '<built-in function len>', "<class 'map'>", "<class 'range'>", "<class 'int'>",
      "<class 'str'>", "<class 'frozenset'>", "<class 'type'>",
    ]);
  });

  it('uses __repr__ and __str__ methods of translated classes', () => {
    class P {
      __repr__(): string {
        return 'P()';
      }
    }
    class Q extends P {
      __str__(): string {
        return 'q';
      }
    }
    expect(str(new P())).toBe('P()');
    expect(str([new Q()])).toBe('[P()]');
    expect(str(new Q())).toBe('q');
  });
});

describe('dict', () => {
  it('treats 1, 1.0 and True as one key and keeps the first spelling', () => {
    const d = dict<unknown, string>();
    d.setItem(true, 'a');
    d.setItem(1, 'b');
    d.setItem(asFloat(1), 'c');
    expect(repr(d)).toBe("{True: 'c'}");
    expect(d.size).toBe(1);
  });

  it('raises KeyError with the missing key', () => {
    expect(() => dict().getItem('nope')).toThrow(KeyError);
    try {
      dict().getItem('nope');
    } catch (e) {
      expect(str(e)).toBe("'nope'");
    }
  });
});
