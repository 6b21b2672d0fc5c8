// Python keyword arguments for runtime functions whose positional arguments can be any value (`print`, `dict`,
// `max`…): the translator wraps them with `kw({...})` so they cannot be mistaken for a plain object being passed.

const KW_BRAND = Symbol.for('pyts.kw');

/** Keyword arguments `{ sep, end, key, … }`, marked so the called function can tell them from a value. */
export type Kw<T extends object> = T & { readonly [KW_BRAND]: true };

/** Mark `options` as keyword arguments: `print(a, kw({ end: '' }))`. */
export function kw<T extends object>(options: T): Kw<T> {
  (options as Record<symbol, unknown>)[KW_BRAND] = true;
  return options as Kw<T>;
}

/** True when `x` was made by `kw`. */
export function isKw(x: unknown): x is Kw<Record<string, unknown>> {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[KW_BRAND] === true;
}

/**
 * Split a trailing `kw(...)` argument from the positional ones: `[positional, keywords]`, keywords `{}` when the
 * last argument is not a `kw` object. Translated functions with `*args`/`**kwargs` call it on their rest parameter.
 */
export function splitKw<T extends object>(args: unknown[]): [unknown[], Partial<T>] {
  const last = args[args.length - 1];
  if (args.length > 0 && isKw(last)) return [args.slice(0, -1), last as Partial<T>];
  return [args, {}];
}
