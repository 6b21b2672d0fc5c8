// `x.append(v)` where the translator could not tell x's type. Python lists are JS arrays, which have no `append`,
// so a list method name called on an unknown receiver is decided here, at run time: Python's list semantics for an
// array, the object's own method (camelCase, as translated classes and runtime objects spell them) otherwise.
import { AttributeError } from './exceptions.js';
import { sort, type SortOptions } from './iteration.js';
import { isKw } from './kw.js';
import { listCount, listExtend, listIndex, listInsert, listPop, listRemove } from './list-methods.js';
import { typeName } from './type-name.js';

const LIST_METHODS: Record<string, (xs: unknown[], ...args: any[]) => unknown> = {
  append: (xs, x) => {
    xs.push(x);
    return null;
  },
  extend: (xs, items) => (listExtend(xs, items), null),
  insert: (xs, i, x) => (listInsert(xs, i, x), null),
  remove: (xs, x) => (listRemove(xs, x), null),
  pop: (xs, ...i) => listPop(xs, ...i),
  index: (xs, ...args) => listIndex(xs, ...(args as [unknown])),
  count: (xs, x) => listCount(xs, x),
  sort: (xs, options?: SortOptions<unknown>) => (sort(xs, options), null),
  reverse: (xs) => (xs.reverse(), null),
  copy: (xs) => [...xs],
  clear: (xs) => (xs.splice(0), null),
};

/** The names this dispatch knows (the translator sends only these here). */
export const LIST_METHOD_NAMES: readonly string[] = Object.keys(LIST_METHODS);

/** Call Python method `name` on `obj`, whose type was unknown at translation time. */
export function callMethod(obj: unknown, name: string, ...args: unknown[]): any {
  if (Array.isArray(obj)) {
    const last = args[args.length - 1];
    if (name === 'sort' && isKw(last)) return LIST_METHODS.sort!(obj, last);
    return LIST_METHODS[name]!(obj, ...args);
  }
  const target = obj as Record<string, unknown>;
  const method = target[name] ?? target[name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())];
  if (typeof method !== 'function') throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
  return (method as (...a: unknown[]) => unknown).apply(obj, args);
}
