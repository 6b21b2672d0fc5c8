// pyts/runtime/asyncio: Python's `asyncio` for translated code, with asyncio's names in camelCase.

export { BaseEventLoop } from './base-events.js';
export {
  aw,
  callPythonOrCoro,
  coro,
  coroIfAsync,
  coroOrCall,
  Coroutine,
  iscoroutine,
  iscoroutinefunction,
} from './coroutines.js';
export {
  AbstractEventLoop,
  getEventLoop,
  getRunningLoop,
  Handle,
  newEventLoop,
  setEventLoop,
  TimerHandle,
} from './events.js';
export {
  BrokenBarrierError,
  CancelledError,
  IncompleteReadError,
  InvalidStateError,
  LimitOverrunError,
  SendfileNotAvailableError,
  TimeoutError,
} from './exceptions.js';
export { Future, isfuture } from './futures.js';
export { Runner, run } from './runners.js';
export {
  ALL_COMPLETED,
  allTasks,
  asCompleted,
  createTask,
  currentTask,
  ensureFuture,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  gather,
  shield,
  sleep,
  Task,
  wait,
  waitFor,
} from './tasks.js';
export { Barrier, BoundedSemaphore, Condition, Event, Lock, Semaphore } from './locks.js';
export { LifoQueue, PriorityQueue, Queue, QueueEmpty, QueueFull } from './queues.js';
export { Timeout, timeout, timeoutAt } from './timeouts.js';
export { splitExceptionGroup, TaskGroup } from './taskgroups.js';
export { aiter, anext, asyncGenerator, PyAsyncGenerator } from './async-iter.js';
export { ConcurrentFuture, runCoroutineThreadsafe, toThread } from './threads.js';
export { cancelOnAbort, toPromise } from './interop.js';
export { Server, TransportSocket } from './selector-events.js';
export {
  openConnection,
  openUnixConnection,
  startServer,
  startUnixServer,
  StreamReader,
  StreamReaderProtocol,
  StreamWriter,
} from './streams.js';
export { createSubprocessExec, createSubprocessShell, DEVNULL, PIPE, Process, STDOUT } from './subprocess.js';
