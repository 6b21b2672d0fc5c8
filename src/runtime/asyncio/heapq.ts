// A port of CPython's heapq push/pop/heapify (Lib/heapq.py; Modules/_heapqmodule.c runs the same algorithm).
// The loop's timers must come out in exactly CPython's order, and timers with equal deadlines are not FIFO there:
// their order is whatever these sift operations produce when only `_when` is compared.

/** What the heap orders by: CPython's TimerHandle.__lt__ compares `_when` only. */
export interface HeapItem {
  _when: number;
}

/** Push `item` onto `heap`, keeping the heap invariant (heapq.heappush). */
export function heappush<T extends HeapItem>(heap: T[], item: T): void {
  heap.push(item);
  siftdown(heap, 0, heap.length - 1);
}

/** Pop and return the smallest item (heapq.heappop); the heap must not be empty. */
export function heappop<T extends HeapItem>(heap: T[]): T {
  const last = heap.pop()!;
  if (heap.length > 0) {
    const smallest = heap[0]!;
    heap[0] = last;
    siftup(heap, 0);
    return smallest;
  }
  return last;
}

/** Rearrange `heap` into a heap in place (heapq.heapify). */
export function heapify<T extends HeapItem>(heap: T[]): void {
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftup(heap, i);
}

// heapq._siftdown: move the item at `pos` up towards `startpos` while it is smaller than its parent.
function siftdown<T extends HeapItem>(heap: T[], startpos: number, pos: number): void {
  const item = heap[pos]!;
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos]!;
    if (item._when < parent._when) {
      heap[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = item;
}

// heapq._siftup: move the smaller child up until a leaf is reached, then sift the item down into place.
function siftup<T extends HeapItem>(heap: T[], pos: number): void {
  const endpos = heap.length;
  const startpos = pos;
  const item = heap[pos]!;
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos && !(heap[childpos]!._when < heap[rightpos]!._when)) childpos = rightpos;
    heap[pos] = heap[childpos]!;
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = item;
  siftdown(heap, startpos, pos);
}
