// Queues for coordinating tasks (Lib/asyncio/queues.py): Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull.
// Blocked getters and putters are the waiting tasks themselves (locks.ts explains the waiter model).

import { Exception, RuntimeError, ValueError } from '../builtins/exceptions.js';
import { addressOf } from '../builtins/identity.js';
import { lt } from '../builtins/ordering.js';
import { repr } from '../builtins/repr.js';
import {
  argument,
  endWait,
  Event,
  isPending,
  parkWaiter,
  reparkWaiter,
  WAIT_CANCELLED,
  WaiterDeque,
  waitingTask,
  wakeWaiter,
} from './locks.js';
import { AbstractEventLoop } from './events.js';
import { Task } from './tasks.js';
import type { BaseException } from '../builtins/exceptions.js';

/** Raised by `getNowait()` on an empty queue (no message). */
export class QueueEmpty extends Exception {
  static override __module__ = 'asyncio.queues';
}

/** Raised by `putNowait()` on a full queue (no message). */
export class QueueFull extends Exception {
  static override __module__ = 'asyncio.queues';
}

const RESOLVED_NULL: Promise<null> = Promise.resolve(null);

/**
 * A FIFO queue (asyncio.Queue(maxsize=0); `maxsize <= 0` means unbounded). `put()` waits while the queue is full
 * and `get()` while it is empty; a woken getter re-checks, so an item can be taken by a task that never waited.
 * `taskDone()` and `join()` count the items still being processed.
 */
export class Queue<T = unknown> {
  static __module__ = 'asyncio.queues';
  _loop: AbstractEventLoop | null = null;
  readonly _maxsize: number;
  readonly _getters = new WaiterDeque();
  readonly _putters = new WaiterDeque();
  _unfinishedTasks = 0;
  readonly _finished = new Event();
  // The FIFO's items from `_head` on (an array with a moving head: O(1) get without Array.shift).
  private _items: T[] = [];
  private _head = 0;

  constructor(maxsize?: number | { maxsize?: number }) {
    this._maxsize = argument<number>(maxsize, 'maxsize', 0);
    this._finished.set();
  }

  /** The items in the order `get()` would return them for a FIFO; the storage order for the subclasses. */
  _queueItems(): T[] {
    return this._items.slice(this._head);
  }

  _put(item: T): void {
    this._items.push(item);
  }

  _get(): T {
    const item = this._items[this._head]!;
    this._items[this._head] = undefined as T;
    this._head += 1;
    if (this._head === this._items.length) {
      this._items.length = 0;
      this._head = 0;
    } else if (this._head > 64 && this._head * 2 > this._items.length) {
      this._items = this._items.slice(this._head);
      this._head = 0;
    }
    return item;
  }

  /** Number of items in the queue. */
  qsize(): number {
    return this._items.length - this._head;
  }

  /** Number of items allowed in the queue (0 or less: unbounded). */
  get maxsize(): number {
    return this._maxsize;
  }

  empty(): boolean {
    return this.qsize() === 0;
  }

  /** True when the queue holds `maxsize` items; never for an unbounded queue. */
  full(): boolean {
    return this._maxsize > 0 && this.qsize() >= this._maxsize;
  }

  /** Put `item`, waiting while the queue is full. A queue with room takes it without suspending. */
  put(item: T): Promise<null> {
    if (!this.full()) {
      this.putNowait(item);
      return RESOLVED_NULL;
    }
    return this._putBlocking(item);
  }

  /** Put `item` now, or raise QueueFull. */
  putNowait(item: T): void {
    if (this.full()) throw new QueueFull();
    this._put(item);
    this._unfinishedTasks += 1;
    this._finished.clear();
    wakeupNext(this._getters);
  }

  /** Remove and return an item, waiting while the queue is empty. A non-empty queue answers without suspending. */
  get(): Promise<T> {
    if (!this.empty()) return Promise.resolve(this.getNowait());
    return this._getBlocking();
  }

  /** Remove and return an item now, or raise QueueEmpty. */
  getNowait(): T {
    if (this.empty()) throw new QueueEmpty();
    const item = this._get();
    wakeupNext(this._putters);
    return item;
  }

  /** Mark one item taken with `get()` as processed; ValueError when called more often than items were put. */
  taskDone(): void {
    if (this._unfinishedTasks <= 0) throw new ValueError('task_done() called too many times');
    this._unfinishedTasks -= 1;
    if (this._unfinishedTasks === 0) this._finished.set();
  }

  /** Wait until every item put has been marked processed with `taskDone()`. */
  join(): Promise<null> {
    if (this._unfinishedTasks > 0) return this._finished.wait().then(toNull);
    return RESOLVED_NULL;
  }

  // Queue.put's loop (`while self.full(): … await putter`): wait as a putter; the rest runs in putterWoken. The item
  // waits on the task meanwhile.
  private _putBlocking(item: T): Promise<null> {
    const task = waitingTask();
    this._bindLoop(task._loop);
    this._putters.push(task);
    task._waitItem = item;
    return parkWaiter(task, this, putterWoken) as Promise<null>;
  }

  // Queue.get's loop, the mirror image of `_putBlocking` (getterWoken).
  private _getBlocking(): Promise<T> {
    const task = waitingTask();
    this._bindLoop(task._loop);
    this._getters.push(task);
    return parkWaiter(task, this, getterWoken) as Promise<T>;
  }

  // mixins._LoopBoundMixin._get_loop.
  private _bindLoop(loop: AbstractEventLoop): void {
    if (this._loop === null) this._loop = loop;
    if (loop !== this._loop) throw new RuntimeError(`${repr(this)} is bound to a different event loop`);
  }

  // Queue._format.
  private _format(): string {
    let result = `maxsize=${repr(this._maxsize)}`;
    if (this.qsize() > 0) result += ` _queue=${repr(this._queueItems())}`;
    if (this._getters.length > 0) result += ` _getters[${this._getters.length}]`;
    if (this._putters.length > 0) result += ` _putters[${this._putters.length}]`;
    if (this._unfinishedTasks) result += ` tasks=${this._unfinishedTasks}`;
    return result;
  }

  __repr__(): string {
    return `<${this.constructor.name} at ${addressOf(this)} ${this._format()}>`;
  }

  __str__(): string {
    return `<${this.constructor.name} ${this._format()}>`;
  }
}

// Queue._wakeup_next: drop waiters that are already done (cancelled) until one can be woken.
declare module './tasks.js' {
  interface Task<T> {
    /** The item a putter blocked in `Queue.put` is putting. */
    _waitItem: unknown;
  }
}
Task.prototype._waitItem = null;

// Queue.put after `await putter`: on cancellation the putter leaves the deque and, if it had been woken, passes the
// wake-up on when there is room; otherwise it waits again while the queue is full, or puts its item.
function putterWoken(task: Task, exc: BaseException | null): unknown {
  const queue = task._waitTarget as Queue;
  if (exc !== null) {
    task._waitTarget = task._waitItem = null;
    queue._putters.remove(task);
    if (endWait(task) !== WAIT_CANCELLED && !queue.full()) wakeupNext(queue._putters);
    throw exc;
  }
  endWait(task);
  if (queue.full()) {
    queue._putters.push(task);
    return reparkWaiter(task, putterWoken);
  }
  const item = task._waitItem;
  task._waitTarget = task._waitItem = null;
  queue.putNowait(item);
  return null;
}

// Queue.get after `await getter`, the mirror image of putterWoken.
function getterWoken(task: Task, exc: BaseException | null): unknown {
  const queue = task._waitTarget as Queue;
  if (exc !== null) {
    task._waitTarget = null;
    queue._getters.remove(task);
    if (endWait(task) !== WAIT_CANCELLED && !queue.empty()) wakeupNext(queue._getters);
    throw exc;
  }
  endWait(task);
  if (queue.empty()) {
    queue._getters.push(task);
    return reparkWaiter(task, getterWoken);
  }
  task._waitTarget = null;
  return queue.getNowait();
}

function wakeupNext(waiters: WaiterDeque): void {
  while (waiters.length > 0) {
    const task = waiters.shift()!;
    if (isPending(task)) {
      wakeWaiter(task, null);
      return;
    }
  }
}

function toNull(): null {
  return null;
}

/** A queue that returns the smallest item first (asyncio.PriorityQueue; items compare as Python compares them). */
export class PriorityQueue<T = unknown> extends Queue<T> {
  private readonly _heap: T[] = [];

  override _queueItems(): T[] {
    return [...this._heap];
  }

  override _put(item: T): void {
    heappush(this._heap, item);
  }

  override _get(): T {
    return heappop(this._heap);
  }

  override qsize(): number {
    return this._heap.length;
  }
}

/** A queue that returns the most recently added item first (asyncio.LifoQueue). */
export class LifoQueue<T = unknown> extends Queue<T> {
  private readonly _stack: T[] = [];

  override _queueItems(): T[] {
    return [...this._stack];
  }

  override _put(item: T): void {
    this._stack.push(item);
  }

  override _get(): T {
    return this._stack.pop()!;
  }

  override qsize(): number {
    return this._stack.length;
  }
}

// heapq.heappush / heappop with Python's `<` (heapq._siftdown / _siftup).
function heappush<T>(heap: T[], item: T): void {
  heap.push(item);
  siftdown(heap, 0, heap.length - 1);
}

function heappop<T>(heap: T[]): T {
  const last = heap.pop()!;
  if (heap.length === 0) return last;
  const first = heap[0]!;
  heap[0] = last;
  siftup(heap, 0);
  return first;
}

function siftdown<T>(heap: T[], startpos: number, pos: number): void {
  const item = heap[pos]!;
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos]!;
    if (!lt(item, parent)) break;
    heap[pos] = parent;
    pos = parentpos;
  }
  heap[pos] = item;
}

function siftup<T>(heap: T[], pos: number): void {
  const endpos = heap.length;
  const startpos = pos;
  const item = heap[pos]!;
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos && !lt(heap[childpos], heap[rightpos])) childpos = rightpos;
    heap[pos] = heap[childpos]!;
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = item;
  siftdown(heap, startpos, pos);
}
