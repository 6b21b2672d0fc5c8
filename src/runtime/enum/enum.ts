// Python's enum module (Lib/enum.py) for translated classes. A Python enum
//
//     class Color(Enum):
//         RED = 1
//
// is translated as a class whose members are declared for the type-checker and created by `defineMembers` at the
// end of the class body (the EnumType metaclass's work in CPython):
//
//     class Color extends enum.Enum {
//       declare static readonly RED: Color;
//       static { enum.defineMembers(this, { RED: 1 }); }
//     }
//
// (`defineMembers(this)` without values reads plain static fields, `static RED = 1;`, instead.) Each member is an
// instance of the class with `name` and `value`; an alias (a second name for an equal value) is the same object.
// `new Color(1)` (Python's `Color(1)`) returns the member with that value.

import { PyDict } from '../builtins/dict.js';
import { eq, hashKey } from '../builtins/equality.js';
import { AttributeError, KeyError, TypeError, ValueError } from '../builtins/exceptions.js';
import { formatInt, formatString } from '../builtins/format-spec.js';
import { hash } from '../builtins/hashing.js';
import { repr, str } from '../builtins/repr.js';
import { tuple } from '../builtins/tuple.js';
import { typeName } from '../builtins/type-name.js';
import { pythonName } from '../collections/python-class.js';

/** The value `auto()` stands for: filled in by `defineMembers` with `_generate_next_value_`. */
export class Auto {
  static readonly __pyname__ = 'auto';
}

/** Python's `enum.auto()`: the next value (the last int value + 1, from 1; the lowercased name in a StrEnum). */
export function auto(): Auto {
  return new Auto();
}

interface EnumRegistry {
  // Canonical members in definition order (aliases excluded).
  members: Enum[];
  // Every name, aliases included, in definition order (`__members__`).
  byName: Map<string, Enum>;
}

const registries = new WeakMap<Function, EnumRegistry>();

type EnumClass = typeof Enum;

/**
 * Create the members of an enum class, in order, from `values` (name → value, in definition order) or, without
 * it, from the class's own static fields: `auto()` values are generated, a value equal to an earlier member's
 * makes an alias, and each name becomes a read-only property (`Color.RED = 5` raises
 * `AttributeError: cannot reassign member 'RED'`). Returns the class. The translator emits it as the last member
 * of the class body: `static { enum.defineMembers(this, { RED: 1 }); }`.
 */
export function defineMembers<C extends Function>(cls: C, values?: Record<string, unknown>): C {
  const enumClass = cls as unknown as EnumClass;
  if (registries.has(cls)) return cls;
  const registry: EnumRegistry = { members: [], byName: new Map() };
  registries.set(cls, registry);
  const lastValues: unknown[] = [];
  for (const [name, declared] of Object.entries(values ?? staticFields(cls))) {
    let value = declared;
    if (value instanceof Auto) value = enumClass._generate_next_value_(name, 1, registry.byName.size, lastValues);
    lastValues.push(value);
    let member = registry.members.find((m) => eq(m._value_, value));
    if (member === undefined) {
      member = Object.create(cls.prototype) as Enum;
      member._name_ = name;
      member._value_ = value;
      registry.members.push(member);
    }
    registry.byName.set(name, member);
    const alias = member;
    Object.defineProperty(cls, name, {
      get: () => alias,
      set: () => {
        throw new AttributeError(`cannot reassign member '${name}'`);
      },
      enumerable: true,
      configurable: true,
    });
  }
  return cls;
}

// The static fields of a class that can be members: not functions, not _sunder_ or __dunder__ names.
function staticFields(cls: Function): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(cls)) {
    if (name === 'length' || name === 'name' || name === 'prototype' || name.startsWith('_')) continue;
    const descriptor = Object.getOwnPropertyDescriptor(cls, name)!;
    if ('value' in descriptor && typeof descriptor.value !== 'function') fields[name] = descriptor.value;
  }
  return fields;
}

function registryOf(cls: Function): EnumRegistry {
  return registries.get(cls) ?? registries.get(defineMembers(cls))!;
}

/** Python's `enum.Enum`: members compare by identity, print as `Color.RED`, repr as `<Color.RED: 1>`. */
export class Enum {
  declare _name_: string;
  declare _value_: unknown;

  /** `Color(value)`: the member with that value (or the member itself); ValueError when there is none. */
  constructor(value: unknown) {
    const cls = new.target as EnumClass;
    if (value instanceof cls) return value as this;
    const found = registryOf(cls).members.find((m) => eq(m._value_, value)) ?? cls._missing_(value);
    if (found === null || found === undefined) throw new ValueError(`${repr(value)} is not a valid ${pythonName(cls)}`);
    return found as this;
  }

  /** `member.name`. */
  get name(): string {
    return this._name_;
  }

  /** `member.value`. */
  get value(): any {
    return this._value_;
  }

  /** `Enum._missing_(value)`: a hook for lookups by value that find nothing (None: ValueError). */
  static _missing_(_value: unknown): Enum | null {
    return null;
  }

  /** `Enum._generate_next_value_`: what `auto()` gives: the last int value + 1, or `start`. */
  static _generate_next_value_(_name: string, start: number, _count: number, lastValues: readonly unknown[]): unknown {
    for (let i = lastValues.length - 1; i >= 0; i--) {
      const last = lastValues[i];
      if (typeof last === 'number') return last + 1;
    }
    return start;
  }

  /** `iter(Color)`: the members in definition order, without aliases. */
  static [Symbol.iterator](this: EnumClass): Iterator<Enum> {
    return registryOf(this).members[Symbol.iterator]();
  }

  /** `reversed(Color)`. */
  static __reversed__(this: EnumClass): Iterator<Enum> {
    return [...registryOf(this).members].reverse()[Symbol.iterator]();
  }

  /** `len(Color)`: the number of members, without aliases. */
  static __len__(this: EnumClass): number {
    return registryOf(this).members.length;
  }

  /** `Color["RED"]`: the member of that name (aliases too); KeyError otherwise. */
  static __getitem__(this: EnumClass, name: unknown): Enum {
    const member = typeof name === 'string' ? registryOf(this).byName.get(name) : undefined;
    if (member === undefined) throw new KeyError(name);
    return member;
  }

  /** `member in Color`: TypeError for a non-member, as CPython 3.11 raises. */
  static __contains__(this: EnumClass, member: unknown): boolean {
    if (!(member instanceof Enum)) {
      throw new TypeError(`unsupported operand type(s) for 'in': '${typeName(member)}' and 'EnumType'`);
    }
    return member instanceof this && registryOf(this).members.includes(member);
  }

  /** `Color.__members__`: every name (aliases included) to its member. */
  static get __members__(): PyDict<string, Enum> {
    return new PyDict([...registryOf(this).byName].map(([name, member]) => tuple(name, member)));
  }

  /** `Color._member_names_`: the names of the canonical members. */
  static get _member_names_(): string[] {
    return registryOf(this).members.map((m) => m._name_);
  }

  __repr__(): string {
    return `<${pythonName(this.constructor)}.${this._name_}: ${repr(this._value_)}>`;
  }

  __str__(): string {
    return `${pythonName(this.constructor)}.${this._name_}`;
  }

  __format__(spec: string): string {
    return formatString(str(this), spec);
  }

  /** Members are singletons: `copy.copy` and `copy.deepcopy` return them unchanged. */
  __copy__(): this {
    return this;
  }

  __deepcopy__(): this {
    return this;
  }
}

const numeric = (x: unknown): unknown => (x instanceof IntEnum ? x._value_ : x);

/**
 * Python's `enum.IntEnum`: members are ints too — equal to their value, ordered, usable in arithmetic; `str()`
 * and `format()` give the int (3.11), the repr stays `<Priority.HIGH: 3>`.
 */
export class IntEnum extends Enum {
  declare _value_: number;

  override __str__(): string {
    return String(this._value_);
  }

  override __format__(spec: string): string {
    return spec === '' ? String(this._value_) : formatInt(this._value_, spec);
  }

  __hash__(): number {
    return hash(this._value_);
  }

  /** As a dict or set key, a member is the same key as its int (`{1: 'x'}[Priority.LOW]`). */
  __equalityKey__(): unknown {
    return hashKey(this._value_);
  }

  override valueOf(): number {
    return this._value_;
  }

  __index__(): number {
    return this._value_;
  }

  __eq__(other: unknown): boolean {
    return eq(this._value_, numeric(other));
  }

  __lt__(other: unknown): boolean {
    return compareNumbers(this, other, '<', (a, b) => a < b);
  }

  __le__(other: unknown): boolean {
    return compareNumbers(this, other, '<=', (a, b) => a <= b);
  }

  __gt__(other: unknown): boolean {
    return compareNumbers(this, other, '>', (a, b) => a > b);
  }

  __ge__(other: unknown): boolean {
    return compareNumbers(this, other, '>=', (a, b) => a >= b);
  }

  __add__(other: unknown): number {
    return this._value_ + operand(this, other, '+');
  }

  __radd__(other: unknown): number {
    return operand(this, other, '+') + this._value_;
  }

  __sub__(other: unknown): number {
    return this._value_ - operand(this, other, '-');
  }

  __rsub__(other: unknown): number {
    return operand(this, other, '-') - this._value_;
  }

  __mul__(other: unknown): number {
    return this._value_ * operand(this, other, '*');
  }

  __rmul__(other: unknown): number {
    return operand(this, other, '*') * this._value_;
  }

  __neg__(): number {
    return -this._value_;
  }

  __pos__(): number {
    return this._value_;
  }

  __abs__(): number {
    return Math.abs(this._value_);
  }
}

function operand(member: IntEnum, other: unknown, op: string): number {
  const value = numeric(other);
  if (typeof value === 'boolean') return Number(value);
  if (typeof value !== 'number') {
    throw new TypeError(`unsupported operand type(s) for ${op}: '${typeName(member)}' and '${typeName(other)}'`);
  }
  return value;
}

function compareNumbers(member: IntEnum, other: unknown, op: string, test: (a: number, b: number) => boolean): boolean {
  const value = numeric(other);
  if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw new TypeError(`'${op}' not supported between instances of '${typeName(member)}' and '${typeName(other)}'`);
  }
  return test(member._value_, Number(value));
}

/** Python's `enum.StrEnum` (3.11): string values, `auto()` gives the lowercased name, `str()` is the value. */
export class StrEnum extends Enum {
  declare _value_: string;

  static override _generate_next_value_(name: string): unknown {
    return name.toLowerCase();
  }

  override __str__(): string {
    return this._value_;
  }

  override __format__(spec: string): string {
    return formatString(this._value_, spec);
  }

  __eq__(other: unknown): boolean {
    return this._value_ === (other instanceof StrEnum ? other._value_ : other);
  }

  __hash__(): number {
    return hash(this._value_);
  }

  /** As a dict or set key, a member is the same key as its string. */
  __equalityKey__(): unknown {
    return this._value_;
  }

  override toString(): string {
    return this._value_;
  }
}

/** Python's `enum.unique` decorator: ValueError when a class has aliases; returns the class. */
export function unique<C extends Function>(cls: C): C {
  const registry = registryOf(cls);
  const aliases = [...registry.byName].filter(([name, member]) => member._name_ !== name);
  if (aliases.length > 0) {
    const pairs = aliases.map(([name, member]) => `${name} -> ${member._name_}`).join(', ');
    throw new ValueError(`duplicate values found in <enum '${pythonName(cls)}'>: ${pairs}`);
  }
  return cls;
}
