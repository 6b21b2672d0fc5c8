// The `tb` argument of `__exit__`/`__aexit__`: Python passes the raised exception's traceback object. JS has no
// frames to give, but code commonly tests `tb is None` to tell "raised" from "not raised", so a raised exception
// gets a traceback object (one per exception, like `exc.__traceback__`).
import { addressOf } from './identity.js';

export class TracebackType {
  static readonly __pyname__ = 'traceback';
  __repr__(): string {
    return `<traceback object at ${addressOf(this)}>`;
  }
}

const tracebacks = new WeakMap<object, TracebackType>();

/** The traceback object of a raised exception. */
export function tracebackOf(exc: unknown): TracebackType | null {
  if (typeof exc !== 'object' || exc === null) return null;
  let tb = tracebacks.get(exc);
  if (!tb) {
    tb = new TracebackType();
    tracebacks.set(exc, tb);
  }
  return tb;
}
