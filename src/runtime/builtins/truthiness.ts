// Python truthiness (Objects/object.c PyObject_IsTrue): empty containers, zero, '' and None are false.

import { PyFloat } from './py-float.js';

interface WithBool {
  __bool__(): boolean;
}
interface WithLen {
  __len__(): number;
}

/** Python's `bool(x)` as used by `if`, `while`, `and`, `or`, `not`: `__bool__`, then `__len__`, then true. */
export function truthy(x: unknown): boolean {
  switch (typeof x) {
    case 'boolean':
      return x;
    case 'number':
      // NaN is true in Python (only zero is false), where JS treats it as false.
      return x !== 0;
    case 'string':
      return x.length !== 0;
    case 'undefined':
      return false;
    case 'bigint':
      return x !== 0n;
    case 'object':
      if (x === null) return false;
      if (Array.isArray(x)) return x.length !== 0;
      if (x instanceof PyFloat) return x.value !== 0;
      if (typeof (x as WithBool).__bool__ === 'function') return Boolean((x as WithBool).__bool__());
      if (typeof (x as WithLen).__len__ === 'function') return (x as WithLen).__len__() !== 0;
      return true;
    default:
      return true;
  }
}
