// `obj.__name__` / `obj.__qualname__` for classes and functions: Python's name, where a runtime class carries one
// (`PyDict` is `dict`), else the JS name (classes keep their Python names in translated code).

export function nameOf(x: unknown): string {
  const named = x as { __pyname__?: string; __qualname__?: string; name?: string };
  return named.__pyname__ ?? named.__qualname__ ?? named.name ?? '';
}

/** `obj.__doc__`: the docstring the runtime was told about (translated functions that leave the translator's sight,
 *  and what `functools.wraps` copies), or None. */
export function docOf(x: unknown): string | null {
  return ((x as { __doc__?: string | null } | null)?.__doc__ ?? null) as string | null;
}
