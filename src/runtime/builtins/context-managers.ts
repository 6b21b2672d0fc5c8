// The error path of a `with` statement (PEP 343): `__exit__(type(e), e, tb)` decides whether the exception is
// swallowed. Raising inside `__exit__` happens while `e` is being handled, so the new exception's `__context__`
// is `e`, as in CPython.
import { BaseException } from './exceptions.js';
import { type } from './builtin-types.js';
import { toPyException } from './to-py-exception.js';
import { tracebackOf } from './traceback-object.js';
import { truthy } from './truthiness.js';

interface SyncManager {
  __exit__(type: unknown, value: unknown, tb: unknown): unknown;
}
interface AsyncManager {
  __aexit__(type: unknown, value: unknown, tb: unknown): unknown;
}

/** `with` leaving by an exception: true when `manager.__exit__` swallows `error`. */
export function exitSwallows(manager: SyncManager, error: unknown): boolean {
  const exception = toPyException(error);
  try {
    return truthy(manager.__exit__(type(exception), exception, tracebackOf(exception)));
  } catch (raised) {
    throw chained(raised, exception);
  }
}

/**
 * `async with` leaving by an exception: true when the awaited `manager.__aexit__` swallows `error`. Also serves a
 * synchronous `__exit__` that runs the event loop (asyncio.Runner), whose result JavaScript must await.
 */
export async function asyncExitSwallows(
  manager: AsyncManager | SyncManager,
  error: unknown,
  method: '__aexit__' | '__exit__' = '__aexit__',
): Promise<boolean> {
  const exception = toPyException(error);
  try {
    const exit = (manager as unknown as Record<string, (t: unknown, v: unknown, tb: unknown) => unknown>)[method]!;
    return truthy(await exit.call(manager, type(exception), exception, tracebackOf(exception)));
  } catch (raised) {
    throw chained(raised, exception);
  }
}

function chained(raised: unknown, handled: unknown): unknown {
  return raised instanceof BaseException ? raised.withContext(handled) : raised;
}
