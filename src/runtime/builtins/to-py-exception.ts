// Native JS errors (a bug in hand-written code, a stack overflow, a failed property access) reach Python-level
// `except` clauses and the top-level handler as the Python exceptions CPython would have raised in their place.

import {
  AttributeError,
  BaseException,
  Exception,
  NameError,
  OverflowError,
  RecursionError,
  RuntimeError,
  SyntaxError,
  TypeError,
  ValueError,
} from './exceptions.js';
import { INEXACT_INT_MESSAGE } from './arithmetic.js';

// One JS error maps to one Python exception, so catching and re-raising keeps its identity.
const converted = new WeakMap<object, BaseException>();

/**
 * The Python exception standing for a thrown value: a BaseException as it is; a JS stack overflow as
 * `RecursionError('maximum recursion depth exceeded')`; a JS TypeError/ReferenceError/SyntaxError/RangeError as
 * TypeError/NameError/SyntaxError/ValueError with the JS message; anything else as an `Exception` holding its text.
 */
export function toPyException(e: unknown): BaseException {
  if (e instanceof BaseException) return e;
  if (typeof e !== 'object' || e === null) return new Exception(String(e));
  const known = converted.get(e);
  if (known !== undefined) return known;
  const exc = convertError(e);
  exc.__jsstack__ = (e as Error).stack;
  converted.set(e, exc);
  return exc;
}

function convertError(e: object): BaseException {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError) {
    // V8's "Maximum call stack size exceeded" is Python's RecursionError (Python/ceval.c _Py_CheckRecursiveCall).
    return /call stack/i.test(message)
      ? new RecursionError('maximum recursion depth exceeded')
      : new ValueError(message);
  }
  // an assignment to a `@property` without a setter (V8's message names the JS class)
  const readOnly = /^Cannot set property (\S+) of #<(\w+)> which has only a getter$/.exec(message);
  if (e instanceof globalThis.TypeError && readOnly) {
    return new AttributeError(`property '${readOnly[1]}' of '${readOnly[2]}' object has no setter`);
  }
  // an exact int beyond 2**53 (a bigint, operators.ts) met plain JS arithmetic the translator wrote for ints
  if (
    e instanceof globalThis.TypeError &&
    /^Cannot (mix BigInt and other types|convert a BigInt value to a number)/.test(message)
  ) {
    return new OverflowError(INEXACT_INT_MESSAGE);
  }
  if (e instanceof globalThis.TypeError) return new TypeError(message);
  if (e instanceof globalThis.ReferenceError) return new NameError(message);
  if (e instanceof globalThis.SyntaxError) return new SyntaxError(message);
  if (e instanceof Error) return new RuntimeError(message);
  return new Exception(message);
}
