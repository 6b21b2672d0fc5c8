// Bridges for TypeScript written by hand next to translated code. Futures and Tasks are deliberately not
// thenables (an async function returning a Task must return the Task, as Python does), so these make the
// crossings explicit:
//   - `toPromise(task)`: a native Promise settled with the future's outcome, for `await` outside the event loop's
//     tasks or for `Promise.all([...])`;
//   - `aw(promise)` (coroutines.ts): a native Promise awaited inside a translated coroutine, routed through a
//     runtime future so the task keeps its turn order;
//   - `cancelOnAbort(task, signal)`: an AbortSignal that cancels a task (with the signal's reason as the message).
import type { Future } from './futures.js';

/**
 * A native Promise for a future or task: fulfilled with its result, rejected with its exception (CancelledError
 * when it was cancelled). Calling it never changes the future (the exception counts as retrieved).
 */
export function toPromise<T>(future: Future<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const settle = () => {
      try {
        resolve(future.result());
      } catch (error) {
        reject(error);
      }
    };
    if (future.done()) settle();
    else future.addDoneCallback(settle);
  });
}

/** Cancel `task` when `signal` aborts (at once if it already has); the abort reason becomes the cancel message. */
export function cancelOnAbort(task: Future<unknown>, signal: AbortSignal): void {
  const message = () => (signal.reason instanceof Error ? signal.reason.message : (signal.reason ?? null));
  if (signal.aborted) {
    task.cancel(message());
    return;
  }
  // the abort comes from outside the loop (a timer, an HTTP request…): a loop sleeping until its next timer must
  // be woken, as call_soon_threadsafe does
  const onAbort = () => task.getLoop().callSoonThreadsafe(() => task.cancel(message()));
  signal.addEventListener('abort', onAbort, { once: true });
  task.addDoneCallback(() => signal.removeEventListener('abort', onAbort));
}
