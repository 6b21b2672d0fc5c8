// The Node handles (sockets, servers, child processes) that belong to an event loop, and what keeps the process
// alive. CPython's process lives as long as its code runs, whatever sockets are open; a Node process lives while a
// referenced handle is open. So a loop's handles are referenced only while the loop runs (it may be waiting for
// them), and unreferenced when it stops: a program that ends with a server or a connection still open exits, as
// it does under CPython, instead of hanging.

/** Something Node counts towards keeping the process alive (net.Socket, net.Server, ChildProcess). */
export interface Refable {
  ref(): unknown;
  unref(): unknown;
}

interface LoopState {
  isRunning(): boolean;
}

const handlesByLoop = new WeakMap<object, Set<Refable>>();

/** Count `handle` as the loop's: referenced while the loop runs. */
export function trackHandle(loop: LoopState, handle: Refable): void {
  let handles = handlesByLoop.get(loop);
  if (handles === undefined) {
    handles = new Set();
    handlesByLoop.set(loop, handles);
  }
  handles.add(handle);
  if (loop.isRunning()) handle.ref();
  else handle.unref();
}

/** The handle was closed: forget it. */
export function untrackHandle(loop: LoopState, handle: Refable): void {
  handlesByLoop.get(loop)?.delete(handle);
}

/** The loop starts (`running`) or stops running: reference or unreference its handles. */
export function refLoopHandles(loop: object, running: boolean): void {
  const handles = handlesByLoop.get(loop);
  if (handles === undefined) return;
  for (const handle of handles) {
    if (running) handle.ref();
    else handle.unref();
  }
}

interface LoopCalls extends LoopState {
  isClosed(): boolean;
  callSoonThreadsafe(callback: Function, ...args: unknown[]): unknown;
}

/**
 * Queue `callback(...args)` on the loop from a Node event (call_soon_threadsafe). Events of handles that outlive a
 * closed loop (a connection still open when asyncio.run ended) are dropped: CPython's closed loop no longer
 * watches its sockets either.
 */
export function callFromNode(loop: LoopCalls, callback: Function, ...args: unknown[]): void {
  if (!loop.isClosed()) loop.callSoonThreadsafe(callback, ...args);
}
