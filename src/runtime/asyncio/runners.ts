// asyncio.run and asyncio.Runner (Lib/asyncio/runners.py).

import { KeyboardInterrupt, RuntimeError, ValueError } from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { _setSigintOverride, BaseEventLoop } from './base-events.js';
import { Coroutine, coro } from './coroutines.js';
import { _getRunningLoop, exceptionContext, newEventLoop, setEventLoop } from './events.js';
import { CancelledError } from './exceptions.js';
import { allTasks, gather, Task } from './tasks.js';

const CREATED = 0;
const INITIALIZED = 1;
const CLOSED = 2;

/**
 * A context for running coroutines on one new loop (asyncio.Runner): `run()` may be called several times;
 * `close()` cancels what is left, shuts the loop down and unsets it.
 */
export class Runner {
  private _state = CREATED;
  private _loop: BaseEventLoop | null = null;
  private _interruptCount = 0;
  private readonly _debug: boolean | null;

  constructor(options?: { debug?: boolean | null }) {
    this._debug = options?.debug ?? null;
  }

  /** `with asyncio.Runner() as runner:` gives the runner (Runner.__enter__). */
  __enter__(): this {
    this._lazyInit();
    return this;
  }

  /**
   * Leaving the `with` block closes the runner (Runner.__exit__). Closing runs the loop to let the remaining tasks
   * clean up, so the returned promise must be awaited before the code after the block runs; it resolves to false
   * (exceptions are not swallowed).
   */
  async __exit__(): Promise<false> {
    await this.close();
    return false;
  }

  /** The runner's loop (created on first use). */
  getLoop(): BaseEventLoop {
    this._lazyInit();
    return this._loop!;
  }

  /**
   * Run `main` in a new task until it completes and return its result (Runner.run). While it runs, a first SIGINT
   * cancels the main task, and if it then ends cancelled KeyboardInterrupt is raised; a second SIGINT raises
   * KeyboardInterrupt at once.
   */
  async run<T>(main: Coroutine<T>): Promise<T> {
    if (!(main instanceof Coroutine)) throw new ValueError(`a coroutine was expected, got ${repr(main)}`);
    if (_getRunningLoop() !== null) {
      throw new RuntimeError('Runner.run() cannot be called from a running event loop');
    }
    this._lazyInit();
    const loop = this._loop!;
    const task = loop.createTask(main);
    this._interruptCount = 0;
    _setSigintOverride(() => this._onSigint(task));
    try {
      return await loop.runUntilComplete(task);
    } catch (e) {
      if (e instanceof CancelledError && this._interruptCount > 0 && task.uncancel() === 0) {
        const interrupt = new KeyboardInterrupt();
        interrupt.__context__ = e;
        throw interrupt;
      }
      throw e;
    } finally {
      _setSigintOverride(null);
    }
  }

  /** Cancel the remaining tasks, run their clean-up, shut the loop down and close it (Runner.close). */
  async close(): Promise<void> {
    if (this._state !== INITIALIZED) return;
    const loop = this._loop!;
    try {
      await cancelAllTasks(loop);
      await loop.runUntilComplete(coro(loop.shutdownAsyncgens.bind(loop)));
      await loop.runUntilComplete(coro(loop.shutdownDefaultExecutor.bind(loop)));
    } finally {
      setEventLoop(null);
      loop.close();
      this._loop = null;
      this._state = CLOSED;
    }
  }

  private _lazyInit(): void {
    if (this._state === CLOSED) throw new RuntimeError('Runner is closed');
    if (this._state === INITIALIZED) return;
    this._loop = newEventLoop() as BaseEventLoop;
    setEventLoop(this._loop);
    if (this._debug !== null) this._loop.setDebug(this._debug);
    this._state = INITIALIZED;
  }

  // Runner._on_sigint.
  private _onSigint(mainTask: Task): void {
    this._interruptCount += 1;
    const loop = this._loop!;
    if (this._interruptCount === 1 && !mainTask.done()) {
      mainTask.cancel();
      loop.callSoonThreadsafe(() => {});
      return;
    }
    loop._interrupt(new KeyboardInterrupt());
  }
}

// runners._cancel_all_tasks: cancel what is left, let it clean up, and report exceptions nobody will see.
async function cancelAllTasks(loop: BaseEventLoop): Promise<void> {
  const toCancel = allTasks(loop);
  if (toCancel.size === 0) return;
  for (const task of toCancel) task.cancel();
  await loop.runUntilComplete(gather(...toCancel, { returnExceptions: true }));
  for (const task of toCancel) {
    if (task.cancelled()) continue;
    const exc = task.exception();
    if (exc !== null) {
      loop.callExceptionHandler(
        exceptionContext({ message: 'unhandled exception during asyncio.run() shutdown', exception: exc, task }),
      );
    }
  }
}

/**
 * asyncio.run: run `main` on a new loop and return its result; then cancel the tasks left, shut down and close
 * the loop, whether `main` returned or raised. At module top level: `await asyncio.run(coro(main))`.
 */
export async function run<T>(main: Coroutine<T>, options?: { debug?: boolean | null }): Promise<T> {
  if (_getRunningLoop() !== null) {
    throw new RuntimeError('asyncio.run() cannot be called from a running event loop');
  }
  const runner = new Runner({ debug: options?.debug ?? null });
  try {
    return await runner.run(main);
  } finally {
    await runner.close();
  }
}
