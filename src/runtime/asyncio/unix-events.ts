// Signal handling of the Unix event loop (Lib/asyncio/unix_events.py _UnixSelectorEventLoop.add_signal_handler /
// remove_signal_handler).
//
// A handler runs as a loop callback: the Node signal event queues the handler's Handle and wakes the loop, as the
// C signal handler's write to the wakeup fd does in CPython.

import { RuntimeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { _installListener, NSIG } from '../signal/index.js';
import type { BaseEventLoop } from './base-events.js';
import { iscoroutine, iscoroutinefunction } from './coroutines.js';
import { Handle } from './events.js';
import { trackHandle, untrackHandle } from './io-handles.js';

interface LoopSignals {
  handlers: Map<number, Handle>;
  // Python's process waits in select() for a signal; a Node process needs a live handle to wait at all.
  keepAlive: NodeJS.Timeout;
}

const signalsByLoop = new WeakMap<BaseEventLoop, LoopSignals>();

// unix_events._UnixSelectorEventLoop._check_signal.
function checkSignal(sig: unknown): number {
  const value =
    typeof sig === 'object' && sig !== null && '_value_' in sig ? (sig as { _value_: unknown })._value_ : sig;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new TypeError(`sig must be an int, not ${repr(sig)}`);
  if (value < 1 || value >= NSIG) throw new ValueError(`sig ${value} out of range(1, ${NSIG})`);
  return value;
}

/** loop.add_signal_handler(sig, callback, *args): run `callback(*args)` as a loop callback when `sig` arrives. */
export function addSignalHandler(loop: BaseEventLoop, sig: unknown, callback: Function, args: unknown[]): void {
  if (iscoroutine(callback) || iscoroutinefunction(callback)) {
    throw new TypeError('coroutines cannot be used with add_signal_handler()');
  }
  const num = checkSignal(sig);
  loop._checkClosed();
  let state = signalsByLoop.get(loop);
  if (state === undefined) {
    const keepAlive = setInterval(() => undefined, 2 ** 30);
    state = { handlers: new Map(), keepAlive };
    signalsByLoop.set(loop, state);
    trackHandle(loop, keepAlive);
  }
  const handle = new Handle(callback, args, loop);
  state.handlers.set(num, handle);
  try {
    _installListener(num, () => handleSignal(loop, num), handleSignal);
  } catch {
    state.handlers.delete(num);
    releaseIfUnused(loop, state);
    throw new RuntimeError(`sig ${num} cannot be caught`);
  }
}

// _UnixSelectorEventLoop._handle_signal: queue the handler (a cancelled one is removed instead).
function handleSignal(loop: BaseEventLoop, num: number): void {
  const handle = signalsByLoop.get(loop)?.handlers.get(num);
  if (handle === undefined) return;
  if (handle._cancelled) {
    removeSignalHandler(loop, num);
    return;
  }
  if (loop.isClosed()) return;
  loop._ready.push(handle);
  loop._wakeUp();
}

/** loop.remove_signal_handler(sig): true if a handler was removed; the signal gets its default action back. */
export function removeSignalHandler(loop: BaseEventLoop, sig: unknown): boolean {
  const num = checkSignal(sig);
  const state = signalsByLoop.get(loop);
  if (state === undefined || !state.handlers.delete(num)) return false;
  _installListener(num, null, null);
  releaseIfUnused(loop, state);
  return true;
}

function releaseIfUnused(loop: BaseEventLoop, state: LoopSignals): void {
  if (state.handlers.size > 0) return;
  clearInterval(state.keepAlive);
  untrackHandle(loop, state.keepAlive);
  signalsByLoop.delete(loop);
}

/** Closing the loop removes its signal handlers (BaseEventLoop.close → remove_signal_handler for each). */
export function removeAllSignalHandlers(loop: BaseEventLoop): void {
  const state = signalsByLoop.get(loop);
  if (state === undefined) return;
  for (const num of [...state.handlers.keys()]) removeSignalHandler(loop, num);
}
