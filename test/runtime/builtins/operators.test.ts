import { describe, expect, it } from 'vitest';
import { bound, getattr, hasattr, setattr } from '../../../src/runtime/builtins/attributes.js';
import { isinstance, object } from '../../../src/runtime/builtins/builtin-types.js';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { and, bitOp, matmul, neg, or, pos, sub } from '../../../src/runtime/builtins/operators.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { unpack } from '../../../src/runtime/builtins/sequences.js';
import { frozenset, set } from '../../../src/runtime/builtins/set.js';
import { bytesLiteral } from '../../../src/runtime/builtins/bytes.js';

// Expected values and messages are what CPython 3.11 printed for the same expressions.
describe('operators on values of unknown type', () => {
  it('subtract numbers and sets, and reject other operands with CPython messages', () => {
    expect([sub(3, 1), repr(sub(set([1, 2]), set([2])))]).toEqual([2, '{1}']);
    expect(() => sub('a', 1)).toThrow("unsupported operand type(s) for -: 'str' and 'int'");
    expect(() => sub([1], [1])).toThrow("unsupported operand type(s) for -: 'list' and 'list'");
  });

  it('combine bools, ints, sets and dicts with & | ^', () => {
    expect([bitOp(true, '&', true), bitOp(true, '|', false), bitOp(true, '^', true), bitOp(true, '&', 1)]).toEqual([true, true, false, 1]);
    expect(bitOp(2 ** 40, '|', 1)).toBe(1099511627777);
    expect(repr(bitOp(set([1]), '&', set([1, 2])))).toBe('{1}');
    expect(repr(bitOp(dict([['a', 1]]), '|', dict([['b', 2]])))).toBe("{'a': 1, 'b': 2}");
    expect(() => bitOp(set([1]), '|', [2])).toThrow("unsupported operand type(s) for |: 'set' and 'list'");
  });

  it('negate and plus numbers and bools only', () => {
    expect([neg(true), pos(true), neg(2)]).toEqual([-1, 1, -2]);
    expect(() => neg('a')).toThrow("bad operand type for unary -: 'str'");
    expect(() => pos('a')).toThrow("bad operand type for unary +: 'str'");
    expect(() => matmul(1, 2)).toThrow("unsupported operand type(s) for @: 'int' and 'int'");
  });

  it('and/or return an operand chosen by Python truthiness, evaluating the right side only when needed', () => {
    let evaluated = false;
    const right = (): string => {
      evaluated = true;
      return 'r';
    };
    expect([and([], right), evaluated]).toEqual([[], false]);
    expect([or([1], right), evaluated]).toEqual([[1], false]);
    expect([or(dict(), right), evaluated]).toEqual(['r', true]);
  });
});

describe('unpack', () => {
  it('checks the number of items as CPython does', () => {
    expect(unpack([1, 2], 2)).toEqual([1, 2]);
    expect(unpack('ab', 2)).toEqual(['a', 'b']);
    expect(() => unpack([1], 2)).toThrow('not enough values to unpack (expected 2, got 1)');
    expect(() => unpack([1, 2, 3], 2)).toThrow('too many values to unpack (expected 2)');
    expect(() => unpack([1], 3, true)).toThrow('not enough values to unpack (expected at least 2, got 1)');
    expect(() => unpack(5, 2)).toThrow('cannot unpack non-iterable int object');
  });
});

describe('attributes', () => {
  class A {
    myValue = 1;
    greet(): string {
      return `hi ${this.myValue}`;
    }
  }

  it('getattr, setattr and hasattr accept snake_case names of camelCase members', () => {
    const a = new A();
    expect([getattr(a, 'my_value'), hasattr(a, 'my_value'), hasattr(a, 'x'), getattr(a, 'x', 3)]).toEqual([1, true, false, 3]);
    setattr(a, 'my_value', 5);
    expect(bound(a, 'greet')()).toBe('hi 5');
    // a list's methods taken as values: Python's, not the array's own pop/sort
    const xs = [3, 1];
    const [append, pop, sortList] = [bound(xs, 'append'), getattr(xs, 'pop'), bound(xs, 'sort')];
    expect([append(2), pop(0), sortList(), xs]).toEqual([null, 3, null, [1, 2]]);
    expect(() => getattr(a, 'x')).toThrow("'A' object has no attribute 'x'");
  });
});

describe('frozenset and object', () => {
  it('print and refuse changes as CPython does', () => {
    expect([repr(frozenset([1, 2])), repr(frozenset())]).toEqual(['frozenset({1, 2})', 'frozenset()']);
    expect(() => frozenset([1]).add(2)).toThrow("'frozenset' object has no attribute 'add'");
    expect(repr(object())).toMatch(/^<object object at 0x[0-9a-f]+>$/);
    expect(isinstance(1, object)).toBe(true);
  });

  it('are dict keys by value: equal frozensets meet, different ones with equal hash sums do not', () => {
    const d = dict<unknown, string>([[frozenset([1, 2]), 'a'], [frozenset([3]), 'b']]);
    expect([d.size, d.getItem(frozenset([2, 1])), d.getItem(frozenset([3]))]).toEqual([2, 'a', 'b']);
    expect(set([bytesLiteral('ab'), bytesLiteral('ab'), bytesLiteral('ba')]).size).toBe(2);
  });
});
