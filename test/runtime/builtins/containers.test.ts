import { describe, expect, it } from 'vitest';
import { dict, PyDict } from '../../../src/runtime/builtins/dict.js';
import { IndexError, KeyError, RuntimeError, TypeError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { asFloat } from '../../../src/runtime/builtins/py-float.js';
import { kw } from '../../../src/runtime/builtins/kw.js';
import { range } from '../../../src/runtime/builtins/range.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { contains, delItem, delSlice, getItem, len, setItem, setSlice, slice } from '../../../src/runtime/builtins/sequences.js';
import { set } from '../../../src/runtime/builtins/set.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';
import { eq } from '../../../src/runtime/builtins/equality.js';
import { reversed, sorted } from '../../../src/runtime/builtins/iteration.js';

// Expected values are what CPython 3.11 printed for the same operations.
describe('PyDict', () => {
  it('keeps insertion order through pop, setdefault and popitem', () => {
    const d = dict<string, unknown>([['a', 1], ['b', 2]]);
    d.setItem('c', 3);
    d.delItem('a');
    expect([d.pop('b'), d.pop('z', 0), repr(d.setdefault('q', []))]).toEqual([2, 0, '[]']);
    expect(repr(d.popitem())).toBe("('q', [])");
    expect([repr(d), repr([...d.items()])]).toEqual(["{'c': 3}", "[('c', 3)]"]);
  });

  it('finds tuple, None and float keys by Python equality', () => {
    const d = dict<unknown, string>([[tuple(1, 2), 't'], [null, 'n'], [asFloat(1.5), 'f']]);
    expect([d.getItem(tuple(1, 2)), d.getItem(null), d.get(1.5)]).toEqual(['t', 'n', 'f']);
    expect(repr(d)).toBe("{(1, 2): 't', None: 'n', 1.5: 'f'}");
    expect(eq(d, dict([[null, 'n'], [1.5, 'f'], [tuple(1, 2), 't']]))).toBe(true);
    expect(eq(dict([[1, 2]]), dict([[asFloat(1), 2]]))).toBe(true);
  });

  it('builds from keys, pairs and keyword arguments', () => {
    expect(repr(PyDict.fromkeys('ab', 0))).toBe("{'a': 0, 'b': 0}");
    expect(repr(dict([['x', 1]], kw({ y: 2 })))).toBe("{'x': 1, 'y': 2}");
    expect(dict().get('k')).toBe(null);
    expect([...reversed(dict([['a', 1], ['b', 2]]))]).toEqual(['b', 'a']);
  });

  it('raises CPython errors for bad pairs, missing keys, unhashable keys and resizing during iteration', () => {
    expect(() => dict([[1, 2, 3] as unknown as [number, number]])).toThrow(
      new ValueError('dictionary update sequence element #0 has length 3; 2 is required').message,
    );
    expect(() => dict([1 as unknown as [number, number]])).toThrow(TypeError);
    expect(() => dict().getItem('x')).toThrow(KeyError);
    expect(() => dict().setItem([1], 1)).toThrow("unhashable type: 'list'");
    const d = dict([['a', 1]]);
    expect(() => {
      for (const key of d) d.setItem(key + 'x', 1);
    }).toThrow(RuntimeError);
  });
});

describe('PySet', () => {
  it('implements the set algebra with Python equality', () => {
    const s = set([3, 1, 2]);
    s.add(2);
    s.discard(7);
    expect(sorted(s)).toEqual([1, 2, 3]);
    expect(repr(set([1, 2]).union([3]))).toBe('{1, 2, 3}');
    expect(repr(set([1, 2]).intersection([2, 3]))).toBe('{2}');
    expect(repr(set([1, 2]).difference([2]))).toBe('{1}');
    expect(repr(set([1, 2]).symmetricDifference([2, 3]))).toBe('{1, 3}');
    expect([set([1]).issubset([1, 2]), set([1, true, asFloat(1)]).size]).toEqual([true, 1]);
    expect(() => set().pop()).toThrow(KeyError);
  });
});

describe('range', () => {
  it('has Python length, indexing, slicing, membership and repr', () => {
    const r = range(10, 0, -3);
    expect([[...r], len(r), r.getItem(-1), repr(slice(r, 1, 3))]).toEqual([[10, 7, 4, 1], 4, 1, 'range(7, 1, -3)']);
    expect([contains(r, 4), contains(r, 5), r.index(7), eq(range(0, 3), range(3))]).toEqual([true, false, 1, true]);
    expect([[...slice(range(5), null, null, -2)], repr(slice(range(5), null, null, -2))]).toEqual([[4, 2, 0], 'range(4, -1, -2)']);
    expect([repr(range(2, 2)), len(range(0))]).toEqual(['range(2, 2)', 0]);
    expect(() => range(1, 2, 0)).toThrow('range() arg 3 must not be zero');
    expect(() => getItem(range(0), 3)).toThrow('range object index out of range');
  });
});

describe('subscription and slicing', () => {
  it('slices lists, strings and tuples as Python does', () => {
    const x = [1, 2, 3, 4, 5];
    expect([slice(x, 1, 4, 2), slice(x, null, null, -1), slice(x, -2), slice(x, null, -10), slice(x, 10)]).toEqual([
      [2, 4], [5, 4, 3, 2, 1], [4, 5], [], [],
    ]);
    expect([slice('hello', 1, -1), slice('hello', null, null, -2), repr(slice(tuple(1, 2, 3), 1)), slice(x, 5, 1, -1)]).toEqual([
      'ell', 'olh', '(2, 3)', [5, 4, 3],
    ]);
  });

  it('assigns and deletes slices as Python does', () => {
    const x: unknown[] = [1, 2, 3, 4, 5];
    setSlice(x, 1, 3, null, ['a']);
    expect(x).toEqual([1, 'a', 4, 5]);
    setSlice(x, null, null, 2, [7, 8]);
    expect(x).toEqual([7, 'a', 8, 5]);
    delSlice(x, null, null, 2);
    expect(x).toEqual(['a', 5]);
    expect(() => setSlice([1, 2, 3, 4], null, null, 2, [9])).toThrow(
      'attempt to assign sequence of size 1 to extended slice of size 2',
    );
  });

  it('indexes from the end and raises the error CPython raises', () => {
    expect([getItem([1, 2], -1), getItem('ab', -2), getItem(tuple(1), 0)]).toEqual([2, 'a', 1]);
    expect(() => getItem([1], 5)).toThrow(IndexError);
    expect(() => getItem([1], 'a')).toThrow('list indices must be integers or slices, not str');
    expect(() => getItem(tuple(1, 2), 5)).toThrow('tuple index out of range');
    expect(() => getItem(5, 0)).toThrow("'int' object is not subscriptable");
    expect(() => setItem(tuple(1), 0, 1)).toThrow("'tuple' object does not support item assignment");
    expect(() => delItem(tuple(1), 0)).toThrow("'tuple' object doesn't support item deletion");
    expect(() => contains('ab', 1)).toThrow("'in <string>' requires string as left operand, not int");
    expect(() => len(null)).toThrow("object of type 'NoneType' has no len()");
  });
});
