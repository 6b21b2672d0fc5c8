import { describe, expect, it } from 'vitest';
import { heapify, heappop, heappush } from '../../../src/runtime/asyncio/heapq.js';

interface Item {
  _when: number;
  id: number;
}

const items = (whens: number[]): Item[] => whens.map((w, id) => ({ _when: w, id }));
const drain = (heap: Item[]): number[] => {
  const out: number[] = [];
  while (heap.length > 0) out.push(heappop(heap).id);
  return out;
};

// The expected orders were printed by CPython's heapq with items compared on `_when` only.
const WHENS = [3, 2, 3, 2, 3, 3, 3, 3, 1, 2, 1, 3];

describe('heapq', () => {
  it('pops equal deadlines in heapq order, not in insertion order', () => {
    const heap: Item[] = [];
    for (const item of items([1, 1, 1, 1, 1, 1])) heappush(heap, item);
    expect(drain(heap)).toEqual([0, 2, 5, 4, 1, 3]);
  });

  it('pops mixed deadlines smallest first, ties as CPython breaks them', () => {
    const heap: Item[] = [];
    for (const item of items(WHENS)) heappush(heap, item);
    expect(drain(heap)).toEqual([8, 10, 1, 9, 3, 2, 6, 5, 7, 11, 4, 0]);
  });

  it('heapify builds the same heap CPython builds from a list', () => {
    const heap = items(WHENS);
    heapify(heap);
    expect(drain(heap)).toEqual([10, 8, 9, 1, 3, 6, 2, 11, 7, 4, 5, 0]);
  });
});
