// pyts/runtime/functools: `functools.partial` for translated code.

import { PyDict } from '../builtins/dict.js';
import { TypeError } from '../builtins/exceptions.js';
import { iter } from '../builtins/iteration.js';
import { splitKw } from '../builtins/kw.js';
import { nameOf } from '../builtins/names.js';
import { repr } from '../builtins/repr.js';
import { callPython, signatureOf, withSignature } from '../builtins/signature.js';
import { tuple, tupleFrom } from '../builtins/tuple.js';
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
  readonly keywords: PyDict<string, unknown>;
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
    // a bound copy keeps the function's signature, by which the binder places the keywords
    const target = this === undefined || this === null ? func : withSignatureOf(func.bind(this), func);
    return callPython(target, [...bound, ...more], merged);
  } as Partial<R>;
  Object.defineProperties(call, {
    func: { value: func },
    args: { value: bound },
    keywords: { value: new PyDict(Object.entries(keywords)) },
    name: { value: func.name },
    __repr__: { value: () => partialRepr(func, bound, keywords) },
  });
  if (iscoroutinefunction(func)) Object.defineProperty(call, '_is_coroutine', { value: true });
  // called by the binder, a partial's own keywords keep Python's spelling (they are for `func`)
  return withSignature(call, '(*args, **keywords)');
}
function withSignatureOf<F extends Function>(copy: F, original: Function): F {
  const signature = signatureOf(original);
  return signature === undefined ? copy : withSignature(copy, signature);
}

// keyword calls of partial itself go through the binder too (translate/expressions/calls.ts forwardsKeywords)
withSignature(partial, '(func, /, *args, **keywords)');

// functools.partial.__repr__.
function partialRepr(func: Function, args: readonly unknown[], keywords: Keywords): string {
  const parts = [repr(func), ...args.map((a) => repr(a))];
  for (const [key, value] of Object.entries(keywords)) parts.push(`${key}=${repr(value)}`);
  return `functools.partial(${parts.join(', ')})`;
}

/** `functools.reduce(function, iterable[, initial])`, with CPython's TypeError for an empty iterable. */
export function reduce<T, A = T>(fn: (acc: A, item: T) => A, items: Iterable<T>, ...initial: [A?]): A {
  const iterator = iter(items);
  let acc: A;
  if (initial.length > 0) acc = initial[0] as A;
  else {
    const first = iterator.next();
    if (first.done) throw new TypeError('reduce() of empty iterable with no initial value');
    acc = first.value as unknown as A;
  }
  for (let step = iterator.next(); !step.done; step = iterator.next()) acc = fn(acc, step.value);
  return acc;
}

/** What `cache_info()` returns: CPython's named tuple `CacheInfo(hits, misses, maxsize, currsize)`. */
export class CacheInfo {
  constructor(
    readonly hits: number,
    readonly misses: number,
    readonly maxsize: number | null,
    readonly currsize: number,
  ) {}
  __repr__(): string {
    return `CacheInfo(hits=${this.hits}, misses=${this.misses}, maxsize=${repr(this.maxsize)}, currsize=${this.currsize})`;
  }
}

/** A function wrapped by `lru_cache`/`cache`: the function, plus `cacheInfo()` and `cacheClear()`. */
export type Cached<F> = F & { cacheInfo(): CacheInfo; cacheClear(): void; __wrapped__: F };

type AnyFunction = (...args: any[]) => any;

/**
 * `functools.lru_cache(maxsize=128)` as a decorator factory, or applied directly (`@lru_cache`). Calls are keyed
 * by their positional and keyword arguments (`f(1)` and `f(a=1)` are different entries, as in CPython); the least
 * recently used entry goes when the cache is full; `maxsize=None` never evicts.
 */
export function lruCache<F extends AnyFunction>(fn: F): Cached<F>;
export function lruCache(maxsize?: number | null | { maxsize?: number | null }): <F extends AnyFunction>(fn: F) => Cached<F>;
export function lruCache(arg?: unknown): unknown {
  if (typeof arg === 'function') return cached(arg as AnyFunction, 128);
  const maxsize = arg === undefined ? 128 : isKeywords(arg) ? ((arg.maxsize as number | null | undefined) ?? null) : (arg as number | null);
  return (fn: AnyFunction) => cached(fn, maxsize);
}

/** `functools.cache`: an unbounded `lru_cache`. */
export function cache<F extends AnyFunction>(fn: F): Cached<F> {
  return cached(fn, null);
}

function cached<F extends AnyFunction>(fn: F, maxsize: number | null): Cached<F> {
  const entries = new PyDict<unknown, unknown>();
  let hits = 0;
  let misses = 0;
  // takes keywords like any Python function (`*args, **kwargs`), so a keyword call is its own entry
  const wrapper = withSignature(function (this: unknown, ...rest: unknown[]): unknown {
    const [positional, keywords] = splitKw<Keywords>(rest);
    const key = tuple(tupleFrom(positional), tupleFrom(Object.entries(keywords).map(([k, v]) => tuple(k, v))));
    if (entries.has(key)) {
      hits++;
      const value = entries.getItem(key);
      // most recently used goes last
      entries.delItem(key);
      entries.setItem(key, value);
      return value;
    }
    misses++;
    const value = callPython(fn, positional, keywords);
    if (maxsize !== 0) {
      if (maxsize !== null && entries.size >= maxsize) entries.delItem(entries.keys()[Symbol.iterator]().next().value);
      entries.setItem(key, value);
    }
    return value;
  }, '(*args, **kwargs)') as unknown as Cached<F>;
  wrapper.cacheInfo = () => new CacheInfo(hits, misses, maxsize, entries.size);
  wrapper.cacheClear = () => {
    entries.clear();
    hits = misses = 0;
  };
  return updateWrapper(wrapper, fn);
}

/** `functools.update_wrapper(wrapper, wrapped)`: the wrapper takes the wrapped function's name, doc and
 *  `__wrapped__` (and so, for the runtime's binder, its signature). */
export function updateWrapper<W extends object>(wrapper: W, wrapped: unknown): W {
  const target = wrapper as Record<string, unknown>;
  target.__qualname__ = nameOf(wrapped);
  target.__doc__ = (wrapped as { __doc__?: unknown }).__doc__ ?? null;
  target.__wrapped__ = wrapped;
  return wrapper;
}

/** `functools.wraps(wrapped)`: a decorator applying `update_wrapper`. */
export function wraps(wrapped: unknown): <W extends object>(wrapper: W) => W {
  return (wrapper) => updateWrapper(wrapper, wrapped);
}
