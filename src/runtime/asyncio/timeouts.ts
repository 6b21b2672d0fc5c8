// asyncio.timeout / asyncio.timeout_at and the Timeout context manager (Lib/asyncio/timeouts.py, Python 3.11).

import { RuntimeError } from '../builtins/exceptions.js';
import { round } from '../builtins/arithmetic.js';
import { asFloat, numberValue, type PyFloat } from '../builtins/py-float.js';
import { repr } from '../builtins/repr.js';
import { getRunningLoop, Handle } from './events.js';
import { CancelledError, TimeoutError } from './exceptions.js';
import { currentTask, Task } from './tasks.js';

// timeouts._State: the values are what reprs and error messages show.
const CREATED = 'created';
const ENTERED = 'active';
const EXPIRING = 'expiring';
const EXPIRED = 'expired';
const EXITED = 'finished';

/**
 * An async context manager that cancels the task running its block once the loop's clock reaches `when()`, and
 * then turns the CancelledError leaving the block into TimeoutError (`__cause__`: the CancelledError) unless
 * someone else also cancelled the task. `None` never fires. Made by `timeout()` and `timeoutAt()`.
 */
export class Timeout {
  static __module__ = 'asyncio.timeouts';
  _state = CREATED;
  _timeoutHandler: Handle | null = null;
  _task: Task | null = null;
  _cancelling = 0;

  constructor(public _when: number | null) {}

  /** The current deadline in loop time, or None. */
  when(): number | null {
    return this._when;
  }

  /**
   * Move the deadline (None disarms it; a past time fires at the next iteration). Only while the block runs:
   * RuntimeError('Timeout has not been entered') before, 'Cannot change state of <state> Timeout' after.
   */
  reschedule(when: number | null): void {
    if (this._state !== ENTERED) {
      if (this._state === CREATED) throw new RuntimeError('Timeout has not been entered');
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    this._when = when;
    if (this._timeoutHandler !== null) this._timeoutHandler.cancel();
    if (when === null || when === undefined) {
      this._timeoutHandler = null;
    } else {
      const loop = getRunningLoop();
      this._timeoutHandler = when <= loop.time() ? loop.callSoon(onTimeout, this) : loop.callAt(when, onTimeout, this);
    }
  }

  /** True once the deadline has fired (also after the block exits). */
  expired(): boolean {
    return this._state === EXPIRING || this._state === EXPIRED;
  }

  __repr__(): string {
    let info = '';
    if (this._state === ENTERED) {
      const when = this._when === null || this._when === undefined ? 'None' : repr(asFloat(round(this._when, 3)));
      info = ` when=${when}`;
    }
    return `<Timeout [${this._state}]${info}>`;
  }

  /** Enter the block: arm the deadline for the current task; the `as` target is this Timeout. */
  async __aenter__(): Promise<Timeout> {
    if (this._state !== CREATED) throw new RuntimeError('Timeout has already been entered');
    const task = currentTask();
    if (task === null) throw new RuntimeError('Timeout should be used inside a task');
    this._state = ENTERED;
    this._task = task;
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
    return this;
  }

  /**
   * Leave the block: disarm the deadline; if it fired and the block ends with the CancelledError it caused (no
   * other cancellation pending), raise TimeoutError from it.
   */
  async __aexit__(excType: unknown, excVal: unknown, _tb: unknown): Promise<null> {
    if (this._timeoutHandler !== null) {
      this._timeoutHandler.cancel();
      this._timeoutHandler = null;
    }
    if (this._state === EXPIRING) {
      this._state = EXPIRED;
      if (this._task!.uncancel() <= this._cancelling && isCancelledErrorExactly(excType, excVal)) {
        throw new TimeoutError().withCause(excVal as CancelledError);
      }
    } else if (this._state === ENTERED) {
      this._state = EXITED;
    }
    return null;
  }
}

// `exc_type is CancelledError`, read from the exception itself too (the two always agree in the PEP 343 shape).
function isCancelledErrorExactly(excType: unknown, excVal: unknown): boolean {
  if (excType === CancelledError) return true;
  return typeof excVal === 'object' && excVal !== null && Object.getPrototypeOf(excVal) === CancelledError.prototype;
}

// Timeout._on_timeout: cancel the task running the block.
function onTimeout(timeout: Timeout): void {
  timeout._task!.cancel();
  timeout._state = EXPIRING;
  timeout._timeoutHandler = null;
}

/** A Timeout firing `delay` seconds from now (None: never). Needs a running loop. */
export function timeout(delay: number | PyFloat | null): Timeout {
  const loop = getRunningLoop();
  return new Timeout(delay === null || delay === undefined ? null : loop.time() + numberValue(delay));
}

/** A Timeout firing at loop time `when` (None: never). */
export function timeoutAt(when: number | PyFloat | null): Timeout {
  return new Timeout(when === undefined || when === null ? null : numberValue(when));
}
