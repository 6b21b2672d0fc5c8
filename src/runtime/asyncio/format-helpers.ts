// How asyncio prints callbacks and results in reprs and log messages (Lib/asyncio/format_helpers.py, reprlib).

import { repr } from '../builtins/repr.js';
import { isTuple } from '../builtins/tuple.js';

/** A function's Python-visible name: its `__qualname__` when the translator set one, else its JS name. */
export function callableName(fn: Function): string {
  const qualname = (fn as { __qualname__?: unknown }).__qualname__;
  if (typeof qualname === 'string') return qualname;
  const name = fn.name.startsWith('bound ') ? fn.name.slice(6) : fn.name;
  return name === '' ? '<lambda>' : name;
}

/** `cb(1, 'x')`: format_helpers._format_callback, the callback with its arguments (source location unknown here). */
export function formatCallback(fn: Function, args: readonly unknown[]): string {
  return callableName(fn) + '(' + args.map((a) => repr(a)).join(', ') + ')';
}

/**
 * reprlib.repr as futures print results: strings longer than 30 characters and lists longer than 6 items are
 * abbreviated ('xxxxxxxxxxxx...xxxxxxxxxxxxx', `[0, 1, 2, 3, 4, 5, ...]`).
 */
export function reprlibRepr(x: unknown): string {
  if (typeof x === 'string') {
    const whole = repr(x);
    if (whole.length <= 30) return whole;
    // reprlib.Repr.repr_str with maxstring 30: keep 13 characters of the front and 14 of the back.
    const short = repr(x.slice(0, 13) + x.slice(x.length - 14));
    return short.slice(0, 13) + '...' + short.slice(short.length - 14);
  }
  if (Array.isArray(x) && !isTuple(x) && x.length > 6) {
    return '[' + x.slice(0, 6).map((v) => reprlibRepr(v)).join(', ') + ', ...]';
  }
  return repr(x);
}
