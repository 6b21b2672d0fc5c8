// Python's `+` and `*` for operands whose types the translator could not pin down (Objects/abstract.c
// PyNumber_Add / PyNumber_Multiply): numbers add, sequences concatenate and repeat, `__add__`/`__radd__`,
// `__mul__`/`__rmul__` on objects, CPython's TypeErrors otherwise.

import { NotImplemented } from './equality.js';
import { TypeError } from './exceptions.js';
import { FloatValue } from './float-marker.js';
import { isTuple, tuple } from './tuple.js';
import { typeName } from './type-name.js';

type Binary = (this: unknown, other: unknown) => unknown;

function numeric(x: unknown): number | undefined {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof FloatValue) return x.value;
  return undefined;
}

function dunder(target: unknown, name: string, other: unknown): { value: unknown } | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const method = (target as Record<string, unknown>)[name];
  if (typeof method !== 'function') return undefined;
  const value = (method as Binary).call(target, other);
  return value === NotImplemented ? undefined : { value };
}

function unsupported(op: string, a: unknown, b: unknown): TypeError {
  return new TypeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** Python's `a + b`. */
export function add(a: unknown, b: unknown): any {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string') {
    if (typeof b === 'string') return a + b;
    throw new TypeError(`can only concatenate str (not "${typeName(b)}") to str`);
  }
  if (Array.isArray(a) && !hasDunder(b, '__radd__')) {
    const kind = isTuple(a) ? 'tuple' : 'list';
    if (!Array.isArray(b) || isTuple(b) !== isTuple(a)) {
      throw new TypeError(`can only concatenate ${kind} (not "${typeName(b)}") to ${kind}`);
    }
    return isTuple(a) ? tuple(...a, ...b) : [...a, ...b];
  }
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x + y;
  const result = dunder(a, '__add__', b) ?? dunder(b, '__radd__', a);
  if (result !== undefined) return result.value;
  throw unsupported('+', a, b);
}

/** Python's `a * b`, including `'ab' * 3` and `[0] * n` (in either order). */
export function mul(a: unknown, b: unknown): any {
  if (typeof a === 'number' && typeof b === 'number') return a * b;
  if (isSequence(a)) return repeat(a, b);
  if (isSequence(b) && !hasDunder(a, '__mul__')) return repeat(b, a);
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x * y;
  const result = dunder(a, '__mul__', b) ?? dunder(b, '__rmul__', a);
  if (result !== undefined) return result.value;
  throw unsupported('*', a, b);
}

function isSequence(x: unknown): x is string | readonly unknown[] {
  return typeof x === 'string' || Array.isArray(x);
}

function hasDunder(x: unknown, name: string): boolean {
  return typeof x === 'object' && x !== null && typeof (x as Record<string, unknown>)[name] === 'function';
}

function repeat(sequence: string | readonly unknown[], times: unknown): any {
  const n = typeof times === 'boolean' ? Number(times) : times;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new TypeError(`can't multiply sequence by non-int of type '${typeName(times)}'`);
  }
  if (typeof sequence === 'string') return n > 0 ? sequence.repeat(n) : '';
  const items: unknown[] = [];
  for (let i = 0; i < n; i++) items.push(...sequence);
  return isTuple(sequence) ? tuple(...items) : items;
}
