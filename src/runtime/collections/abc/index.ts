// pyts/runtime/collections/abc: Python's collections.abc for `isinstance` tests. Each ABC is a class whose
// `instanceof` (what the builtins' isinstance uses) asks the structural question CPython's ABCs answer for runtime
// values: `isinstance("s", Sequence)`, `isinstance(d, Mapping)`, `isinstance(xs, Iterable)`. Subclassing an ABC
// makes instances of the subclass match too, as registering does in Python.

import { DictView, PyDict } from '../../builtins/dict.js';
import { hashKey } from '../../builtins/equality.js';
import { PyRange } from '../../builtins/range.js';
import { PyFrozenSet, PySet } from '../../builtins/set.js';
import { isTuple } from '../../builtins/tuple.js';
import { Deque } from '../deque.js';

type Test = (x: unknown) => boolean;

const hasMethod = (x: unknown, name: string | symbol): boolean =>
  (typeof x === 'object' || typeof x === 'function') &&
  x !== null &&
  typeof (x as Record<string | symbol, unknown>)[name] === 'function';

// An ABC: a real class (so translated classes can extend it) whose instanceof also accepts the values `test` accepts.
function abc(name: string, test: Test): abstract new () => object {
  const cls = {
    [name]: class {
      static [Symbol.hasInstance](x: unknown): boolean {
        return Function.prototype[Symbol.hasInstance].call(this, x) || (this === cls && test(x));
      }
    },
  }[name]!;
  Object.defineProperty(cls, '__module__', { value: 'collections.abc' });
  return cls;
}

const isIterable: Test = (x) => typeof x === 'string' || hasMethod(x, Symbol.iterator) || hasMethod(x, '__iter__');
const isSized: Test = (x) => typeof x === 'string' || Array.isArray(x) || hasMethod(x, '__len__');
const isSequence: Test = (x) => typeof x === 'string' || Array.isArray(x) || x instanceof PyRange || x instanceof Deque;
const isMapping: Test = (x) => x instanceof PyDict;
const isSet: Test = (x) => x instanceof PySet;

export const Hashable = abc('Hashable', (x) => {
  try {
    hashKey(x);
    return true;
  } catch {
    return false;
  }
});
export const Iterable = abc('Iterable', isIterable);
export const Iterator = abc('Iterator', (x) => isIterable(x) && hasMethod(x, 'next'));
export const Generator = abc(
  'Generator',
  (x) => hasMethod(x, 'next') && hasMethod(x, 'throw') && hasMethod(x, 'return'),
);
export const Reversible = abc(
  'Reversible',
  (x) =>
    typeof x === 'string' ||
    Array.isArray(x) ||
    x instanceof PyRange ||
    x instanceof PyDict ||
    hasMethod(x, '__reversed__'),
);
export const Sized = abc('Sized', isSized);
export const Container = abc(
  'Container',
  (x) =>
    typeof x === 'string' ||
    Array.isArray(x) ||
    hasMethod(x, '__contains__') ||
    x instanceof PyDict ||
    x instanceof PySet ||
    x instanceof PyRange,
);
export const Collection = abc('Collection', (x) => isSized(x) && isIterable(x));
export const Callable = abc('Callable', (x) => typeof x === 'function' || hasMethod(x, '__call__'));
export const Sequence = abc('Sequence', isSequence);
export const MutableSequence = abc('MutableSequence', (x) => (Array.isArray(x) && !isTuple(x)) || x instanceof Deque);
export const Mapping = abc('Mapping', isMapping);
export const MutableMapping = abc('MutableMapping', isMapping);
export const Set = abc('Set', isSet);
export const MutableSet = abc('MutableSet', (x) => x instanceof PySet && !(x instanceof PyFrozenSet));
export const MappingView = abc('MappingView', (x) => x instanceof DictView);
export const Awaitable = abc('Awaitable', (x) => hasMethod(x, '__await__') || x instanceof Promise);
export const Coroutine = abc(
  'Coroutine',
  (x) => hasMethod(x, '__await__') && hasMethod(x, 'send') && hasMethod(x, 'throw'),
);
export const AsyncIterable = abc(
  'AsyncIterable',
  (x) => hasMethod(x, Symbol.asyncIterator) || hasMethod(x, '__aiter__'),
);
export const AsyncIterator = abc(
  'AsyncIterator',
  (x) =>
    (hasMethod(x, Symbol.asyncIterator) || hasMethod(x, '__aiter__')) &&
    (hasMethod(x, 'next') || hasMethod(x, '__anext__')),
);
export const AsyncGenerator = abc(
  'AsyncGenerator',
  (x) => hasMethod(x, Symbol.asyncIterator) && hasMethod(x, 'next') && hasMethod(x, 'throw') && hasMethod(x, 'return'),
);
