// What a class's namespace holds for its decorated methods, as `vars(cls)` / `cls.__dict__` shows them:
// `property`, `staticmethod` and `classmethod` objects (Objects/descrobject.c, Objects/funcobject.c). Translated
// classes keep them as plain accessors and static methods; these objects describe them.

import { registerBuiltin } from './type-name.js';

/** Python's `property`: `fget`, `fset`, `fdel` (None when absent), functions of the instance. */
export class property {
  readonly fget: ((obj: unknown) => unknown) | null;
  readonly fset: ((obj: unknown, value: unknown) => void) | null;
  readonly fdel: null = null;
  /** From a JS accessor's getter and setter, which take the instance as `this`. */
  constructor(get: (() => unknown) | null = null, set: ((value: unknown) => void) | null = null) {
    this.fget = get && ((obj) => get.call(obj));
    this.fset = set && ((obj, value) => set.call(obj, value));
  }
}

/** Python's `staticmethod` object: the function as `__func__`. */
export class staticmethod {
  constructor(readonly __func__: Function) {}
}

/** Python's `classmethod` object: the function as `__func__`. */
export class classmethod {
  constructor(readonly __func__: Function) {}
}

registerBuiltin(property, 'property', true);
registerBuiltin(staticmethod, 'staticmethod', true);
registerBuiltin(classmethod, 'classmethod', true);

export type MemberKind = 'staticmethod' | 'classmethod';

// TypeScript name → Python name (and, for static members, which decorator made them), per translated class
const members = new WeakMap<Function, Map<string, { python: string; kind: MemberKind | null }>>();

/**
 * Tells the runtime the Python names of a translated class's members whose TypeScript names differ, and which of
 * its static methods are `@staticmethod`s or `@classmethod`s, for `vars(cls)` and `vars(obj)`:
 * `pythonMembers(this, ['is_freezing', 'isFreezing', 'staticmethod'], ['max_size', 'maxSize'])`.
 */
export function pythonMembers(cls: Function, ...entries: [python: string, ts: string, kind?: MemberKind][]): void {
  members.set(cls, new Map(entries.map(([python, ts, kind]) => [ts, { python, kind: kind ?? null }])));
}

/** The Python name and decorator of the member `ts` of `cls` (looked up on `cls` and its bases). */
export function memberOf(cls: unknown, ts: string): { python: string; kind: MemberKind | null } | null {
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const found = members.get(c)?.get(ts);
    if (found !== undefined) return found;
  }
  return null;
}
