// Python's class hierarchy on JavaScript's single prototype chain: `__mro__`/`__bases__`, multiple inheritance
// (`class C(A, B)` → `class C extends mixin(A, B)`) linearised with C3 as CPython does (Objects/typeobject.c
// mro_implementation), and cooperative `super()` (`superOf(A, this).m()`), which follows the MRO of the instance's
// class rather than the class written after `extends`.
//
// A class with one base keeps its native prototype chain. For several bases, `mixin` builds the chain the MRO
// needs: the longest tail of the MRO that already is some class's own chain is reused as it stands, and each class
// before it gets a stand-in whose prototype and static side forward to the class's own (live: a method or class
// attribute changed later is seen through the stand-in).

import { TypeError, AttributeError } from './exceptions.js';
import { nameOf } from './names.js';
import { object, PyObject } from './builtin-types.js';
import { tuple } from './tuple.js';

type AnyClass = abstract new (...args: any[]) => any;

/** What a class made by `mixin` stands for: the bases as written, and the linearisation of those bases. */
interface StandIn {
  readonly bases: readonly Function[];
  readonly mro: readonly Function[];
}
const standIns = new WeakMap<Function, StandIn>();
const mros = new WeakMap<Function, readonly Function[]>();

/** Python's `cls.__mro__`: the class, its bases in C3 order, and `object` last. */
export function mro(cls: Function): readonly Function[] {
  let order = mros.get(cls);
  if (order === undefined) mros.set(cls, (order = tuple(...linearise(cls))));
  return order;
}

function linearise(cls: Function): Function[] {
  const chain: Function[] = [];
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const standIn = standIns.get(c);
    if (standIn !== undefined) return [...chain, ...standIn.mro];
    if (c !== object && c !== PyObject) chain.push(c);
  }
  chain.push(object);
  return chain;
}

/** Python's `cls.__bases__`: the bases the class statement named, or `object`. */
export function bases(cls: Function): readonly Function[] {
  const base: unknown = Object.getPrototypeOf(cls);
  if (typeof base !== 'function' || base === Function.prototype || base === PyObject) return tuple(object);
  return tuple(...(standIns.get(base)?.bases ?? [base]));
}

/** The instance type of every class in `T`, together. */
type Instances<T extends readonly AnyClass[]> = T extends readonly [
  infer H extends AnyClass,
  ...infer R extends AnyClass[],
]
  ? InstanceType<H> & Instances<R>
  : unknown;
/** The static members (class attributes, static and class methods) of every class in `T`, together. */
type Statics<T extends readonly AnyClass[]> = T extends readonly [
  infer H extends AnyClass,
  ...infer R extends AnyClass[],
]
  ? Omit<H, 'prototype'> & Statics<R>
  : unknown;

/**
 * The base of `class C(A, B, …)`: `class C extends mixin(A, B)`. Raises CPython's TypeError when the bases admit no
 * consistent MRO or repeat a class.
 */
export function mixin<T extends AnyClass[]>(...classes: T): (new (...args: any[]) => Instances<T>) & Statics<T> {
  const written = classes as unknown as Function[];
  const repeated = written.find((b, i) => written.indexOf(b) !== i);
  if (repeated !== undefined) throw new TypeError(`duplicate base class ${nameOf(repeated)}`);
  const order = merge([...written.map((b) => [...mro(b)]), [...written]]);
  // the tail that already is a native chain: from the first class whose own MRO is the rest of the order
  let tail = order.findIndex((c, i) => c !== object && sameOrder(mro(c), order.slice(i)));
  if (tail < 0) tail = order.length - 1;
  let parent: Function = tail === order.length - 1 ? PyObject : order[tail]!;
  for (let i = tail - 1; i >= 1; i--) parent = standIn(order[i]!, parent, { bases: [order[i]!], mro: order.slice(i) });
  // the class `extends` receives stands for the first base (or, when the order is one native chain, for nothing)
  const first = tail === 0 ? null : order[0]!;
  return (
    first ? standIn(first, parent, { bases: written, mro: order }) : subclass(parent, { bases: written, mro: order })
  ) as never;
}

/** C3: repeatedly take the first head that is in no other sequence's tail (Objects/typeobject.c pmerge). */
function merge(sequences: Function[][]): Function[] {
  const result: Function[] = [];
  let rest = sequences.filter((s) => s.length > 0);
  while (rest.length > 0) {
    const head = rest.map((s) => s[0]!).find((h) => !rest.some((s) => s.indexOf(h) > 0));
    if (head === undefined) {
      const heads = [...new Set(rest.map((s) => s[0]!))].map(nameOf).join(', ');
      throw new TypeError(`Cannot create a consistent method resolution\norder (MRO) for bases ${heads}`);
    }
    result.push(head);
    rest = rest.map((s) => (s[0] === head ? s.slice(1) : s)).filter((s) => s.length > 0);
  }
  return result;
}

function sameOrder(a: readonly Function[], b: readonly Function[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

function subclass(parent: Function, info: StandIn): Function {
  const cls = class extends (parent as new (...args: any[]) => object) {};
  standIns.set(cls, info);
  return cls;
}

/** A class on top of `parent` whose prototype and static side read and write through `cls`'s own members. */
function standIn(cls: Function, parent: Function, info: StandIn): Function {
  const copy = subclass(parent, info);
  forwardOwnMembers(cls.prototype as object, copy.prototype as object);
  forwardOwnMembers(cls, copy, ['prototype', 'length', 'name', Symbol.hasInstance]);
  Object.defineProperty(copy, 'name', { value: cls.name });
  // `isinstance(x, cls)` for instances whose chain holds the stand-in instead of `cls.prototype`
  if (!Object.prototype.hasOwnProperty.call(cls, Symbol.hasInstance)) {
    Object.defineProperty(cls, Symbol.hasInstance, { value: inMro, configurable: true });
  }
  return copy;
}

function forwardOwnMembers(from: object, to: object, skip: readonly PropertyKey[] = ['constructor']): void {
  for (const key of Reflect.ownKeys(from)) {
    if (skip.includes(key)) continue;
    Object.defineProperty(to, key, {
      get(this: object) {
        return Reflect.get(from, key, this);
      },
      // an assignment through the stand-in lands where Python puts it: on the instance or subclass itself
      set(this: object, value: unknown) {
        Reflect.set(from, key, value, this);
      },
      configurable: true,
    });
  }
}

function inMro(this: Function, x: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(this, x)) return true;
  if ((typeof x !== 'object' && typeof x !== 'function') || x === null) return false;
  const cls = (x as object).constructor;
  return typeof cls === 'function' && mro(cls).includes(this);
}

/**
 * Python's `super(cls, obj)` (and `super()` inside a method of `cls`): attributes of `obj` looked up in the classes
 * after `cls` in the MRO of `obj`'s class (or of `obj` itself, for a class method), bound to `obj`. `T` is what the
 * caller knows comes next: the base class it names, or anything at the root of a hierarchy.
 */
export function superOf<T = any>(cls: Function, obj: unknown): T {
  const isClass = typeof obj === 'function';
  const order = mro(isClass ? (obj as Function) : (obj as object).constructor);
  const at = order.indexOf(cls);
  if (at < 0) throw new TypeError('super(type, obj): obj must be an instance or subtype of type');
  const after = order.slice(at + 1);
  return new Proxy({} as object, {
    get(_target, key) {
      for (const c of after) {
        const holder = c === object ? (isClass ? PyObject : PyObject.prototype) : isClass ? c : (c.prototype as object);
        const found = Object.getOwnPropertyDescriptor(holder, key);
        if (found === undefined) continue;
        if (found.get !== undefined) return found.get.call(obj);
        return typeof found.value === 'function' ? found.value.bind(obj) : found.value;
      }
      throw new AttributeError(`'super' object has no attribute '${String(key)}'`);
    },
  }) as T;
}
