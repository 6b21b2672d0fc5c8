import { describe, expect, it } from 'vitest';
import { isinstance, type } from '../../../src/runtime/builtins/builtin-types.js';
import { bool, float, int, list } from '../../../src/runtime/builtins/conversions.js';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { eq } from '../../../src/runtime/builtins/equality.js';
import { StopIteration, TypeError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { all, any, enumerate, filter, iter, map, max, min, next, reversed, sorted, sort, sum, zip } from '../../../src/runtime/builtins/iteration.js';
import { kw } from '../../../src/runtime/builtins/kw.js';
import { listCount, listExtend, listIndex, listInsert, listPop, listRemove } from '../../../src/runtime/builtins/list-methods.js';
import { compare, lt } from '../../../src/runtime/builtins/ordering.js';
import { range } from '../../../src/runtime/builtins/range.js';
import { repr, str } from '../../../src/runtime/builtins/repr.js';
import { set } from '../../../src/runtime/builtins/set.js';
import { truthy } from '../../../src/runtime/builtins/truthiness.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';
import { observe } from './cpython-cases.js';

// Expected values are what CPython 3.11 printed for the same calls.
describe('iteration builtins', () => {
  it('enumerate and zip yield tuples and stop at the shortest input', () => {
    expect(repr([...enumerate('ab', 1)])).toBe("[(1, 'a'), (2, 'b')]");
    expect(repr([...zip([1, 2], 'abc')])).toBe("[(1, 'a'), (2, 'b')]");
    expect([...zip()]).toEqual([]);
  });

  it('zip with strict raises CPython errors naming the argument that ran out or ran on', () => {
    const strictZip = (...args: unknown[][]): unknown => observe(() => [...zip(...args, kw({ strict: true }))]);
    expect(strictZip([1], [2, 3])).toEqual({ error: 'ValueError: zip() argument 2 is longer than argument 1' });
    expect(strictZip([1, 2], [3])).toEqual({ error: 'ValueError: zip() argument 2 is shorter than argument 1' });
    expect(strictZip([1], [2], [3, 4])).toEqual({ error: 'ValueError: zip() argument 3 is longer than arguments 1-2' });
    expect(strictZip([1, 2], [3, 4], [5])).toEqual({ error: 'ValueError: zip() argument 3 is shorter than arguments 1-2' });
  });

  it('returns iterator objects with Python type names, usable once', () => {
    expect([map(String, []), zip(), enumerate([]), filter(null, []), reversed([]), reversed('ab'), reversed(dict())].map(typeName)).toEqual([
      'map', 'zip', 'enumerate', 'filter', 'list_reverseiterator', 'reversed', 'dict_reversekeyiterator',
    ]);
    expect(repr(map(String, []))).toMatch(/^<map object at 0x[0-9a-f]+>$/);
    const m = map((v: number) => v * 10, [1, 2]);
    expect([[...m], [...m]]).toEqual([[10, 20], []]);
  });

  it('sorted is stable, orders like Python, and keeps equal keys in order when reversed', () => {
    expect(sorted([3, 1, 2], { reverse: true })).toEqual([3, 2, 1]);
    expect(sorted(['b', 'A', 'a'])).toEqual(['A', 'a', 'b']);
    expect(repr(sorted([tuple(1, 'b'), tuple(1, 'a')]))).toBe("[(1, 'a'), (1, 'b')]");
    const words = ['bb', 'a', 'ccc', 'dd'];
    expect(sorted(words, { key: (w) => w.length })).toEqual(['a', 'bb', 'dd', 'ccc']);
    expect(sorted(words, { key: (w) => w.length, reverse: true })).toEqual(['ccc', 'bb', 'dd', 'a']);
    const xs = [3, 1, 2];
    sort(xs, { key: (v) => -v });
    expect(xs).toEqual([3, 2, 1]);
    expect(() => sorted([1, 'a'])).toThrow("'<' not supported between instances of 'str' and 'int'");
  });

  it('min and max take an iterable or several arguments, with key and default as keywords', () => {
    expect(max([1, 3, 2], kw({ key: (x: number) => -x }))).toBe(1);
    expect([min(3, 1, 2), max([], kw({ default: 5 })), max('abc')]).toEqual([1, 5, 'c']);
    expect(repr(min([tuple(2, 'a'), tuple(1, 'z')]))).toBe("(1, 'z')");
    expect(() => max([])).toThrow(new ValueError('max() arg is an empty sequence').message);
    expect(() => max()).toThrow('max expected at least 1 argument, got 0');
    expect(() => max(1)).toThrow("'int' object is not iterable");
  });

  it('sum, any, all, map and filter behave as in Python', () => {
    expect([sum([1, 2], 10), sum([[1], [2]], []), str(sum(Array(10).fill(0.1)))]).toEqual([13, [1, 2], '0.9999999999999999']);
    expect(() => sum(['a'], '')).toThrow(TypeError);
    expect([any([0, '', null]), all([])]).toEqual([false, true]);
    expect([...map((a: number, b: number) => a + b, [1, 2], [3, 4, 5])]).toEqual([4, 6]);
    expect([...filter(null, [0, 1, '', 2])]).toEqual([1, 2]);
  });

  it('next returns the default or raises StopIteration when the iterator is exhausted', () => {
    const it1 = iter([1]);
    expect([next(it1), next(it1, 'dflt')]).toEqual([1, 'dflt']);
    expect(() => next(it1)).toThrow(StopIteration);
    expect(() => iter(5 as unknown as Iterable<number>)).toThrow("'int' object is not iterable");
  });
});

describe('comparison and truthiness', () => {
  it('compares lists, tuples, strings and sets with Python ordering', () => {
    expect([lt([1, 2], [1, 2, 0]), lt(tuple(1, 'a'), tuple(1, 'b')), lt('a', 'b'), lt(set([1]), set([1, 2]))]).toEqual([
      true, true, true, true,
    ]);
    expect(compare('abc', 'abd')).toBeLessThan(0);
    // Code point order, not UTF-16 order: U+1F600 sorts after U+FFFD.
    expect(sorted(['\ufffd', '\u{1F600}', 'a', '', 'ab'])).toEqual(['', 'a', 'ab', '\ufffd', '\u{1F600}']);
    expect(lt('\u{1F600}', '\ufffd')).toBe(false);
    expect(() => lt([1], ['a'])).toThrow("'<' not supported between instances of 'int' and 'str'");
  });

  it('compare makes <= and >= false for unordered values, as Python does for sets and NaN', () => {
    const a = set([1, 2, 3, 4]);
    const b = set([3, 4, 5]);
    // Python: a <= b, {3} <= b, {3} < b, b < b, b <= b, b >= {5} → False True True False True True
    expect([compare(a, b) <= 0, compare(set([3]), b) <= 0, compare(set([3]), b) < 0, compare(b, b) < 0, compare(b, b) <= 0, compare(b, set([5])) >= 0]).toEqual([
      false, true, true, false, true, true,
    ]);
    expect([compare(NaN, 1) <= 0, compare(NaN, 1) >= 0]).toEqual([false, false]);
  });

  it('treats 1 == 1.0 == True, a list never equal to a tuple, and None equal only to None', () => {
    expect([eq([1], [1.0]), eq(tuple(1), [1]), eq(null, undefined), eq(1, true), eq(null, 0)]).toEqual([
      true, false, true, true, false,
    ]);
  });

  it('follows Python truthiness: NaN is true, empty containers are false', () => {
    expect([truthy(NaN), truthy([]), truthy(dict()), truthy(set()), truthy(range(0)), truthy(''), truthy(tuple(0))]).toEqual([
      true, false, false, false, false, false, true,
    ]);
    expect(bool({ __len__: () => 0 })).toBe(false);
  });
});

describe('isinstance and type', () => {
  it('accepts the conversion functions as builtin classes, and tuples of classes', () => {
    expect([isinstance(true, int), isinstance(1, [str, int]), isinstance([], list), isinstance(tuple(), tuple)]).toEqual([
      true, true, true, true,
    ]);
    expect([isinstance(dict(), dict), isinstance([], tuple), isinstance(1.5, float), isinstance(1.5, int)]).toEqual([
      true, false, true, false,
    ]);
    expect([isinstance(new ValueError(), ValueError), isinstance(new ValueError(), TypeError)]).toEqual([true, false]);
    expect([type(true), type('a'), type([])]).toEqual([bool, str, list]);
    expect([repr(int), repr(float), repr(dict)]).toEqual(["<class 'int'>", "<class 'float'>", "<class 'dict'>"]);
  });
});

describe('list methods', () => {
  it('pop, remove, index, count, insert and extend as Python lists do', () => {
    const x: unknown[] = [3, 2, 1];
    expect([listPop(x), listPop(x, 0), x]).toEqual([1, 3, [2]]);
    const y: unknown[] = [1, 2, 3, 2];
    listRemove(y, 2);
    expect([y, listIndex(y, 2), listCount(y, 2)]).toEqual([[1, 3, 2], 2, 1]);
    listInsert(y, -1, 'i');
    listInsert(y, 100, 'e');
    expect(y).toEqual([1, 3, 'i', 2, 'e']);
    listExtend(y, range(2));
    expect(y).toEqual([1, 3, 'i', 2, 'e', 0, 1]);
    expect(() => listPop([])).toThrow('pop from empty list');
    expect(() => listPop([1], 5)).toThrow('pop index out of range');
    expect(() => listRemove([1], 2)).toThrow('list.remove(x): x not in list');
    expect(() => listIndex([1], 2)).toThrow('2 is not in list');
  });
});
