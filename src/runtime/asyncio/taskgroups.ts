// asyncio.TaskGroup (Lib/asyncio/taskgroups.py, Python 3.11) and the ExceptionGroup.split behind `except*`.

import {
  BaseException,
  BaseExceptionGroup,
  Exception,
  ExceptionGroup,
  KeyboardInterrupt,
  RuntimeError,
  SystemExit,
} from '../builtins/exceptions.js';
import { toPyException } from '../builtins/to-py-exception.js';
import type { Context } from '../contextvars/index.js';
import { tupleFrom } from '../builtins/tuple.js';
import { Coroutine } from './coroutines.js';
import { AbstractEventLoop, exceptionContext, getRunningLoop } from './events.js';
import { CancelledError } from './exceptions.js';
import { Future } from './futures.js';
import { awaitFuture, currentTask, Task, TaskLoop } from './tasks.js';

/**
 * Runs child tasks as a unit (`async with asyncio.TaskGroup() as tg: tg.createTask(...)`). Leaving the block waits
 * for every child. The first child to fail (other than by cancellation) cancels the others and the block's task;
 * the failures are then raised together as an ExceptionGroup('unhandled errors in a TaskGroup', [...]).
 */
export class TaskGroup {
  static __module__ = 'asyncio.taskgroups';
  _entered = false;
  _exiting = false;
  _aborting = false;
  _loop: TaskLoop | null = null;
  _parentTask: Task | null = null;
  _parentCancelRequested = false;
  /** The children not done yet, in creation order (CPython's set: its order is the address order). */
  readonly _tasks = new Set<Task>();
  _errors: BaseException[] = [];
  _baseError: BaseException | null = null;
  _onCompletedFut: Future | null = null;
  private readonly _onTaskDone = (task: Task): void => this._taskDone(task);

  __repr__(): string {
    let info = '';
    if (this._tasks.size > 0) info += ` tasks=${this._tasks.size}`;
    if (this._errors !== null && this._errors.length > 0) info += ` errors=${this._errors.length}`;
    if (this._aborting) info += ' cancelling';
    else if (this._entered) info += ' entered';
    return `<TaskGroup${info}>`;
  }

  /** Enter the group in the current task; the `as` target is the group itself. */
  async __aenter__(): Promise<TaskGroup> {
    if (this._entered) throw new RuntimeError(`TaskGroup ${this.__repr__()} has already been entered`);
    if (this._loop === null) this._loop = getRunningLoop() as TaskLoop;
    this._parentTask = currentTask(this._loop);
    if (this._parentTask === null) {
      throw new RuntimeError(`TaskGroup ${this.__repr__()} cannot determine the parent task`);
    }
    this._entered = true;
    return this;
  }

  /**
   * Leave the group: wait for every child (an error in the block cancels them first), then raise what the group
   * collected: KeyboardInterrupt/SystemExit as they are, a CancelledError from outside if nothing failed, else an
   * ExceptionGroup of the children's errors followed by the block's own.
   */
  async __aexit__(_excType: unknown, exc: unknown, _tb: unknown): Promise<null> {
    // `et` is read from the exception itself: None without one, CancelledError only for exactly that class.
    const hasError = exc !== null && exc !== undefined;
    const isCancellation = hasError && Object.getPrototypeOf(exc) === CancelledError.prototype;
    this._exiting = true;
    if (hasError && isBaseError(exc) && this._baseError === null) {
      this._baseError = exc as BaseException;
    }
    let propagateCancellationError: BaseException | null = isCancellation ? (exc as BaseException) : null;
    if (this._parentCancelRequested) {
      // The group cancelled its parent task: that cancellation is not the caller's to see.
      if (this._parentTask!.uncancel() === 0) propagateCancellationError = null;
    }
    if (hasError && !this._aborting) this._abort();
    while (this._tasks.size > 0) {
      if (this._onCompletedFut === null) this._onCompletedFut = this._loop!.createFuture();
      try {
        await awaitFuture(this._onCompletedFut);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        if (!this._aborting) {
          propagateCancellationError = e;
          this._abort();
        }
      }
      this._onCompletedFut = null;
    }
    if (this._baseError !== null) throw this._baseError;
    if (propagateCancellationError !== null && this._errors.length === 0) throw propagateCancellationError;
    if (hasError && !isCancellation) {
      this._errors.push(exc as BaseException);
    }
    if (this._errors.length > 0) {
      const errors = this._errors;
      this._errors = null as unknown as BaseException[];
      throw newExceptionGroup('unhandled errors in a TaskGroup', errors).withCause(null);
    }
    return null;
  }

  /**
   * Start `coro` as a child task (named `name` if given) and return it. RuntimeError before the group is entered,
   * after it finished, and while it is shutting down after a failure.
   */
  createTask<T>(coro: Coroutine<T>, options?: { name?: unknown; context?: Context | null }): Task<T> {
    if (!this._entered) throw new RuntimeError(`TaskGroup ${this.__repr__()} has not been entered`);
    if (this._exiting && this._tasks.size === 0) throw new RuntimeError(`TaskGroup ${this.__repr__()} is finished`);
    if (this._aborting) throw new RuntimeError(`TaskGroup ${this.__repr__()} is shutting down`);
    const context = options?.context;
    const task =
      context === null || context === undefined
        ? this._loop!.createTask(coro)
        : this._loop!.createTask(coro, { context });
    const name = options?.name;
    if (name !== null && name !== undefined) task.setName(name);
    task.addDoneCallback(this._onTaskDone);
    this._tasks.add(task as Task);
    return task;
  }

  // TaskGroup._abort: cancel every child still running.
  private _abort(): void {
    this._aborting = true;
    for (const task of this._tasks) if (!task.done()) task.cancel();
  }

  // TaskGroup._on_task_done.
  private _taskDone(task: Task): void {
    this._tasks.delete(task);
    const completed = this._onCompletedFut;
    if (completed !== null && this._tasks.size === 0 && !completed.done()) completed.setResult(true);
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === null) return;
    this._errors.push(exc);
    if (isBaseError(exc) && this._baseError === null) this._baseError = exc;
    const parent = this._parentTask!;
    if (parent.done()) {
      (this._loop as AbstractEventLoop).callExceptionHandler(
        exceptionContext({
          message: `Task ${task.__repr__()} has errored out but its parent task ${parent.__repr__()} is already completed`,
          exception: exc,
          task,
        }),
      );
      return;
    }
    if (!this._aborting && !this._parentCancelRequested) {
      this._abort();
      this._parentCancelRequested = true;
      parent.cancel();
    }
  }
}

function isBaseError(exc: unknown): boolean {
  return exc instanceof SystemExit || exc instanceof KeyboardInterrupt;
}

/**
 * `BaseExceptionGroup(message, excs)`: an ExceptionGroup when every member is an Exception, as CPython picks; its
 * `exceptions` is a tuple.
 */
function newExceptionGroup(message: string, excs: readonly BaseException[]): BaseExceptionGroup {
  const members = tupleFrom(excs);
  // ExceptionGroup is an Exception in Python (it subclasses both BaseExceptionGroup and Exception).
  return excs.every((e) => e instanceof Exception || e instanceof ExceptionGroup)
    ? new ExceptionGroup(message, members)
    : new BaseExceptionGroup(message, members);
}

// BaseExceptionGroup.derive + the attributes split() copies onto each part.
function derive(group: BaseExceptionGroup, excs: readonly BaseException[]): BaseExceptionGroup {
  const part =
    group instanceof ExceptionGroup
      ? new ExceptionGroup(group.message, tupleFrom(excs))
      : newExceptionGroup(group.message, excs);
  part.__cause__ = group.__cause__;
  part.__context__ = group.__context__;
  part.__suppress_context__ = group.__suppress_context__;
  part.__jsstack__ = group.__jsstack__;
  return part;
}

function matches(exc: BaseException, classes: readonly Function[]): boolean {
  return classes.some((cls) => exc instanceof cls);
}

// BaseExceptionGroup.split(type): the matching leaves and the others, each in a copy of the group's shape.
function splitGroup(
  group: BaseExceptionGroup,
  classes: readonly Function[],
): [BaseExceptionGroup | null, BaseExceptionGroup | null] {
  if (matches(group, classes)) return [group, null];
  const matched: BaseException[] = [];
  const rest: BaseException[] = [];
  for (const exc of group.exceptions) {
    if (exc instanceof BaseExceptionGroup) {
      const [m, r] = splitGroup(exc, classes);
      if (m !== null) matched.push(m);
      if (r !== null) rest.push(r);
    } else if (matches(exc, classes)) {
      matched.push(exc);
    } else {
      rest.push(exc);
    }
  }
  return [matched.length > 0 ? derive(group, matched) : null, rest.length > 0 ? derive(group, rest) : null];
}

/**
 * The matching step of `except* A, B` over the exception being handled: `[matched, rest]`, where `matched` is the
 * group of leaves that are instances of `classes` (null if none) and `rest` what is left to re-raise (null if
 * nothing). A naked exception that matches is wrapped in an ExceptionGroup with message '' as CPython does; one
 * that does not is returned as the rest unchanged. Null (nothing left from an earlier clause) gives `[null, null]`.
 */
export function splitExceptionGroup(e: unknown, classes: Function[]): [BaseExceptionGroup | null, unknown | null] {
  if (e === null || e === undefined) return [null, null];
  const exc = toPyException(e);
  if (exc instanceof BaseExceptionGroup) return splitGroup(exc, classes);
  if (matches(exc, classes)) return [newExceptionGroup('', [exc]), null];
  return [null, e];
}
