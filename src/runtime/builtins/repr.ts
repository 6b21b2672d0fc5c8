// Python's `repr()` and `str()` for every runtime value (Objects/object.c PyObject_Repr / PyObject_Str).
//
// Dispatch: primitives first (hot path), then lists/tuples, then any object with a `__repr__`/`__str__` method
// (PyDict, PySet, range, exceptions and translated user classes all provide theirs), then CPython's default reprs.

import { PyFloat } from './py-float.js';
import { addressOf } from './identity.js';
import { floatRepr, numberRepr } from './number-repr.js';
import { isTuple } from './tuple.js';
import { builtinNames, isClass } from './type-name.js';

export { registerBuiltin } from './type-name.js';

interface WithRepr {
  __repr__(): string;
}
interface WithStr {
  __str__(): string;
}

/** Python's `repr(x)`. */
export function repr(x: unknown): string {
  switch (typeof x) {
    case 'string':
      return stringRepr(x);
    case 'number':
      return numberRepr(x);
    case 'boolean':
      return x ? 'True' : 'False';
    case 'undefined':
      return 'None';
    case 'bigint':
      return x.toString();
    case 'function':
      return functionRepr(x);
    case 'symbol':
      // The runtime's NotImplemented is Symbol('NotImplemented'), printed by its name as in Python.
      return x.description ?? x.toString();
    default:
      return x === null ? 'None' : objectRepr(x as object);
  }
}

/**
 * Python's `str(x)`: strings as they are, objects through `__str__`, everything else as `repr`. `str()` with no
 * argument is '' (an explicit `undefined`, like `null`, is None and gives 'None').
 */
export function str(x?: unknown): string {
  if (typeof x === 'string') return x;
  if (arguments.length === 0) return '';
  if (typeof x === 'object' && x !== null && typeof (x as WithStr).__str__ === 'function') {
    return (x as WithStr).__str__();
  }
  return repr(x);
}

// Containers being printed, to print a list that contains itself as `[...]` (Objects/object.c Py_ReprEnter).
// A stack rather than a Set: it is rarely deeper than a few levels, and pushing is cheaper than hashing.
const reprInProgress: object[] = [];

function objectRepr(x: object): string {
  if (Array.isArray(x)) return sequenceRepr(x);
  if (x instanceof PyFloat) return floatRepr(x.value);
  if (typeof (x as WithRepr).__repr__ === 'function') return (x as WithRepr).__repr__();
  return defaultObjectRepr(x);
}

function sequenceRepr(items: readonly unknown[]): string {
  // Named tuples (sys.version_info) carry their own __repr__; plain arrays have none.
  const own = (items as unknown as Partial<WithRepr>).__repr__;
  if (own !== undefined) return own.call(items);
  const tuple = isTuple(items);
  if (items.length === 0) return tuple ? '()' : '[]';
  if (reprInProgress.includes(items)) return tuple ? '(...)' : '[...]';
  reprInProgress.push(items);
  try {
    let text = repr(items[0]);
    for (let i = 1; i < items.length; i++) text += ', ' + repr(items[i]);
    if (!tuple) return '[' + text + ']';
    return items.length === 1 ? '(' + text + ',)' : '(' + text + ')';
  } finally {
    reprInProgress.pop();
  }
}

/**
 * Run `render` with `container` marked as being printed; a nested occurrence of it prints `placeholder`
 * (`{...}` for a dict, as CPython's Py_ReprEnter does). Used by PyDict and PySet.
 */
export function reprGuarded(container: object, placeholder: string, render: () => string): string {
  if (reprInProgress.includes(container)) return placeholder;
  reprInProgress.push(container);
  try {
    return render();
  } finally {
    reprInProgress.pop();
  }
}

/** `<__main__.Name object at 0x…>`: CPython's object.__repr__. */
export function defaultObjectRepr(x: object): string {
  const cls = x.constructor as Function | undefined;
  if (cls === undefined) return `<object object at ${addressOf(x)}>`;
  const module = moduleOf(cls);
  // Builtin classes print without their module: `<object object at 0x…>`.
  if (module === 'builtins') return `<${className(cls)} object at ${addressOf(x)}>`;
  return `<${module}.${cls.name} object at ${addressOf(x)}>`;
}


/**
 * The module CPython reports for a class: 'builtins' for the runtime's builtin types and exceptions, the class's
 * own static `__module__` when it declares one (asyncio's classes: 'asyncio.exceptions'), else '__main__' (classes
 * of the translated program, including subclasses of builtin or asyncio classes).
 */
export function moduleOf(cls: Function): string {
  if (builtinNames.has(cls)) return 'builtins';
  const own = Object.getOwnPropertyDescriptor(cls, '__module__')?.value;
  return typeof own === 'string' ? own : '__main__';
}

/** The qualified name CPython prints for a class: bare for builtins, `module.Name` otherwise. */
export function className(cls: Function): string {
  const builtin = builtinNames.get(cls);
  if (builtin !== undefined) return builtin.name;
  const module = moduleOf(cls);
  const name = (cls as { __qualname__?: string }).__qualname__ ?? cls.name;
  return module === 'builtins' ? name : `${module}.${name}`;
}

function functionRepr(fn: Function): string {
  const builtin = builtinNames.get(fn);
  if (builtin !== undefined) {
    return builtin.isClass ? `<class '${builtin.name}'>` : `<built-in function ${builtin.name}>`;
  }
  if (isClass(fn)) return `<class '${className(fn)}'>`;
  return `<function ${fn.name || '<lambda>'} at ${addressOf(fn)}>`;
}

// Characters printed as they are in a quoted repr, with no quote or backslash to escape (the common case).
const PLAIN_ASCII = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;
// Characters str.isprintable() rejects: Other (Cc Cf Cs Co Cn) and Separator (Zl Zp Zs) except the space.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's `repr(str)`: single quotes unless the text has `'` and no `"`, with Python's escapes. */
export function stringRepr(s: string): string {
  if (PLAIN_ASCII.test(s)) return "'" + s + "'";
  // Objects/unicodeobject.c unicode_repr: double quotes only if the text has single quotes and no double ones.
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + hex(code, 2);
    else if (code < 0x7f) out += ch;
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      out += code <= 0xff ? '\\x' + hex(code, 2) : code <= 0xffff ? '\\u' + hex(code, 4) : '\\U' + hex(code, 8);
    } else out += ch;
  }
  return out + quote;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
