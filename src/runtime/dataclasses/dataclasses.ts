// Python's dataclasses module (Lib/dataclasses.py) for translated classes. The translator writes a `@dataclass`
// class's constructor from its annotations and ends the class body with a call that records the fields:
//
//     class Item {
//       name: string; price: number; tags: string[];
//       constructor(name: string, price = 0.0, tags: string[] = list()) { … }
//       static {
//         dataclasses.dataclass(this, {
//           name: dataclasses.MISSING,
//           price: 0.0,
//           tags: dataclasses.field({ defaultFactory: list }),
//         }, { order: true });
//       }
//     }
//
// `dataclass` installs `__repr__`, `__eq__`, the ordering methods (order=True) and `__hash__` unless the class body
// defines them, and checks the fields as CPython does at class creation. A frozen class's constructor ends with
// `dataclasses.freeze(this)`. `fields`, `asdict`, `astuple`, `replace` and `isDataclass` read the recorded fields.

import { PyDict } from '../builtins/dict.js';
import { eq, hashKey, NotImplemented } from '../builtins/equality.js';
import { id } from '../builtins/identity.js';
import { AttributeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { hash } from '../builtins/hashing.js';
import { compare } from '../builtins/ordering.js';
import { repr } from '../builtins/repr.js';
import { PySet } from '../builtins/set.js';
import { isTuple, tuple } from '../builtins/tuple.js';
import { pythonName } from '../collections/python-class.js';
import { deepcopy } from '../copy/index.js';

/** Python's `dataclasses.MISSING`: no default. */
export const MISSING: unique symbol = Symbol('MISSING');

/** The keyword arguments of `dataclasses.field`. */
export interface FieldOptions {
  default?: unknown;
  defaultFactory?: (() => unknown) | typeof MISSING;
  init?: boolean;
  repr?: boolean;
  hash?: boolean | null;
  compare?: boolean;
  kwOnly?: boolean;
}

/** Python's `dataclasses.Field`: one field's settings, as `fields()` returns them. */
export class Field {
  static readonly __module__ = 'dataclasses';
  name = '';
  readonly default: unknown;
  readonly defaultFactory: (() => unknown) | typeof MISSING;
  readonly init: boolean;
  readonly repr: boolean;
  readonly hash: boolean | null;
  readonly compare: boolean;
  readonly kwOnly: boolean;

  constructor(options: FieldOptions) {
    this.default = 'default' in options ? options.default : MISSING;
    this.defaultFactory = options.defaultFactory ?? MISSING;
    if (this.default !== MISSING && this.defaultFactory !== MISSING) {
      throw new ValueError('cannot specify both default and default_factory');
    }
    this.init = options.init ?? true;
    this.repr = options.repr ?? true;
    this.hash = options.hash ?? null;
    this.compare = options.compare ?? true;
    this.kwOnly = options.kwOnly ?? false;
  }

  __repr__(): string {
    return `Field(name=${repr(this.name)},default=${this.default === MISSING ? 'MISSING' : repr(this.default)},init=${repr(this.init)},repr=${repr(this.repr)},compare=${repr(this.compare)})`;
  }
}

/** Python's `dataclasses.field(*, default, default_factory, init, repr, hash, compare, kw_only)`. */
export function field(options: FieldOptions = {}): Field {
  return new Field(options);
}

/** Python's `dataclasses.FrozenInstanceError` (an AttributeError). */
export class FrozenInstanceError extends AttributeError {
  static override __module__ = 'dataclasses';
}

/** The keyword arguments of `@dataclass(...)`. */
export interface DataclassOptions {
  init?: boolean;
  repr?: boolean;
  eq?: boolean;
  order?: boolean;
  unsafeHash?: boolean;
  frozen?: boolean;
}

interface DataclassInfo {
  fields: Field[];
  options: Required<DataclassOptions>;
}

const dataclassInfo = new WeakMap<Function, DataclassInfo>();

/**
 * Record the fields of a translated `@dataclass` class (name → default, `MISSING`, or a `field(...)`), check them
 * as CPython does (a mutable default is a ValueError, a field without default after one with a default a
 * TypeError), and install the methods the options ask for that the class body does not define. Returns the class.
 */
export function dataclass<C extends Function>(
  cls: C,
  declared: Record<string, unknown>,
  options: DataclassOptions = {},
): C {
  const settings: Required<DataclassOptions> = {
    init: options.init ?? true,
    repr: options.repr ?? true,
    eq: options.eq ?? true,
    order: options.order ?? false,
    unsafeHash: options.unsafeHash ?? false,
    frozen: options.frozen ?? false,
  };
  if (settings.order && !settings.eq) throw new ValueError('eq must be true if order is true');
  const parent = dataclassInfo.get(Object.getPrototypeOf(cls));
  const fields = parent === undefined ? [] : [...parent.fields];
  for (const [name, spec] of Object.entries(declared)) {
    const f = spec instanceof Field ? spec : new Field(spec === MISSING ? {} : { default: spec });
    f.name = name;
    const mutable = mutableTypeName(f.default);
    if (mutable !== null) {
      throw new ValueError(
        `mutable default <class '${mutable}'> for field ${name} is not allowed: use default_factory`,
      );
    }
    const inherited = fields.findIndex((g) => g.name === name);
    if (inherited >= 0) fields[inherited] = f;
    else fields.push(f);
  }
  let seenDefault = false;
  for (const f of fields) {
    if (!f.init || f.kwOnly) continue;
    const hasDefault = f.default !== MISSING || f.defaultFactory !== MISSING;
    if (seenDefault && !hasDefault) throw new TypeError(`non-default argument '${f.name}' follows default argument`);
    seenDefault ||= hasDefault;
  }
  dataclassInfo.set(cls, { fields, options: settings });
  installMethods(cls, fields, settings);
  return cls;
}

function mutableTypeName(value: unknown): string | null {
  if (Array.isArray(value) && !isTuple(value)) return 'list';
  if (value instanceof PyDict) return 'dict';
  if (value instanceof PySet) return 'set';
  return null;
}

function installMethods(cls: Function, fields: Field[], settings: Required<DataclassOptions>): void {
  const proto = cls.prototype as Record<string, unknown>;
  const own = (name: string): boolean => Object.prototype.hasOwnProperty.call(proto, name);
  const define = (name: string, method: (this: any, ...args: any[]) => unknown): void => {
    if (!own(name)) Object.defineProperty(proto, name, { value: method, writable: true, configurable: true });
  };
  const compared = fields.filter((f) => f.compare);
  const key = (obj: Record<string, unknown>) => tuple(...compared.map((f) => obj[f.name]));
  if (settings.repr) {
    define('__repr__', function (this: Record<string, unknown>) {
      const shown = fields.filter((f) => f.repr).map((f) => `${f.name}=${repr(this[f.name])}`);
      return `${pythonName(cls)}(${shown.join(', ')})`;
    });
  }
  if (settings.eq) {
    define('__eq__', function (this: Record<string, unknown>, other: unknown) {
      if (other === null || typeof other !== 'object' || other.constructor !== this.constructor) return NotImplemented;
      return eq(key(this), key(other as Record<string, unknown>));
    });
  }
  if (settings.order) {
    const order = (test: (c: number) => boolean) =>
      function (this: Record<string, unknown>, other: unknown) {
        if (other === null || typeof other !== 'object' || other.constructor !== this.constructor)
          return NotImplemented;
        return test(compare(key(this), key(other as Record<string, unknown>)));
      };
    define(
      '__lt__',
      order((c) => c < 0),
    );
    define(
      '__le__',
      order((c) => c <= 0),
    );
    define(
      '__gt__',
      order((c) => c > 0),
    );
    define(
      '__ge__',
      order((c) => c >= 0),
    );
  }
  // Lib/dataclasses.py _hash_action: eq+frozen (or unsafe_hash) hash the compared fields; eq alone is unhashable.
  if (settings.unsafeHash || (settings.eq && settings.frozen)) {
    const hashed = fields.filter((f) => (f.hash === null ? f.compare : f.hash));
    define('__hash__', function (this: Record<string, unknown>) {
      return hash(tuple(...hashed.map((f) => this[f.name])));
    });
    // As a dict or set key: equal when of the same class with equal compared fields (the builtins' exact key).
    define('__equalityKey__', function (this: Record<string, unknown>) {
      return `dataclass\u0000${id(cls)}\u0000${String(hashKey(key(this)))}`;
    });
  } else if (settings.eq && !own('__hash__')) {
    Object.defineProperty(cls, '__unhashable__', { value: true });
  }
}

/**
 * End a frozen dataclass's constructor: its fields become read-only, and assigning one raises
 * `FrozenInstanceError: cannot assign to field 'x'`.
 */
export function freeze(obj: object): void {
  const info = dataclassInfo.get(obj.constructor);
  for (const f of info?.fields ?? []) {
    const value = (obj as Record<string, unknown>)[f.name];
    Object.defineProperty(obj, f.name, {
      get: () => value,
      set: () => {
        throw new FrozenInstanceError(`cannot assign to field '${f.name}'`);
      },
      enumerable: true,
    });
  }
}

function infoOf(x: unknown, caller: string): DataclassInfo {
  const cls = typeof x === 'function' ? x : (x as object | null)?.constructor;
  const info = cls === undefined ? undefined : dataclassInfo.get(cls as Function);
  if (info === undefined) throw new TypeError(`${caller}() should be called on dataclass instances`);
  return info;
}

/** Python's `dataclasses.is_dataclass(obj)`: true for a dataclass or an instance of one. */
export function isDataclass(x: unknown): boolean {
  const cls = typeof x === 'function' ? x : (x as object | null)?.constructor;
  return cls !== undefined && dataclassInfo.has(cls as Function);
}

/** Python's `dataclasses.fields(class_or_instance)`: a tuple of Field. */
export function fields(x: unknown): readonly Field[] {
  const cls = typeof x === 'function' ? x : (x as object | null)?.constructor;
  const info = cls === undefined ? undefined : dataclassInfo.get(cls as Function);
  if (info === undefined) throw new TypeError('must be called with a dataclass type or instance');
  return tuple(...info.fields);
}

/** Python's `dataclasses.asdict(obj)`: fields to a dict, recursing into dataclasses, lists, tuples and dicts. */
export function asdict(obj: unknown): PyDict<string, unknown> {
  infoOf(obj, 'asdict');
  return convert(obj, 'dict') as PyDict<string, unknown>;
}

/** Python's `dataclasses.astuple(obj)`: field values in a tuple, recursing as `asdict` does. */
export function astuple(obj: unknown): readonly unknown[] {
  infoOf(obj, 'astuple');
  return convert(obj, 'tuple') as readonly unknown[];
}

// Lib/dataclasses.py _asdict_inner / _astuple_inner.
function convert(value: unknown, into: 'dict' | 'tuple'): unknown {
  if (value !== null && typeof value === 'object' && isDataclass(value)) {
    const info = dataclassInfo.get(value.constructor)!;
    const entries = info.fields.map((f) =>
      tuple(f.name, convert((value as Record<string, unknown>)[f.name], into)),
    );
    return into === 'dict' ? new PyDict(entries) : tuple(...entries.map(([, v]) => v));
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => convert(item, into));
    return isTuple(value) ? tuple(...items) : items;
  }
  if (value instanceof PyDict) {
    return new PyDict([...value.items()].map(([k, v]) => tuple(convert(k, into), convert(v, into))));
  }
  return deepcopy(value);
}

/**
 * Python's `dataclasses.replace(obj, **changes)`: a new instance built by the class's constructor from the
 * init fields, with `changes` (a keyword-arguments object) replacing some of them.
 */
export function replace<T extends object>(obj: T, changes: Record<string, unknown> = {}): T {
  const info = infoOf(obj, 'replace');
  for (const name of Object.keys(changes)) {
    const f = info.fields.find((g) => g.name === name);
    if (f !== undefined && !f.init) {
      throw new ValueError(`field ${name} is declared with init=False, it cannot be specified with replace()`);
    }
    if (f === undefined) {
      throw new TypeError(`${pythonName(obj.constructor)}.__init__() got an unexpected keyword argument '${name}'`);
    }
  }
  const args = info.fields
    .filter((f) => f.init)
    .map((f) => (f.name in changes ? changes[f.name] : (obj as Record<string, unknown>)[f.name]));
  return new (obj.constructor as new (...args: unknown[]) => T)(...args);
}
