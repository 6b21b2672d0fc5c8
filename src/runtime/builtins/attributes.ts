// Python's getattr(), setattr(), hasattr() and bound methods taken as values. Attribute names come from Python
// source in snake_case; translated classes spell them in camelCase (emitted-code.md "Names"), so both are tried.

import { AttributeError } from './exceptions.js';
import { typeName } from './type-name.js';

const MISSING = Symbol('missing');

function camelCase(name: string): string {
  return name.replace(/(?<=[a-z0-9])_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
}

function lookup(obj: unknown, name: string): unknown {
  if (obj === null || obj === undefined) return MISSING;
  const target = Object(obj) as Record<string, unknown>;
  if (name in target) return target[name];
  const camel = camelCase(name);
  return camel in target ? target[camel] : MISSING;
}

function missing(obj: unknown, name: string): AttributeError {
  if (typeof obj === 'function') return new AttributeError(`type object '${obj.name}' has no attribute '${name}'`);
  return new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
}

/** Python's `getattr(obj, name[, default])`: AttributeError when absent and no default is given. */
export function getattr(obj: unknown, name: string, ...defaultValue: [unknown?]): any {
  const value = lookup(obj, name);
  if (value !== MISSING) return typeof value === 'function' && typeof obj === 'object' ? value.bind(obj) : value;
  if (defaultValue.length > 0) return defaultValue[0];
  throw missing(obj, name);
}

/** Python's `setattr(obj, name, value)`: sets the camelCase spelling when the object already has it. */
export function setattr(obj: object, name: string, value: unknown): void {
  const camel = camelCase(name);
  (obj as Record<string, unknown>)[!(name in obj) && camel in obj ? camel : name] = value;
}

/** Python's `hasattr(obj, name)`. */
export function hasattr(obj: unknown, name: string): boolean {
  return lookup(obj, name) !== MISSING;
}

/** Python's bound method `obj.name` taken as a value: the method with `obj` as `this`; AttributeError if absent. */
export function bound(obj: unknown, name: string): (...args: unknown[]) => unknown {
  const method = lookup(obj, name);
  if (method === MISSING) throw missing(obj, name);
  if (typeof method !== 'function') return method as (...args: unknown[]) => unknown;
  return method.bind(obj);
}

/** Python's `delattr(obj, name)` (and `del obj.name`): AttributeError when the attribute is absent. */
export function delattr(obj: object, name: string): void {
  const camel = camelCase(name);
  const key = !(name in obj) && camel in obj ? camel : name;
  if (!(key in obj)) throw missing(obj, name);
  delete (obj as Record<string, unknown>)[key];
}
