// `obj.__name__` / `obj.__qualname__` for classes and functions: Python's name, where a runtime class carries one
// (`PyDict` is `dict`), else the JS name (classes keep their Python names in translated code).

export function nameOf(x: unknown): string {
  const named = x as { __pyname__?: string; __qualname__?: string; name?: string };
  return named.__pyname__ ?? named.__qualname__ ?? named.name ?? '';
}
