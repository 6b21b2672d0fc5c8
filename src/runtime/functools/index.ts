// pyts/runtime/functools: `functools.partial` for translated code.

import { repr } from '../builtins/repr.js';
import { tupleFrom } from '../builtins/tuple.js';
import { iscoroutinefunction } from '../asyncio/coroutines.js';

export { totalOrdering } from './total-ordering.js';

type Keywords = Record<string, unknown>;

/** A translated call's trailing keyword arguments: a plain object (`f(1, { mod: 7 })`). */
function isKeywords(x: unknown): x is Keywords {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}

/** What `functools.partial` returns: callable, with Python's `func`, `args` and `keywords`. */
export interface Partial<R> {
  (...args: unknown[]): R;
  readonly func: (...args: any[]) => R;
  readonly args: readonly unknown[];
  readonly keywords: Keywords;
  __repr__(): string;
}

/**
 * `functools.partial(func, *args, **keywords)`: a callable that calls `func` with `args` followed by its own
 * positional arguments, and with `keywords` updated by its own keyword arguments. Its repr is CPython's
 * (`functools.partial(<function f at 0x…>, 1, mod=7)`); a partial of an async function is a coroutine function.
 */
export function partial<R>(func: (...args: any[]) => R, ...args: unknown[]): Partial<R> {
  const keywords: Keywords =
    args.length > 0 && isKeywords(args[args.length - 1]) ? { ...(args.pop() as Keywords) } : {};
  const bound = tupleFrom(args);
  const call = function (this: unknown, ...more: unknown[]): R {
    const extra = more.length > 0 && isKeywords(more[more.length - 1]) ? (more.pop() as Keywords) : null;
    const merged = extra === null ? keywords : { ...keywords, ...extra };
    const positional = [...bound, ...more];
    return Object.keys(merged).length > 0 ? func.apply(this, [...positional, merged]) : func.apply(this, positional);
  } as Partial<R>;
  Object.defineProperties(call, {
    func: { value: func },
    args: { value: bound },
    keywords: { value: keywords },
    name: { value: func.name },
    __repr__: { value: () => partialRepr(func, bound, keywords) },
  });
  if (iscoroutinefunction(func)) Object.defineProperty(call, '_is_coroutine', { value: true });
  return call;
}

// functools.partial.__repr__.
function partialRepr(func: Function, args: readonly unknown[], keywords: Keywords): string {
  const parts = [repr(func), ...args.map((a) => repr(a))];
  for (const [key, value] of Object.entries(keywords)) parts.push(`${key}=${repr(value)}`);
  return `functools.partial(${parts.join(', ')})`;
}
