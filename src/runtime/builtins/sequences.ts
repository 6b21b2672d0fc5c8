// Python's subscription, slicing, `len` and `in` (Objects/abstract.c PyObject_GetItem, Objects/sliceobject.c
// PySlice_AdjustIndices). Strings are indexed by code point, as in Python (code-points.ts).

import { codePointLength, codePoints, hasAstral } from './code-points.js';
import { PyDict } from './dict.js';
import { eq } from './equality.js';
import { IndexError, TypeError, ValueError } from './exceptions.js';
import { PyRange } from './range.js';
import { PySet } from './set.js';
import { isTuple, tuple } from './tuple.js';
import { typeName } from './type-name.js';

interface Subscriptable {
  __getitem__?(key: unknown): unknown;
  __setitem__?(key: unknown, value: unknown): void;
  __delitem__?(key: unknown): void;
  __len__?(): number;
  __contains__?(x: unknown): boolean;
}

/** Python's `len(x)` for strings, lists, tuples, dicts, sets, ranges and objects with `__len__`. */
export function len(x: unknown): number {
  if (Array.isArray(x)) return x.length;
  if (typeof x === 'string') return codePointLength(x);
  if ((typeof x === 'object' || typeof x === 'function') && x !== null && typeof (x as Subscriptable).__len__ === 'function') {
    return (x as Subscriptable).__len__!();
  }
  throw new TypeError(`object of type '${typeName(x)}' has no len()`);
}

// The position `index` designates in a sequence of `length` items, or -1 when outside it.
function position(x: unknown, index: unknown, length: number): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) {
    if (typeof index === 'boolean') return position(x, Number(index), length);
    // an object with __index__ (an IntEnum member) indexes like the int it stands for
    const asIndex = (index as { __index__?: () => number } | null)?.__index__;
    if (typeof asIndex === 'function') return position(x, asIndex.call(index), length);
    throw new TypeError(`${typeName(x)} indices must be integers or slices, not ${typeName(index)}`);
  }
  const i = index < 0 ? index + length : index;
  return i >= 0 && i < length ? i : -1;
}

/** Python's `obj[key]`: negative indexes count from the end; IndexError/KeyError as CPython raises them. */
export function getItem(obj: unknown, key: unknown): any {
  // a slice object (`xs[s]` with `s = slice(1, 3)`, or a `__getitem__` passing its argument on) slices
  if (key instanceof Slice && (Array.isArray(obj) || typeof obj === 'string' || obj instanceof PyRange)) {
    return slice(obj, key.start, key.stop, key.step);
  }
  if (Array.isArray(obj)) {
    const i = position(obj, key, obj.length);
    if (i < 0) throw new IndexError(`${isTuple(obj) ? 'tuple' : 'list'} index out of range`);
    return obj[i];
  }
  if (typeof obj === 'string') {
    const chars: ArrayLike<string> = hasAstral(obj) ? codePoints(obj) : obj;
    const i = position(obj, key, chars.length);
    if (i < 0) throw new IndexError('string index out of range');
    return chars[i];
  }
  if (obj instanceof PyDict) return obj.getItem(key);
  if (obj instanceof PyRange) {
    if (typeof key !== 'number') throw new TypeError(`range indices must be integers or slices, not ${typeName(key)}`);
    return obj.getItem(key);
  }
  if ((typeof obj === 'object' || typeof obj === 'function') && obj !== null && typeof (obj as Subscriptable).__getitem__ === 'function') {
    return (obj as Subscriptable).__getitem__!(key);
  }
  throw new TypeError(`'${typeName(obj)}' object is not subscriptable`);
}

/** Python's `obj[key] = value`. */
export function setItem(obj: unknown, key: unknown, value: unknown): void {
  if (Array.isArray(obj) && !isTuple(obj)) {
    const i = position(obj, key, obj.length);
    if (i < 0) throw new IndexError('list assignment index out of range');
    obj[i] = value;
    return;
  }
  if (obj instanceof PyDict) return obj.setItem(key, value);
  if (typeof obj === 'object' && obj !== null && typeof (obj as Subscriptable).__setitem__ === 'function') {
    return (obj as Subscriptable).__setitem__!(key, value);
  }
  throw new TypeError(`'${typeName(obj)}' object does not support item assignment`);
}

/** Python's `del obj[key]`. */
export function delItem(obj: unknown, key: unknown): void {
  if (Array.isArray(obj) && !isTuple(obj)) {
    const i = position(obj, key, obj.length);
    if (i < 0) throw new IndexError('list assignment index out of range');
    obj.splice(i, 1);
    return;
  }
  if (obj instanceof PyDict) return obj.delItem(key);
  if (typeof obj === 'object' && obj !== null && typeof (obj as Subscriptable).__delitem__ === 'function') {
    return (obj as Subscriptable).__delitem__!(key);
  }
  throw new TypeError(`'${typeName(obj)}' object doesn't support item deletion`);
}

type Bound = number | null | undefined;

// Objects/sliceobject.c PySlice_Unpack + PySlice_AdjustIndices: [start, stop, step, count].
function adjustSlice(length: number, start: Bound, stop: Bound, step: Bound): [number, number, number, number] {
  const s = step ?? 1;
  if (s === 0) throw new ValueError('slice step cannot be zero');
  const clamp = (value: Bound, whenOmitted: number): number => {
    if (value === null || value === undefined) return whenOmitted;
    if (value < 0) return Math.max(value + length, s < 0 ? -1 : 0);
    return Math.min(value, s < 0 ? length - 1 : length);
  };
  const from = clamp(start, s < 0 ? length - 1 : 0);
  const to = clamp(stop, s < 0 ? -1 : length);
  let count = 0;
  if (s > 0 ? from < to : to < from) count = Math.floor((s > 0 ? to - from - 1 : from - to - 1) / Math.abs(s)) + 1;
  return [from, to, s, count];
}

/** Python's `obj[start:stop:step]` for lists, tuples, strings and ranges; `null` for an omitted bound. */
export function slice<T>(obj: T, start?: Bound, stop?: Bound, step?: Bound): T {
  if (typeof obj === 'string') {
    const astral = hasAstral(obj);
    const chars: ArrayLike<string> = astral ? codePoints(obj) : obj;
    const [from, to, s, count] = adjustSlice(chars.length, start, stop, step);
    if (s === 1 && !astral) return obj.slice(from, Math.max(from, to)) as T;
    let text = '';
    for (let i = 0, at = from; i < count; i++, at += s) text += chars[at];
    return text as T;
  }
  if (Array.isArray(obj)) {
    const [from, to, s, count] = adjustSlice(obj.length, start, stop, step);
    let items: unknown[];
    if (s === 1) items = obj.slice(from, Math.max(from, to));
    else {
      items = new Array(count);
      for (let i = 0, at = from; i < count; i++, at += s) items[i] = obj[at];
    }
    return (isTuple(obj) ? tuple(...items) : items) as T;
  }
  if (obj instanceof PyRange) {
    // Objects/rangeobject.c compute_slice: the adjusted slice indices mapped through the range.
    const [from, to, s] = adjustSlice(obj.size, start, stop, step);
    return new PyRange(obj.start + from * obj.step, obj.start + to * obj.step, obj.step * s) as T;
  }
  if ((typeof obj === 'object' || typeof obj === 'function') && obj !== null && typeof (obj as Subscriptable).__getitem__ === 'function') {
    return (obj as Subscriptable).__getitem__!(new Slice(start, stop, step)) as T;
  }
  throw new TypeError(`'${typeName(obj)}' object is not subscriptable`);
}

/** Python's slice object, handed to a user `__getitem__` for `obj[a:b]`. */
export class Slice {
  static readonly __pyname__ = 'slice';
  constructor(
    readonly start: Bound = null,
    readonly stop: Bound = null,
    readonly step: Bound = null,
  ) {}

  __repr__(): string {
    const show = (x: Bound): string => (x === null || x === undefined ? 'None' : String(x));
    return `slice(${show(this.start)}, ${show(this.stop)}, ${show(this.step)})`;
  }
}

/** A slice object `a:b:c` written outside a subscript of a list, str or tuple (passed to `__getitem__`). */
export function sliceObject(start: Bound, stop: Bound, step: Bound): Slice {
  return new Slice(start, stop, step);
}

/**
 * The items of `value` for an unpacking assignment of `count` targets (`a, b = value`), checked as CPython does;
 * with `starred`, one of the targets takes the rest (`a, *b = value`) and at least `count - 1` items are needed.
 */
export function unpack(value: unknown, count: number, starred = false): any[] {
  if (typeof value !== 'string' && !(typeof value === 'object' && value !== null && Symbol.iterator in value)) {
    throw new TypeError(`cannot unpack non-iterable ${typeName(value)} object`);
  }
  const items: unknown[] = [];
  for (const item of value as Iterable<unknown>) {
    items.push(item);
    // Python stops reading one item past the expected count (Python/ceval.c unpack_iterable).
    if (!starred && items.length > count) throw new ValueError(`too many values to unpack (expected ${count})`);
  }
  if (starred && items.length < count - 1) {
    throw new ValueError(`not enough values to unpack (expected at least ${count - 1}, got ${items.length})`);
  }
  if (!starred && items.length < count) {
    throw new ValueError(`not enough values to unpack (expected ${count}, got ${items.length})`);
  }
  return items;
}

/** Python's `xs[start:stop:step] = values` on a list. */
export function setSlice(xs: unknown[], start: Bound, stop: Bound, step: Bound, values: Iterable<unknown>): void {
  if (isTuple(xs)) throw new TypeError("'tuple' object does not support item assignment");
  const items = Array.from(values);
  const [from, to, s, count] = adjustSlice(xs.length, start, stop, step);
  if (s === 1) {
    xs.splice(from, Math.max(0, to - from), ...items);
    return;
  }
  if (items.length !== count) {
    throw new ValueError(`attempt to assign sequence of size ${items.length} to extended slice of size ${count}`);
  }
  for (let i = 0, at = from; i < count; i++, at += s) xs[at] = items[i];
}

/** Python's `del xs[start:stop:step]` on a list. */
export function delSlice(xs: unknown[], start: Bound, stop: Bound, step: Bound): void {
  if (isTuple(xs)) throw new TypeError("'tuple' object doesn't support item deletion");
  const [from, to, s, count] = adjustSlice(xs.length, start, stop, step);
  if (s === 1) {
    xs.splice(from, Math.max(0, to - from));
    return;
  }
  const doomed = new Set<number>();
  for (let i = 0, at = from; i < count; i++, at += s) doomed.add(at);
  let write = 0;
  for (let read = 0; read < xs.length; read++) if (!doomed.has(read)) xs[write++] = xs[read];
  xs.length = write;
}

/** Python's `x in container`. */
export function contains(container: unknown, x: unknown): boolean {
  if (typeof container === 'string') {
    if (typeof x !== 'string') {
      throw new TypeError(`'in <string>' requires string as left operand, not ${typeName(x)}`);
    }
    return container.includes(x);
  }
  if (Array.isArray(container)) {
    for (const item of container) if (item === x || eq(item, x)) return true;
    return false;
  }
  if (container instanceof PyDict || container instanceof PySet || container instanceof PyRange) {
    return container.has(x);
  }
  // classes too: an Enum class has __contains__ and iterates over its members
  if ((typeof container === 'object' || typeof container === 'function') && container !== null) {
    if (typeof (container as Subscriptable).__contains__ === 'function') {
      return Boolean((container as Subscriptable).__contains__!(x));
    }
    if (Symbol.iterator in container) {
      for (const item of container as Iterable<unknown>) if (item === x || eq(item, x)) return true;
      return false;
    }
  }
  throw new TypeError(`argument of type '${typeName(container)}' is not iterable`);
}
