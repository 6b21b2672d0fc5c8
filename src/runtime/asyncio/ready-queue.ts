// The loop's ready queue (the `_ready` deque of BaseEventLoop): a growable ring buffer, because Array.shift is
// O(n) and the queue is popped once per callback and per task step.

/** A FIFO queue with O(1) push and shift. */
export class ReadyQueue<T> {
  private items: (T | undefined)[] = new Array(1024);
  private head = 0;
  private mask = 1023;
  length = 0;

  push(item: T): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) & this.mask] = item;
    this.length += 1;
  }

  /** Remove and return the oldest item (undefined when empty). */
  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.length -= 1;
    return item;
  }

  clear(): void {
    this.items = new Array(1024);
    this.head = 0;
    this.mask = 1023;
    this.length = 0;
  }

  private grow(): void {
    const old = this.items;
    const size = old.length;
    const items: (T | undefined)[] = new Array(size * 2);
    for (let i = 0; i < size; i++) items[i] = old[(this.head + i) & this.mask];
    this.items = items;
    this.head = 0;
    this.mask = size * 2 - 1;
  }
}
