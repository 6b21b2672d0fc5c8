// Python's getattr(), setattr(), hasattr() and bound methods taken as values. Attribute names come from Python
// source in snake_case; translated classes spell them in camelCase (emitted-code.md "Names"), so both are tried.

import { classmethod, memberOf, property, staticmethod } from './descriptors.js';
import { PyDict } from './dict.js';
import { AttributeError, TypeError } from './exceptions.js';
import { callMethod, LIST_METHOD_NAMES } from './method-dispatch.js';
import { tuple } from './tuple.js';
import { typeName } from './type-name.js';

const MISSING = Symbol('missing');

function camelCase(name: string): string {
  return name.replace(/(?<=[a-z0-9])_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
}

function lookup(obj: unknown, name: string): unknown {
  if (obj === null || obj === undefined) return MISSING;
  // a Python list is a JS array, whose own `pop`, `sort`, `reverse` are not Python's and which has no `append`
  if (Array.isArray(obj) && LIST_METHOD_NAMES.includes(name)) {
    return (...args: unknown[]) => callMethod(obj, name, ...args);
  }
  if (typeof obj === 'function' && FUNCTION_OWN.has(name)) return classOwn(obj, name);
  const target = Object(obj) as Record<string, unknown>;
  if (name in target) return target[name];
  const camel = camelCase(name);
  return camel in target ? target[camel] : MISSING;
}

function isStaticField(cls: object, name: string): boolean {
  for (let c: unknown = cls; typeof c === 'function'; c = Object.getPrototypeOf(c)) {
    const d = Object.getOwnPropertyDescriptor(c, name);
    if (d) return d.enumerable === true;
  }
  return false;
}

// `length`, `name`… of a class: only a class attribute of that name counts (JS gives every function its own), which
// is a writable, enumerable static field on the class or one of its bases.
function classOwn(cls: Function, name: string): unknown {
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const d = Object.getOwnPropertyDescriptor(c, name);
    if (d?.enumerable) return (c as unknown as Record<string, unknown>)[name];
  }
  return MISSING;
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
  const key = !(name in obj) && camel in obj ? camel : name;
  const accessor = inheritedAccessor(obj, key);
  if (accessor !== null && accessor.set === undefined) {
    throw new AttributeError(`property '${name}' of '${typeName(obj)}' object has no setter`);
  }
  (obj as Record<string, unknown>)[key] = value;
}

/** The accessor (a `@property`) that `obj` inherits for `key`, if any. */
function inheritedAccessor(obj: object, key: string): PropertyDescriptor | null {
  for (let o: object | null = Object.getPrototypeOf(obj); o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d !== undefined) return d.get !== undefined || d.set !== undefined ? d : null;
  }
  return null;
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
  // only the object's own attribute can be deleted: a class attribute seen through an instance stays
  const own = (key: string) => Object.prototype.hasOwnProperty.call(obj, key);
  const camel = camelCase(name);
  const key = !(name in obj) && camel in obj ? camel : name;
  // a `@property` (translated classes define no deleters); an instance's view of a class attribute is not one
  const accessor = own(key) ? null : inheritedAccessor(obj, key);
  if (accessor !== null && !(accessor.get !== undefined && classAttributeViews.has(accessor.get))) {
    throw new AttributeError(`property '${name}' of '${typeName(obj)}' object has no deleter`);
  }
  if (!own(key)) throw missing(obj, name);
  delete (obj as Record<string, unknown>)[key];
}

/**
 * Python's `vars(obj)` and `obj.__dict__`, as a new dict: an instance's attributes in the order they were set, or
 * a class's attributes (class variables and methods). A field declared but never assigned is not an attribute yet.
 * The dict is a copy, where Python's is the live namespace: assigning into it does not set attributes.
 */
export function vars(obj: unknown): PyDict<string, unknown> {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) {
    throw new TypeError('vars() argument must have __dict__ attribute');
  }
  const entries: (readonly [string, unknown])[] = [];
  // keys in Python's spelling, as the class told the runtime (descriptors.ts pythonMembers)
  const owner = typeof obj === 'function' ? obj : (obj as object).constructor;
  const add = (source: object, skip: ReadonlySet<string>, isStatic: boolean) => {
    for (const key of Object.getOwnPropertyNames(source)) {
      if (skip.has(key)) continue;
      const d = Object.getOwnPropertyDescriptor(source, key)!;
      // an instance's view of a class attribute (classAttributes below) is not in the class's namespace
      if (d.get !== undefined && classAttributeViews.has(d.get)) continue;
      const member = memberOf(owner, key);
      const value =
        d.get !== undefined || d.set !== undefined
          ? new property(d.get ?? null, d.set ?? null)
          : isStatic && typeof d.value === 'function' && member?.kind
            ? new (member.kind === 'staticmethod' ? staticmethod : classmethod)(d.value)
            : d.value;
      if (value !== undefined) entries.push(tuple(member?.python ?? key, value));
    }
  };
  if (typeof obj === 'function') {
    add(obj, FUNCTION_OWN, true);
    if (obj.prototype) add(obj.prototype, new Set(['constructor']), false);
  } else {
    add(obj, NO_NAMES, false);
  }
  return new PyDict(entries);
}

const NO_NAMES: ReadonlySet<string> = new Set();
const classAttributeViews = new WeakSet<Function>();
// what every JS function (and class) has of its own, which Python's class namespace does not show
const FUNCTION_OWN: ReadonlySet<string> = new Set(['length', 'name', 'prototype', 'arguments', 'caller']);

/**
 * Make class attributes (`static` fields of a translated class) and static/class methods readable through its
 * instances, as Python looks an attribute up on the instance, then on its class. Reading `obj.name` gives the class's
 * current value (of the instance's own class, so a subclass's override wins), a method bound to that class;
 * assigning `obj.name = v` gives the instance its own value, which hides the class's until `del obj.name`.
 */
export function classAttributes(cls: Function, ...names: string[]): void {
  for (const name of names) {
    const get = function (this: object) {
      const owner = this.constructor as unknown as Record<string, unknown>;
      const value = owner[name];
      // a static method (non-enumerable, unlike a static field) keeps its class as `this` (a classmethod's cls)
      return typeof value === 'function' && !isStaticField(owner, name) ? value.bind(owner) : value;
    };
    classAttributeViews.add(get);
    Object.defineProperty(cls.prototype, name, {
      get,
      set(this: object, value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
      },
      configurable: true,
    });
  }
}
