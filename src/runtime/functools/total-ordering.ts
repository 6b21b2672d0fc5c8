// functools.total_ordering (Lib/functools.py): a class that defines one ordering method and __eq__ gets the other
// three, each derived from the one it has. A derived method passes NotImplemented on, as CPython's do.
import { eq, NotImplemented } from '../builtins/equality.js';
import { ValueError } from '../builtins/exceptions.js';
import { truthy } from '../builtins/truthiness.js';

type Comparison = (this: unknown, other: unknown) => unknown;
type Derivation = (root: Comparison) => Comparison;

// Lib/functools.py _convert: for each root, how the other three follow from it (`a > b` is `not a < b and a != b`…)
const DERIVED: Record<string, Record<string, Derivation>> = {
  __lt__: {
    __gt__: (lt) => function (other) {
      const r = lt.call(this, other);
      return r === NotImplemented ? r : !truthy(r) && !eq(this, other);
    },
    __le__: (lt) => function (other) {
      const r = lt.call(this, other);
      return r === NotImplemented ? r : truthy(r) || eq(this, other);
    },
    __ge__: (lt) => function (other) {
      const r = lt.call(this, other);
      return r === NotImplemented ? r : !truthy(r);
    },
  },
  __le__: {
    __ge__: (le) => function (other) {
      const r = le.call(this, other);
      return r === NotImplemented ? r : !truthy(r) || eq(this, other);
    },
    __lt__: (le) => function (other) {
      const r = le.call(this, other);
      return r === NotImplemented ? r : truthy(r) && !eq(this, other);
    },
    __gt__: (le) => function (other) {
      const r = le.call(this, other);
      return r === NotImplemented ? r : !truthy(r);
    },
  },
  __gt__: {
    __lt__: (gt) => function (other) {
      const r = gt.call(this, other);
      return r === NotImplemented ? r : !truthy(r) && !eq(this, other);
    },
    __ge__: (gt) => function (other) {
      const r = gt.call(this, other);
      return r === NotImplemented ? r : truthy(r) || eq(this, other);
    },
    __le__: (gt) => function (other) {
      const r = gt.call(this, other);
      return r === NotImplemented ? r : !truthy(r);
    },
  },
  __ge__: {
    __le__: (ge) => function (other) {
      const r = ge.call(this, other);
      return r === NotImplemented ? r : !truthy(r) || eq(this, other);
    },
    __gt__: (ge) => function (other) {
      const r = ge.call(this, other);
      return r === NotImplemented ? r : truthy(r) && !eq(this, other);
    },
    __lt__: (ge) => function (other) {
      const r = ge.call(this, other);
      return r === NotImplemented ? r : !truthy(r);
    },
  },
};

/** `@functools.total_ordering`: fills in the ordering methods `cls` lacks from the one it defines; returns `cls`. */
export function totalOrdering<C extends Function>(cls: C): C {
  const proto = cls.prototype as Record<string, unknown>;
  // CPython takes the greatest name among those defined (max(roots)): __lt__ before __le__, __gt__, __ge__
  const root = ['__lt__', '__le__', '__gt__', '__ge__'].find((name) => typeof proto[name] === 'function');
  if (root === undefined) throw new ValueError('must define at least one ordering operation: < > <= >=');
  const method = proto[root] as Comparison;
  for (const [name, derive] of Object.entries(DERIVED[root]!)) {
    if (typeof proto[name] !== 'function') {
      Object.defineProperty(proto, name, { value: derive(method), writable: true, configurable: true });
    }
  }
  return cls;
}
