// How the stdlib modules of the runtime export Python classes (`deque`, `Counter`, `Random`, `Template`…).
//
// Translated code calls a Python class like a function (`collections.deque([1])`), tests instances with
// `isinstance(x, deque)` (an `instanceof` test) and subclasses it (`class Jobs extends deque`). One mechanism serves
// all three: a Proxy around the real class whose `apply` trap constructs. Construction, `instanceof`, statics and
// `extends` go straight through to the class; the prototype's `constructor` points back at the Proxy, so
// `type(x)` is the callable that the program named. Every stdlib module of the runtime uses this helper.

import { registerBuiltin } from '../builtins/repr.js';

type AnyClass = abstract new (...args: any[]) => any;

/**
 * A class that can also be called without `new`, as Python calls classes. (Generic classes declare their own call
 * signature, `<T>(…) => Deque<T>`, since this mapped type cannot keep type parameters.)
 */
export type PyClass<C extends AnyClass> = C & ((...args: ConstructorParameters<C>) => InstanceType<C>);

/**
 * Make `cls` callable without `new`. `qualifiedName` ('collections.deque') is how `repr(cls)` prints it:
 * `<class 'collections.deque'>`.
 */
export function callableClass<C extends AnyClass>(cls: C, qualifiedName: string): PyClass<C> {
  const callable = new Proxy(cls, {
    apply: (target, _thisArg, args: unknown[]) => Reflect.construct(target, args),
  }) as PyClass<C>;
  Object.defineProperty(cls.prototype, 'constructor', { value: callable, writable: true, configurable: true });
  // The Python name, for reprs that print the class name and for `type(x).__name__` (builtins' typeName).
  const name = qualifiedName.slice(qualifiedName.lastIndexOf('.') + 1);
  Object.defineProperty(cls, 'name', { value: name });
  // Only for the class itself: a translated subclass (`class Jobs(deque)`) is named by its own name.
  Object.defineProperty(cls, '__pyname__', {
    get(this: Function) {
      return this === cls || this === callable ? name : undefined;
    },
  });
  registerBuiltin(callable, qualifiedName, true);
  return callable;
}

/**
 * True for the trailing keyword-arguments object the translator passes (`{ maxlen: 3 }`, or one made by `kw()`):
 * a plain object. Python values are never plain objects (dicts are PyDict), so the test cannot mistake a value.
 */
export function isOptions(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Split a trailing keyword-arguments object (see `isOptions`) from the positional arguments. */
export function splitOptions<T extends object = Record<string, unknown>>(
  args: readonly unknown[],
): [unknown[], Partial<T>] {
  const last = args[args.length - 1];
  if (args.length > 0 && isOptions(last)) return [args.slice(0, -1), last as Partial<T>];
  return [[...args], {}];
}

/** The keyword arguments of an options object, without the marker `kw()` adds (symbol keys are skipped). */
export function optionEntries(options: Record<string, unknown>): [string, unknown][] {
  return Object.keys(options).map((name) => [name, options[name]]);
}

/**
 * The name Python gives a class: its `__qualname__` when it declares one (translated code may carry it, since
 * bundlers can rename JS classes), else its JS name.
 */
export function pythonName(cls: Function): string {
  const qualname = (cls as { __qualname__?: unknown }).__qualname__;
  return typeof qualname === 'string' ? qualname : cls.name;
}

/**
 * The arguments of a call whose parameters may also be given by keyword, in parameter order: a trailing
 * keyword-arguments object (`permutations(xs, { r: 2 })`) fills the named positions it mentions. Positions given
 * by neither stay `undefined`, so parameter defaults apply.
 */
export function bindKeywords(args: readonly unknown[], names: readonly string[]): unknown[] {
  const [positional, keywords] = splitOptions(args);
  const bound = [...positional];
  names.forEach((name, i) => {
    if (name in keywords) bound[i] = keywords[name];
  });
  return bound;
}
