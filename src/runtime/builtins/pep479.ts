// PEP 479: a StopIteration that escapes a coroutine or generator body becomes RuntimeError("coroutine raised
// StopIteration"), chained to it, so it cannot silently end an iteration somewhere up the stack.
import { RuntimeError, StopIteration } from './exceptions.js';

/** What the body of a coroutine (or generator) raises to its caller when it raised `error`. */
export function guardStopIteration(error: unknown, kind: 'coroutine' | 'generator' | 'async generator' = 'coroutine'): unknown {
  if (!(error instanceof StopIteration)) return error;
  const replacement = new RuntimeError(`${kind} raised StopIteration`);
  replacement.__cause__ = error;
  replacement.__context__ = error;
  return replacement;
}
