// collections.namedtuple (Lib/collections/__init__.py namedtuple): a tuple class whose items are also readable by
// field name. Instances are real runtime tuples (frozen, tuple-branded arrays), so indexing, unpacking, `len`,
// `==` with plain tuples, ordering and hashing all behave as tuples; the class's prototype adds the field getters,
// `_replace`, `_asdict` and the `Point(x=1, y=2)` repr.

import { PyDict } from '../builtins/dict.js';
import { AttributeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { tuple } from '../builtins/tuple.js';
import { callableClass, isOptions, optionEntries, type PyClass } from './python-class.js';

interface NamedTupleOptions {
  rename?: boolean;
  defaults?: Iterable<unknown> | null;
  module?: string | null;
}

/** The instances a namedtuple class makes: a tuple with field getters and the namedtuple methods. */
export interface NamedTupleInstance extends ReadonlyArray<any> {
  // Writable for the type-checker only: assigning a field raises AttributeError, as in Python.
  [field: string]: any;
  _replace(changes?: Record<string, unknown>): NamedTupleInstance;
  _asdict(): PyDict<string, unknown>;
}

/** What `namedtuple(...)` returns: called (or constructed) with the field values, positionally or by keyword. */
export type NamedTupleClass = PyClass<new (...args: any[]) => NamedTupleInstance> & {
  readonly _fields: readonly string[];
  readonly _fieldDefaults: PyDict<string, unknown>;
  _make(items: Iterable<unknown>): NamedTupleInstance;
};

const TUPLE_BRAND = Symbol.for('pyts.tuple');

// Python's reserved words, which cannot name a field (Lib/keyword.py kwlist).
const KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);
const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/**
 * Python's `collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`;
 * `field_names` is a list of names or one string of names separated by spaces or commas.
 */
export function namedtuple(
  typename: string,
  fieldNames: string | Iterable<string>,
  options: NamedTupleOptions = {},
): NamedTupleClass {
  const fields = parseFieldNames(typename, fieldNames, options.rename ?? false);
  const defaults = options.defaults === null || options.defaults === undefined ? [] : [...options.defaults];
  if (defaults.length > fields.length) throw new TypeError('Got more default values than field names');
  const fieldDefaults = new PyDict<string, unknown>(
    defaults.map((value, i) => tuple(fields[fields.length - defaults.length + i]!, value)),
  );

  // Lib/collections/__init__.py builds `__new__(_cls, x, y)`; these are the TypeErrors that signature raises.
  const bind = (args: unknown[]): unknown[] => {
    const [positional, keywords] = isOptions(args[args.length - 1])
      ? [args.slice(0, -1), args[args.length - 1] as Record<string, unknown>]
      : [args, {}];
    if (positional.length > fields.length) {
      throw new TypeError(
        `${typename}.__new__() takes ${fields.length + 1} positional arguments but ${positional.length + 1} were given`,
      );
    }
    const values: unknown[] = [...positional];
    const given = new Set(fields.slice(0, positional.length));
    for (const [name, value] of optionEntries(keywords)) {
      const at = fields.indexOf(name);
      if (at < 0) throw new TypeError(`${typename}.__new__() got an unexpected keyword argument '${name}'`);
      if (given.has(name)) throw new TypeError(`${typename}.__new__() got multiple values for argument '${name}'`);
      given.add(name);
      values[at] = value;
    }
    const missing = fields.filter((name) => !given.has(name) && !fieldDefaults.has(name));
    if (missing.length > 0) {
      const plural = missing.length === 1 ? 'argument' : 'arguments';
      throw new TypeError(
        `${typename}.__new__() missing ${missing.length} required positional ${plural}: ${listNames(missing)}`,
      );
    }
    fields.forEach((name, i) => {
      if (!given.has(name)) values[i] = fieldDefaults.getItem(name);
    });
    return values;
  };

  const make = (prototype: object, values: unknown[]): NamedTupleInstance => {
    (values as unknown as Record<symbol, boolean>)[TUPLE_BRAND] = true;
    Object.setPrototypeOf(values, prototype);
    return Object.freeze(values) as unknown as NamedTupleInstance;
  };

  const cls = class {
    static readonly _fields = tuple(...fields);
    static readonly _fieldDefaults = fieldDefaults;
    static readonly __match_args__ = tuple(...fields);

    constructor(...args: unknown[]) {
      return make(new.target.prototype, bind(args)) as unknown as this;
    }

    /** `Point._make(iterable)`: a new instance from exactly as many items as there are fields. */
    static _make(items: Iterable<unknown>): NamedTupleInstance {
      const values = [...items];
      if (values.length !== fields.length)
        throw new TypeError(`Expected ${fields.length} arguments, got ${values.length}`);
      return make(this.prototype, values);
    }

    /** `p._replace(x=9)`: a new instance with some fields changed; ValueError for an unknown field. */
    _replace(this: unknown[], changes: Record<string, unknown> = {}): NamedTupleInstance {
      const values = [...this];
      const unknown: string[] = [];
      for (const [name, value] of optionEntries(changes)) {
        const at = fields.indexOf(name);
        if (at < 0) unknown.push(name);
        else values[at] = value;
      }
      if (unknown.length > 0) throw new ValueError(`Got unexpected field names: ${repr(unknown)}`);
      return make(Object.getPrototypeOf(this), values);
    }

    /** `p._asdict()`: a dict from field names to values. */
    _asdict(this: unknown[]): PyDict<string, unknown> {
      return new PyDict(fields.map((name, i) => tuple(name, this[i])));
    }

    /** `Point(x=1, y=2)`. */
    __repr__(this: unknown[]): string {
      return `${typename}(${fields.map((name, i) => `${name}=${repr(this[i])}`).join(', ')})`;
    }
  };
  Object.setPrototypeOf(cls.prototype, Array.prototype);
  Object.defineProperty(cls, 'name', { value: typename });
  fields.forEach((name, i) => {
    Object.defineProperty(cls.prototype, name, {
      get(this: unknown[]) {
        return this[i];
      },
      set() {
        throw new AttributeError("can't set attribute");
      },
    });
  });
  return callableClass(cls, `${options.module ?? '__main__'}.${typename}`) as unknown as NamedTupleClass;
}

// Lib/collections/__init__.py namedtuple: the checks on the type name and field names, in CPython's order.
function parseFieldNames(typename: string, fieldNames: string | Iterable<string>, rename: boolean): string[] {
  const names =
    typeof fieldNames === 'string'
      ? fieldNames.replace(/,/g, ' ').split(/\s+/).filter(Boolean)
      : [...fieldNames].map(String);
  if (rename) {
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (!IDENTIFIER.test(name) || KEYWORDS.has(name) || name.startsWith('_') || seen.has(name)) names[i] = `_${i}`;
      seen.add(names[i]!);
    });
  }
  for (const name of [typename, ...names]) {
    if (!IDENTIFIER.test(name))
      throw new ValueError(`Type names and field names must be valid identifiers: ${repr(name)}`);
    if (KEYWORDS.has(name)) throw new ValueError(`Type names and field names cannot be a keyword: ${repr(name)}`);
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (name.startsWith('_') && !rename)
      throw new ValueError(`Field names cannot start with an underscore: ${repr(name)}`);
    if (seen.has(name)) throw new ValueError(`Encountered duplicate field name: ${repr(name)}`);
    seen.add(name);
  }
  return names;
}

// CPython's missing-arguments list: 'x', "'x' and 'y'", "'x', 'y', and 'z'".
function listNames(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  if (quoted.length === 1) return quoted[0]!;
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}
