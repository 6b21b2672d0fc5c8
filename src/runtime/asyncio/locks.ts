// Synchronisation primitives (Lib/asyncio/locks.py): Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier.
//
// CPython parks a waiter on a fresh future kept in a deque. Here the waiting task itself is the deque entry and
// parks with `parkCurrentTask` (DESIGN.md: no Future or closure per wait, Lock/Semaphore/Queue are benchmark hot
// paths). The state that future would have had (pending, result set, cancelled) lives on the task as
// `_waitState`; it is read the way CPython reads `fut.done()` / `fut.cancelled()`, and the entry leaves the deque
// when the task resumes, as CPython's `finally: self._waiters.remove(fut)` does.

import { BaseException, RuntimeError, ValueError } from '../builtins/exceptions.js';
import { addressOf } from '../builtins/identity.js';
import { repr } from '../builtins/repr.js';
import { truthy } from '../builtins/truthiness.js';
import { AbstractEventLoop } from './events.js';
import { BrokenBarrierError, CancelledError } from './exceptions.js';
import { _runningTask, parkCurrentTask, repark, Task, wakeTask, type WakeHook } from './tasks.js';

// ---------------------------------------------------------------------------------------------------------------
// Waiters: the task as its own future.

/** Not waiting on a primitive. */
const NOT_WAITING = 0;
/** Waiting: the future would be pending. */
const WAIT_PENDING = 1;
/** Woken by the primitive: the future would have a result. */
const WAIT_WOKEN = 2;
/** Cancelled while waiting: the future would be cancelled. */
export const WAIT_CANCELLED = 3;

declare module './tasks.js' {
  interface Task<T> {
    /** The state of the future this task waits on in a lock or queue (one of the WAIT_* constants). */
    _waitState: number;
  }
}
Task.prototype._waitState = NOT_WAITING;

// The park hook of every primitive: cancelling a parked task cancels its (virtual) future; the entry stays in the
// deque until the task resumes, as the cancelled future does in CPython.
function markCancelled(task: Task): void {
  task._waitState = WAIT_CANCELLED;
}

/**
 * Park the running task as a waiter of a primitive (`await fut` on the waiter future). The caller has appended the
 * task to its deque. The promise resolves with `value` from `wakeWaiter` or rejects with CancelledError; with
 * `onWake`, what follows the await in CPython's method runs first, in the resuming step (tasks.ts `WakeHook`), and
 * `target` is the primitive it reads as `task._waitTarget`.
 */
export function parkWaiter(task: Task, target: unknown = null, onWake: WakeHook | null = null): Promise<unknown> {
  task._waitState = WAIT_PENDING;
  task._waitTarget = target;
  return parkCurrentTask(markCancelled, onWake);
}

/** From a wake hook: wait again (the method's `while` loop went round), with the task already back in the deque. */
export function reparkWaiter(task: Task, onWake: WakeHook): unknown {
  task._waitState = WAIT_PENDING;
  return repark(task, markCancelled, onWake);
}

/** Set the waiter's future result: its task resumes in the next iteration with `value`. */
export function wakeWaiter(task: Task, value: unknown): void {
  task._waitState = WAIT_WOKEN;
  wakeTask(task, value);
}

/** True while the waiter's future would be pending (`not fut.done()`). */
export function isPending(task: Task): boolean {
  return task._waitState === WAIT_PENDING;
}

/** The task running now, which is about to wait; RuntimeError outside a task. */
export function waitingTask(): Task {
  const task = _runningTask();
  if (task === null) throw new RuntimeError('asyncio primitives must be awaited inside a task');
  return task;
}

/**
 * Read and reset the state a resumed waiter's future reached: WAIT_CANCELLED when it was cancelled while waiting,
 * WAIT_WOKEN when the primitive woke it (even if the task was cancelled afterwards, before it ran).
 */
export function endWait(task: Task): number {
  const state = task._waitState;
  task._waitState = NOT_WAITING;
  return state;
}

/** A FIFO of waiting tasks (CPython's `collections.deque` of waiter futures), with removal by identity. */
export class WaiterDeque {
  private items: (Task | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(task: Task): void {
    this.items.push(task);
  }

  /** The oldest waiter, or undefined. */
  first(): Task | undefined {
    return this.items[this.head];
  }

  /** The i-th oldest waiter (the hot paths index rather than iterate: no generator object per look). */
  at(i: number): Task | undefined {
    return this.items[this.head + i];
  }

  /** Remove and return the oldest waiter. */
  shift(): Task | undefined {
    if (this.head >= this.items.length) return undefined;
    const task = this.items[this.head];
    this.items[this.head] = undefined;
    this.head += 1;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return task;
  }

  /** Remove `task` (the oldest entry in the common case); false if it is not there. */
  remove(task: Task): boolean {
    if (this.items[this.head] === task) {
      this.shift();
      return true;
    }
    const i = this.items.indexOf(task, this.head);
    if (i === -1) return false;
    this.items.splice(i, 1);
    return true;
  }

  /** The waiters, oldest first. */
  *[Symbol.iterator](): Iterator<Task> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i]!;
  }
}

/**
 * A constructor argument Python allows by position or by keyword: the translator passes `Queue(maxsize=3)` as
 * `new Queue({ maxsize: 3 })` and `Queue(3)` as `new Queue(3)`.
 */
export function argument<T>(arg: T | Record<string, unknown> | undefined, name: string, fallback: T): T {
  if (typeof arg === 'object' && arg !== null && Object.getPrototypeOf(arg) === Object.prototype) {
    const value = (arg as Record<string, unknown>)[name];
    return value === undefined ? fallback : (value as T);
  }
  return arg === undefined ? fallback : (arg as T);
}

// ---------------------------------------------------------------------------------------------------------------
// Loop binding (mixins._LoopBoundMixin).

/** A primitive that binds to the loop of its first blocking use. */
abstract class LoopBound {
  static __module__ = 'asyncio.locks';
  _loop: AbstractEventLoop | null = null;

  /** mixins._LoopBoundMixin._get_loop, given the loop of the task that is about to wait. */
  _bindLoop(loop: AbstractEventLoop): void {
    if (this._loop === null) this._loop = loop;
    if (loop !== this._loop) throw new RuntimeError(`${repr(this)} is bound to a different event loop`);
  }

  /** The bracketed state shown at the end of the repr (`locked, waiters:2`). */
  protected abstract _reprExtra(): string;

  __repr__(): string {
    return `<asyncio.locks.${this.constructor.name} object at ${addressOf(this)} [${this._reprExtra()}]>`;
  }
}

// Shared settled promises: the fast paths of the coroutine methods complete without allocating.
const RESOLVED_TRUE: Promise<true> = Promise.resolve(true);
const RESOLVED_NULL: Promise<null> = Promise.resolve(null);

function waitersSuffix(waiters: WaiterDeque | null): string {
  return waiters !== null && waiters.length > 0 ? `, waiters:${waiters.length}` : '';
}

// ---------------------------------------------------------------------------------------------------------------
// Lock

/**
 * A primitive lock (asyncio.Lock), not owned by any task. `acquire()` takes it at once when it is free and nobody
 * waits; otherwise the task queues, and waiters get the lock in FIFO order: after `release()` the first waiter is
 * chosen, so a newcomer queues behind it even while `locked()` is still false.
 */
export class Lock extends LoopBound {
  _waiters: WaiterDeque | null = null;
  _locked = false;

  protected _reprExtra(): string {
    return (this._locked ? 'locked' : 'unlocked') + waitersSuffix(this._waiters);
  }

  /** True if the lock is held. */
  locked(): boolean {
    return this._locked;
  }

  /** Wait until the lock is free, take it, and return true. */
  acquire(): Promise<boolean> {
    if (!this._locked && this._noLiveWaiter()) {
      this._locked = true;
      return RESOLVED_TRUE;
    }
    return this._acquireBlocking(lockAcquired) as Promise<boolean>;
  }

  /** Release the lock and let the first waiter take it; RuntimeError('Lock is not acquired.') when not held. */
  release(): void {
    if (!this._locked) throw new RuntimeError('Lock is not acquired.');
    this._locked = false;
    this._wakeUpFirst();
  }

  /** `async with lock`: acquire; the `as` target gets None. */
  __aenter__(): Promise<null> {
    if (!this._locked && this._noLiveWaiter()) {
      this._locked = true;
      return RESOLVED_NULL;
    }
    return this._acquireBlocking(lockEntered) as Promise<null>;
  }

  /** `async with lock` exit: release; the exception is never swallowed. */
  __aexit__(_excType: unknown, _exc: unknown, _tb: unknown): Promise<null> {
    this.release();
    return RESOLVED_NULL;
  }

  // Lock.acquire's fast-path test: every waiter (if any) was cancelled.
  private _noLiveWaiter(): boolean {
    const waiters = this._waiters;
    if (waiters === null || waiters.length === 0) return true;
    for (let i = 0; i < waiters.length; i++) if (waiters.at(i)!._waitState !== WAIT_CANCELLED) return false;
    return true;
  }

  // The waiting path of acquire() and __aenter__: the rest of Lock.acquire runs in `onWake` (lockWoken).
  private _acquireBlocking(onWake: WakeHook): Promise<unknown> {
    const task = waitingTask();
    this._bindLoop(task._loop);
    (this._waiters ??= new WaiterDeque()).push(task);
    return parkWaiter(task, this, onWake);
  }

  // Lock._wake_up_first: only the first waiter is considered; if it was already woken or cancelled, it will pass
  // the lock on itself when it runs.
  _wakeUpFirst(): void {
    const first = this._waiters?.first();
    if (first !== undefined && isPending(first)) wakeWaiter(first, true);
  }
}

// Lock.acquire after `await fut`: leave the deque, then take the lock; a waiter woken and then cancelled passes the
// lock on (its `except CancelledError`).
function lockWoken(task: Task, exc: BaseException | null): void {
  const lock = task._waitTarget as Lock;
  task._waitTarget = null;
  lock._waiters!.remove(task);
  endWait(task);
  if (exc !== null) {
    if (exc instanceof CancelledError && !lock._locked) lock._wakeUpFirst();
    throw exc;
  }
  lock._locked = true;
}

// acquire() returns True, `async with` gives None to its target.
const lockAcquired: WakeHook = (task, exc) => {
  lockWoken(task, exc);
  return true;
};
const lockEntered: WakeHook = (task, exc) => {
  lockWoken(task, exc);
  return null;
};

// ---------------------------------------------------------------------------------------------------------------
// Event

/**
 * An event flag (asyncio.Event). `set()` wakes every waiter in the order they began waiting (they run in the next
 * iteration, not inside `set()`); `wait()` on a set event returns true without suspending.
 */
export class Event extends LoopBound {
  _waiters = new WaiterDeque();
  _value = false;

  protected _reprExtra(): string {
    return (this._value ? 'set' : 'unset') + waitersSuffix(this._waiters);
  }

  isSet(): boolean {
    return this._value;
  }

  /** Set the flag and wake every waiter. */
  set(): void {
    if (this._value) return;
    this._value = true;
    const waiters = this._waiters;
    for (let i = 0; i < waiters.length; i++) {
      const task = waiters.at(i)!;
      if (isPending(task)) wakeWaiter(task, true);
    }
  }

  /** Reset the flag; later `wait()` calls block again (tasks already woken stay woken). */
  clear(): void {
    this._value = false;
  }

  /** Return true once the flag is set (at once if it is). */
  wait(): Promise<true> {
    if (this._value) return RESOLVED_TRUE;
    return this._waitBlocking();
  }

  private async _waitBlocking(): Promise<true> {
    const task = waitingTask();
    this._bindLoop(task._loop);
    this._waiters.push(task);
    try {
      await parkWaiter(task);
      return true;
    } finally {
      this._waiters.remove(task);
      endWait(task);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Condition

/**
 * A condition variable (asyncio.Condition) over a lock (a new Lock by default), whose `acquire`, `release` and
 * `locked` it shares. `wait()` releases the lock, waits for `notify`, and re-acquires the lock before returning.
 */
export class Condition extends LoopBound {
  readonly _lock: Lock;
  _waiters = new WaiterDeque();

  constructor(lock?: Lock | null | { lock?: Lock | null }) {
    super();
    this._lock = argument<Lock | null>(lock, 'lock', null) ?? new Lock();
  }

  protected _reprExtra(): string {
    return (this.locked() ? 'locked' : 'unlocked') + waitersSuffix(this._waiters);
  }

  locked(): boolean {
    return this._lock.locked();
  }

  acquire(): Promise<boolean> {
    return this._lock.acquire();
  }

  release(): void {
    this._lock.release();
  }

  __aenter__(): Promise<null> {
    return this._lock.__aenter__();
  }

  __aexit__(excType: unknown, exc: unknown, tb: unknown): Promise<null> {
    return this._lock.__aexit__(excType, exc, tb);
  }

  /**
   * Release the lock, wait to be notified, then re-acquire the lock (always, even when cancelled: the
   * cancellation is raised after it is held again) and return true. RuntimeError if the lock is not held.
   */
  async wait(): Promise<true> {
    if (!this.locked()) throw new RuntimeError('cannot wait on un-acquired lock');
    const task = waitingTask();
    this._bindLoop(task._loop);
    this.release();
    try {
      this._waiters.push(task);
      try {
        await parkWaiter(task);
        return true;
      } finally {
        this._waiters.remove(task);
        endWait(task);
      }
    } finally {
      // Condition.wait: the lock must be re-acquired even if the wait was cancelled.
      let cancelled = false;
      for (;;) {
        try {
          await this.acquire();
          break;
        } catch (e) {
          if (!(e instanceof CancelledError)) throw e;
          cancelled = true;
        }
      }
      if (cancelled) throw new CancelledError();
    }
  }

  /** Wait until `predicate()` is true (checked first, then after every wake-up) and return its value. */
  async waitFor<T>(predicate: () => T): Promise<T> {
    let result = predicate();
    while (!truthy(result)) {
      await this.wait();
      result = predicate();
    }
    return result;
  }

  /** Wake up to `n` waiters (they return from `wait()` once they get the lock); the lock must be held. */
  notify(n = 1): void {
    if (!this.locked()) throw new RuntimeError('cannot notify on un-acquired lock');
    let woken = 0;
    for (const task of this._waiters) {
      if (woken >= n) break;
      if (isPending(task)) {
        woken += 1;
        wakeWaiter(task, false);
      }
    }
  }

  /** Wake every waiter; the lock must be held. */
  notifyAll(): void {
    this.notify(this._waiters.length);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Semaphore, BoundedSemaphore

/**
 * A counter of free slots (asyncio.Semaphore(value=1)). `acquire()` takes a slot or waits; `release()` hands the
 * freed slot straight to the first waiter, so a newcomer cannot take it first.
 */
export class Semaphore extends LoopBound {
  _waiters: WaiterDeque | null = null;
  _value: number;

  constructor(value?: number | { value?: number }) {
    super();
    const initial = argument<number>(value, 'value', 1);
    if (initial < 0) throw new ValueError('Semaphore initial value must be >= 0');
    this._value = initial;
  }

  protected _reprExtra(): string {
    return (this.locked() ? 'locked' : `unlocked, value:${this._value}`) + waitersSuffix(this._waiters);
  }

  /** True when no slot can be taken now: none is free, or a waiter that was not cancelled is queued. */
  locked(): boolean {
    if (this._value === 0) return true;
    const waiters = this._waiters;
    if (waiters === null || waiters.length === 0) return false;
    for (let i = 0; i < waiters.length; i++) if (waiters.at(i)!._waitState !== WAIT_CANCELLED) return true;
    return false;
  }

  /** Take a slot, waiting for one if needed; returns true. */
  acquire(): Promise<boolean> {
    if (!this.locked()) {
      this._value -= 1;
      return RESOLVED_TRUE;
    }
    return this._acquireBlocking(semaphoreAcquired) as Promise<boolean>;
  }

  /** Free a slot, handing it to the first waiter if there is one. */
  release(): void {
    this._value += 1;
    this._wakeUpNext();
  }

  __aenter__(): Promise<null> {
    if (!this.locked()) {
      this._value -= 1;
      return RESOLVED_NULL;
    }
    return this._acquireBlocking(semaphoreEntered) as Promise<null>;
  }

  __aexit__(_excType: unknown, _exc: unknown, _tb: unknown): Promise<null> {
    this.release();
    return RESOLVED_NULL;
  }

  // The waiting path of acquire() and __aenter__: the rest of Semaphore.acquire runs in `onWake` (semaphoreWoken).
  private _acquireBlocking(onWake: WakeHook): Promise<unknown> {
    const task = waitingTask();
    this._bindLoop(task._loop);
    (this._waiters ??= new WaiterDeque()).push(task);
    return parkWaiter(task, this, onWake);
  }

  // Semaphore._wake_up_next: the first waiter still pending gets the slot, taken on its behalf now.
  _wakeUpNext(): void {
    const waiters = this._waiters;
    if (waiters === null) return;
    for (let i = 0; i < waiters.length; i++) {
      const task = waiters.at(i)!;
      if (isPending(task)) {
        this._value -= 1;
        wakeWaiter(task, true);
        return;
      }
    }
  }
}

// Semaphore.acquire after `await fut`: leave the deque; a waiter woken (a slot was handed over) and then cancelled
// gives the slot back to the next waiter.
function semaphoreWoken(task: Task, exc: BaseException | null): void {
  const semaphore = task._waitTarget as Semaphore;
  task._waitTarget = null;
  semaphore._waiters!.remove(task);
  if (exc !== null) {
    if (endWait(task) !== WAIT_CANCELLED && exc instanceof CancelledError) {
      semaphore._value += 1;
      semaphore._wakeUpNext();
    }
    throw exc;
  }
  endWait(task);
  if (semaphore._value > 0) semaphore._wakeUpNext();
}

const semaphoreAcquired: WakeHook = (task, exc) => {
  semaphoreWoken(task, exc);
  return true;
};
const semaphoreEntered: WakeHook = (task, exc) => {
  semaphoreWoken(task, exc);
  return null;
};

/** A Semaphore that refuses to be released above its initial value (ValueError). */
export class BoundedSemaphore extends Semaphore {
  readonly _boundValue: number;

  constructor(value?: number | { value?: number }) {
    super(value);
    this._boundValue = argument<number>(value, 'value', 1);
  }

  override release(): void {
    if (this._value >= this._boundValue) throw new ValueError('BoundedSemaphore released too many times');
    super.release();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Barrier

const FILLING = 'filling';
const DRAINING = 'draining';
const RESETTING = 'resetting';
const BROKEN = 'broken';

/**
 * A barrier for `parties` tasks (asyncio.Barrier): `wait()` blocks until that many tasks wait, then releases them
 * all and returns each one's arrival index (0 … parties-1); the barrier then fills again for another round.
 */
export class Barrier extends LoopBound {
  readonly _cond = new Condition();
  readonly _parties: number;
  _state = FILLING;
  _count = 0;

  constructor(parties: number | { parties: number }) {
    super();
    const count = argument<number>(parties, 'parties', 0);
    if (count < 1) throw new ValueError('parties must be > 0');
    this._parties = count;
  }

  protected _reprExtra(): string {
    return this.broken ? this._state : `${this._state}, waiters:${this.nWaiting}/${this.parties}`;
  }

  async __aenter__(): Promise<number> {
    return this.wait();
  }

  async __aexit__(_excType: unknown, _exc: unknown, _tb: unknown): Promise<null> {
    return null;
  }

  /** Wait for the barrier to fill; returns this task's arrival index. BrokenBarrierError if it breaks. */
  async wait(): Promise<number> {
    await this._cond.__aenter__();
    try {
      await this._block();
      try {
        const index = this._count;
        this._count += 1;
        if (index + 1 === this._parties) this._release();
        else await this._wait();
        return index;
      } finally {
        this._count -= 1;
        this._exit();
      }
    } finally {
      this._cond.release();
    }
  }

  // Barrier._block: wait while the barrier drains or resets; a broken barrier refuses newcomers.
  private async _block(): Promise<void> {
    await this._cond.waitFor(() => this._state !== DRAINING && this._state !== RESETTING);
    if (this._state === BROKEN) throw new BrokenBarrierError('Barrier aborted');
  }

  private _release(): void {
    this._state = DRAINING;
    this._cond.notifyAll();
  }

  private async _wait(): Promise<void> {
    await this._cond.waitFor(() => this._state !== FILLING);
    if (this._state === BROKEN || this._state === RESETTING) {
      throw new BrokenBarrierError('Abort or reset of barrier');
    }
  }

  // Barrier._exit: the last task out lets the next round fill.
  private _exit(): void {
    if (this._count === 0) {
      if (this._state === RESETTING || this._state === DRAINING) this._state = FILLING;
      this._cond.notifyAll();
    }
  }

  /** Return to the empty state; tasks waiting now get BrokenBarrierError. */
  async reset(): Promise<void> {
    await this._cond.__aenter__();
    try {
      if (this._count > 0) {
        if (this._state !== RESETTING) this._state = RESETTING;
      } else {
        this._state = FILLING;
      }
      this._cond.notifyAll();
    } finally {
      this._cond.release();
    }
  }

  /** Break the barrier: current and later `wait()` calls raise BrokenBarrierError. */
  async abort(): Promise<void> {
    await this._cond.__aenter__();
    try {
      this._state = BROKEN;
      this._cond.notifyAll();
    } finally {
      this._cond.release();
    }
  }

  get parties(): number {
    return this._parties;
  }

  /** How many tasks wait in the filling barrier. */
  get nWaiting(): number {
    return this._state === FILLING ? this._count : 0;
  }

  get broken(): boolean {
    return this._state === BROKEN;
  }
}
