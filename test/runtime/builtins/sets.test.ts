import { describe, expect, it } from 'vitest';
import { hash } from '../../../src/runtime/builtins/hashing.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { constantSet, PySet, set } from '../../../src/runtime/builtins/set.js';
import { asFloat } from '../../../src/runtime/builtins/py-float.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';
import { caseLine, decode, observe, recordedCases, type Encoded, type Outcome } from './cpython-cases.js';

type SetCase = { op: string; a: Encoded; b: Encoded; gone: Encoded } & Outcome;

const operations: Record<string, (a: unknown[], b: unknown[], gone: unknown[]) => unknown> = {
  build: (a) => set(a),
  removeAdd: (a, b, gone) => {
    const s = set(a);
    for (const x of [...gone, ...a.filter((_, i) => i % 3 === 0)]) s.discard(x);
    s.update(b);
    return s;
  },
  union: (a, b) => set(a).union(set(b)),
  unionList: (a, b) => set(a).union(b),
  intersection: (a, b) => set(a).intersection(set(b)),
  intersectionList: (a, b) => set(a).intersection(b),
  difference: (a, b) => set(a).difference(set(b)),
  differenceList: (a, b) => set(a).difference(b),
  symmetric: (a, b) => set(a).symmetricDifference(set(b)),
  copy: (a) => set(a).copy(),
  pops: (a, _b, gone) => {
    const s: PySet<unknown> = set(a);
    const taken = Array.from({ length: Math.min(3, s.size) }, () => s.pop());
    s.add(gone[0]);
    return tuple(taken, s);
  },
};

describe('set iteration order', () => {
  it('matches CPython after every recorded sequence of operations', () => {
    const cases = recordedCases<SetCase>('sets');
    const key = (c: SetCase): unknown[] => [c.op, c.a, c.b, c.gone];
    const run = (c: SetCase): string =>
      repr(operations[c.op]!(decode(c.a) as unknown[], decode(c.b) as unknown[], decode(c.gone) as unknown[]));
    expect(cases.map((c) => caseLine(key(c), observe(() => run(c))))).toEqual(cases.map((c) => caseLine(key(c), c)));
  });

  it('prints displays of constants in the order CPython gives them', () => {
    const displays = [[3, 1, 2], [10, 3, 8, 1], [-1, -2, 5], [100, 7, 15, 8]].map((items) => repr(constantSet(items)));
    expect(displays).toEqual(['{1, 2, 3}', '{8, 1, 10, 3}', '{5, -1, -2}', '{8, 100, 7, 15}']);
  });

  it('orders set() of a list by insertion into the hash table, which differs from the constant display', () => {
    expect(repr(set([100, 7, 15, 8]))).toBe('{8, 100, 15, 7}');
  });
});

describe('hash', () => {
  it('gives CPython hash values for ints, floats, bools and tuples', () => {
    expect([hash(1), hash(-1), hash(asFloat(1.5)), hash(true), hash(asFloat(Infinity))]).toEqual([1, -2, 1152921504606846977, 1, 314159]);
    expect([hash(tuple()), hash(tuple(1, 2))]).toEqual([5740354900026072187, -3550055125485641917].map(Number));
    expect(() => hash([1])).toThrow("unhashable type: 'list'");
  });
});
