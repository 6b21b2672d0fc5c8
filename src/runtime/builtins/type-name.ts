// The Python type name of a runtime value, as CPython's error messages spell it ('int', 'NoneType', 'list'…).

import { PyFloat } from './py-float.js';
import { isTuple } from './tuple.js';

/**
 * `type(x).__name__` for a runtime value. An integral number is 'int' and any other number 'float', unless it
 * carries the float marker; instances of translated classes give their class name.
 */
export function typeName(x: unknown): string {
  switch (typeof x) {
    case 'number':
      return Number.isInteger(x) ? 'int' : 'float';
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'undefined':
      return 'NoneType';
    case 'bigint':
      return 'int';
    case 'function': {
      const builtin = builtinNames.get(x);
      if (builtin !== undefined) return builtin.isClass ? 'type' : 'builtin_function_or_method';
      return isClass(x) ? 'type' : 'function';
    }
    default:
      if (x === null) return 'NoneType';
      if (Array.isArray(x)) return isTuple(x) ? 'tuple' : 'list';
      if (x instanceof PyFloat) return 'float';
      return pythonClassName(x as object);
  }
}

// Runtime classes whose JS name differs from the Python one (PyDict → 'dict') declare a static `__pyname__`.
function pythonClassName(x: object): string {
  const cls = x.constructor as (Function & { __pyname__?: string; __qualname__?: string }) | undefined;
  if (cls === undefined) return 'object';
  return cls.__pyname__ ?? cls.__qualname__ ?? cls.name;
}

// Python names of the runtime's builtin callables and pseudo-classes (`int`, `len`…), registered by their modules.
export const builtinNames = new WeakMap<Function, { name: string; isClass: boolean }>();

/** Make `fn` print as `<class 'name'>` (a builtin type) or `<built-in function name>`. */
export function registerBuiltin(fn: Function, name: string, isClass: boolean): void {
  builtinNames.set(fn, { name, isClass });
}

/** A class (translated or the runtime's), as opposed to a plain function. */
export function isClass(fn: Function): boolean {
  return builtinNames.get(fn)?.isClass ?? Function.prototype.toString.call(fn).startsWith('class');
}
