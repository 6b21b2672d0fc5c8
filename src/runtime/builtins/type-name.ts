// The Python type name of a runtime value, as CPython's error messages spell it ('int', 'NoneType', 'list'…).

import { FloatValue } from './float-marker.js';
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
    case 'function':
      return Function.prototype.toString.call(x).startsWith('class') ? 'type' : 'function';
    default:
      if (x === null) return 'NoneType';
      if (Array.isArray(x)) return isTuple(x) ? 'tuple' : 'list';
      if (x instanceof FloatValue) return 'float';
      return pythonClassName(x as object);
  }
}

// Runtime classes whose JS name differs from the Python one (PyDict → 'dict') declare a static `__pyname__`.
function pythonClassName(x: object): string {
  const cls = x.constructor as (Function & { __pyname__?: string; __qualname__?: string }) | undefined;
  if (cls === undefined) return 'object';
  return cls.__pyname__ ?? cls.__qualname__ ?? cls.name;
}
