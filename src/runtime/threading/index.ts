// pyts/runtime/threading: the part of Python's `threading` that asyncio programs use with `to_thread` and
// `call_soon_threadsafe`.
//
// JS has no shared-memory threads for arbitrary closures, so a "thread" here is simulated: its target runs on the
// main JS thread as a separate macrotask, outside the event loop's control, with `current_thread()` naming it and
// no running event loop (as in a real worker thread). It cannot run in parallel with the loop, and `join()` on a
// thread that has not run yet runs it on the spot.

import { RuntimeError } from '../builtins/exceptions.js';
import { _getRunningLoop, _setRunningLoop } from '../asyncio/events.js';
import { Context } from '../contextvars/index.js';

let threadCounter = 0;
let nextIdent = 140000000000000;

type ThreadOptions = {
  group?: null;
  target?: ((...args: any[]) => unknown) | null;
  name?: string | null;
  args?: readonly unknown[];
  kwargs?: Record<string, unknown> | null;
  daemon?: boolean | null;
};

/** A thread of control (threading.Thread), simulated (see the module comment). */
class ThreadImpl {
  static __pyname__ = 'Thread';
  static __module__ = 'threading';
  name: string;
  daemon: boolean;
  ident: number | null = null;
  readonly _target: ((...args: any[]) => unknown) | null;
  readonly _args: readonly unknown[];
  readonly _kwargs: Record<string, unknown> | null;
  /** The contextvars context of the thread: empty when it starts, as for a new Python thread. */
  readonly _context: Context = new Context();
  _started = false;
  _finished = false;
  private _pending: NodeJS.Immediate | null = null;

  constructor(options: ThreadOptions = {}) {
    this._target = options.target ?? null;
    this._args = options.args ?? [];
    this._kwargs = options.kwargs ?? null;
    if (options.name === null || options.name === undefined) {
      // threading._newname: only unnamed threads take a number, followed by the target's name.
      threadCounter += 1;
      const targetName = this._target !== null && this._target.name ? ` (${this._target.name})` : '';
      this.name = `Thread-${threadCounter}${targetName}`;
    } else {
      this.name = options.name;
    }
    this.daemon = options.daemon ?? false;
  }

  /** Start the thread: its `run()` is called later, outside the event loop. */
  start(): void {
    if (this._started) throw new RuntimeError('threads can only be started once');
    this._started = true;
    this.ident = nextIdent++;
    this._pending = setImmediate(() => this._bootstrap());
  }

  /** What the thread does: call the target with the arguments. */
  run(): void {
    if (this._target === null) return;
    if (this._kwargs !== null) this._target(...this._args, this._kwargs);
    else this._target(...this._args);
  }

  /** Wait until the thread has finished (a thread that has not run yet runs now). */
  join(_timeout: number | null = null): void {
    if (!this._started) throw new RuntimeError('cannot join thread before it is started');
    if (this === currentThreadObject) throw new RuntimeError('cannot join current thread');
    if (!this._finished) {
      if (this._pending !== null) clearImmediate(this._pending);
      this._bootstrap();
    }
  }

  isAlive(): boolean {
    return this._started && !this._finished;
  }

  getName(): string {
    return this.name;
  }

  _bootstrap(): void {
    this._pending = null;
    try {
      _runAsThread(this, () => this.run());
    } finally {
      this._finished = true;
    }
  }

  __repr__(): string {
    const state = this._finished ? 'stopped' : this._started ? 'started' : 'initial';
    const ident = this.ident === null ? '' : ` ${this.ident}`;
    return `<Thread(${this.name}, ${state}${this.daemon ? ' daemon' : ''}${ident})>`;
  }
}

// The main thread object; its name is CPython's.
class MainThread extends ThreadImpl {
  constructor() {
    super({ name: 'MainThread' });
    this._started = true;
    this.ident = nextIdent++;
  }

  override __repr__(): string {
    return `<_MainThread(MainThread, started ${this.ident})>`;
  }
}

const mainThreadObject = new MainThread();
let currentThreadObject: ThreadImpl = mainThreadObject;

/**
 * Run `fn` as the body of the simulated thread `thread`: `current_thread()` is that thread, no event loop is
 * running, and context variables are the thread's own. Used by Thread and by asyncio's executor.
 */
export function _runAsThread<R>(thread: ThreadImpl, fn: () => R): R {
  const previousThread = currentThreadObject;
  const previousLoop = _getRunningLoop();
  currentThreadObject = thread;
  _setRunningLoop(null);
  try {
    return thread._context.run(fn);
  } finally {
    currentThreadObject = previousThread;
    _setRunningLoop(previousLoop);
  }
}

/** threading.current_thread(). */
export function currentThread(): ThreadImpl {
  return currentThreadObject;
}

/** threading.main_thread(). */
export function mainThread(): ThreadImpl {
  return mainThreadObject;
}

/** threading.get_ident(). */
export function getIdent(): number {
  return currentThreadObject.ident!;
}

/** `Thread(...)` works with or without `new`, as translated code calls classes of other modules. */
export const Thread = new Proxy(ThreadImpl, {
  apply: (target, _thisArg, args: [ThreadOptions?]) => new target(...args),
}) as typeof ThreadImpl & ((options?: ThreadOptions) => ThreadImpl);
export type Thread = ThreadImpl;

/** A worker thread of asyncio's default executor (ThreadPoolExecutor(thread_name_prefix='asyncio')). */
export function _executorThread(index: number): ThreadImpl {
  return new ThreadImpl({ name: `asyncio_${index}` });
}
