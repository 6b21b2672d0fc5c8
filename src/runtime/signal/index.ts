// pyts/runtime/signal: Python's signal module over Node's process signal events. A handler set with
// `signal.signal(sig, handler)` runs as a Node event callback, between two pieces of JavaScript, which is where
// CPython runs its handlers too (between bytecodes of the main thread). asyncio's `loop.add_signal_handler`
// builds on the same registry (asyncio/unix-events.ts).

import { constants } from 'node:os';
import { KeyboardInterrupt, OSError, TypeError, ValueError } from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { defineMembers, IntEnum } from '../enum/enum.js';

/** signal.Signals: the signal numbers of Linux as an IntEnum (`signal.SIGTERM.name` is 'SIGTERM'). */
export class Signals extends IntEnum {
  static __module__ = 'signal';
  declare static readonly SIGHUP: Signals;
  declare static readonly SIGINT: Signals;
  declare static readonly SIGQUIT: Signals;
  declare static readonly SIGILL: Signals;
  declare static readonly SIGTRAP: Signals;
  declare static readonly SIGABRT: Signals;
  declare static readonly SIGBUS: Signals;
  declare static readonly SIGFPE: Signals;
  declare static readonly SIGKILL: Signals;
  declare static readonly SIGUSR1: Signals;
  declare static readonly SIGSEGV: Signals;
  declare static readonly SIGUSR2: Signals;
  declare static readonly SIGPIPE: Signals;
  declare static readonly SIGALRM: Signals;
  declare static readonly SIGTERM: Signals;
  declare static readonly SIGCHLD: Signals;
  declare static readonly SIGCONT: Signals;
  declare static readonly SIGSTOP: Signals;
  declare static readonly SIGTSTP: Signals;
  declare static readonly SIGTTIN: Signals;
  declare static readonly SIGTTOU: Signals;
  declare static readonly SIGWINCH: Signals;
  static {
    defineMembers(this, {
      SIGHUP: 1,
      SIGINT: 2,
      SIGQUIT: 3,
      SIGILL: 4,
      SIGTRAP: 5,
      SIGABRT: 6,
      SIGBUS: 7,
      SIGFPE: 8,
      SIGKILL: 9,
      SIGUSR1: 10,
      SIGSEGV: 11,
      SIGUSR2: 12,
      SIGPIPE: 13,
      SIGALRM: 14,
      SIGTERM: 15,
      SIGCHLD: 17,
      SIGCONT: 18,
      SIGSTOP: 19,
      SIGTSTP: 20,
      SIGTTIN: 21,
      SIGTTOU: 22,
      SIGWINCH: 28,
    });
  }
}

/** signal.Handlers: SIG_DFL and SIG_IGN. */
export class Handlers extends IntEnum {
  static __module__ = 'signal';
  declare static readonly SIG_DFL: Handlers;
  declare static readonly SIG_IGN: Handlers;
  static {
    defineMembers(this, { SIG_DFL: 0, SIG_IGN: 1 });
  }
}

export const SIGHUP = Signals.SIGHUP;
export const SIGINT = Signals.SIGINT;
export const SIGQUIT = Signals.SIGQUIT;
export const SIGABRT = Signals.SIGABRT;
export const SIGKILL = Signals.SIGKILL;
export const SIGUSR1 = Signals.SIGUSR1;
export const SIGUSR2 = Signals.SIGUSR2;
export const SIGPIPE = Signals.SIGPIPE;
export const SIGALRM = Signals.SIGALRM;
export const SIGTERM = Signals.SIGTERM;
export const SIGCHLD = Signals.SIGCHLD;
export const SIGCONT = Signals.SIGCONT;
export const SIGSTOP = Signals.SIGSTOP;
export const SIGTSTP = Signals.SIGTSTP;
export const SIGWINCH = Signals.SIGWINCH;
export const SIG_DFL = Handlers.SIG_DFL;
export const SIG_IGN = Handlers.SIG_IGN;
/** signal.NSIG: one more than the highest signal number. */
export const NSIG = 65;

/** The handler SIGINT has by default: raise KeyboardInterrupt. */
export function defaultIntHandler(_signalnum?: unknown, _frame?: unknown): never {
  throw new KeyboardInterrupt();
}
defaultIntHandler.__qualname__ = 'default_int_handler';

/** A signal number from an int or a Signals member; TypeError / ValueError as signal.signal raises them. */
export function signum(sig: unknown): number {
  const value = sig instanceof IntEnum ? (sig as unknown as { _value_: number })._value_ : sig;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`'${repr(sig)}' object cannot be interpreted as an integer`);
  }
  if (value < 1 || value >= NSIG) throw new ValueError('signal number out of range');
  return value;
}

/** The signal as a Signals member when it has a name, else the number. */
export function signalOf(num: number): Signals | number {
  try {
    return new Signals(num);
  } catch {
    return num;
  }
}

function nodeName(num: number): NodeJS.Signals {
  for (const [name, value] of Object.entries(constants.signals)) if (value === num) return name as NodeJS.Signals;
  throw new ValueError('signal number out of range');
}

// Python-level handlers set by signal.signal(), and the Node listener standing for each.
const handlers = new Map<number, unknown>();
const listeners = new Map<number, () => void>();

/**
 * Install `listener` as what happens when signal `num` arrives (replacing the current one), with `handler` as what
 * getsignal() reports; null restores Node's default. asyncio's add_signal_handler uses it.
 */
export function _installListener(num: number, listener: (() => void) | null, handler: unknown): void {
  const previous = listeners.get(num);
  const name = nodeName(num);
  if (previous !== undefined) process.removeListener(name, previous);
  listeners.delete(num);
  handlers.delete(num);
  if (listener === null) return;
  if (num === 9 || num === 19) throw new OSError(22, 'Invalid argument');
  listeners.set(num, listener);
  handlers.set(num, handler);
  process.on(name, listener);
}

/** True when Python code (signal.signal or loop.add_signal_handler) took SIGINT over from KeyboardInterrupt. */
export function _sigintTakenOver(): boolean {
  return handlers.has(2);
}

/** signal.getsignal(signalnum): the current handler (default_int_handler for SIGINT, SIG_DFL otherwise). */
export function getsignal(signalnum: unknown): unknown {
  const num = signum(signalnum);
  if (handlers.has(num)) return handlers.get(num);
  return num === 2 ? defaultIntHandler : SIG_DFL;
}

/**
 * signal.signal(signalnum, handler): `handler(signum, frame)` is called when the signal arrives (frame is None);
 * SIG_IGN ignores it, SIG_DFL restores the default. Returns the previous handler.
 */
export function signal(signalnum: unknown, handler: unknown): unknown {
  const num = signum(signalnum);
  const previous = getsignal(num);
  if (handler === SIG_DFL || (num === 2 && handler === defaultIntHandler)) {
    _installListener(num, null, null);
  } else if (handler === SIG_IGN) {
    _installListener(num, () => undefined, SIG_IGN);
  } else if (typeof handler === 'function') {
    _installListener(num, () => (handler as (s: unknown, f: unknown) => unknown)(signalOf(num), null), handler);
  } else {
    throw new TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object');
  }
  return previous;
}

/** signal.raise_signal(signalnum): send the signal to this process. */
export function raiseSignal(signalnum: unknown): void {
  process.kill(process.pid, nodeName(signum(signalnum)));
}

/** signal.strsignal(signalnum): the description of the signal ('Terminated'). */
export function strsignal(signalnum: unknown): string | null {
  return DESCRIPTIONS[signum(signalnum)] ?? null;
}

const DESCRIPTIONS: Record<number, string> = {
  1: 'Hangup',
  2: 'Interrupt',
  3: 'Quit',
  6: 'Aborted',
  9: 'Killed',
  10: 'User defined signal 1',
  12: 'User defined signal 2',
  13: 'Broken pipe',
  14: 'Alarm clock',
  15: 'Terminated',
  17: 'Child exited',
};
