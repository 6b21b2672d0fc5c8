// Python's iteration protocol on translated classes. A class that defines `__iter__` (or only `__getitem__`, the
// older sequence protocol) is iterable in Python; the translator gives it `[Symbol.iterator]()` returning
// `iterate(this)`, so `for…of`, spreads, `Array.from` and the runtime's builtins all iterate it as Python would.
import { IndexError, StopIteration, TypeError } from './exceptions.js';
import { typeName } from './type-name.js';

interface PythonIterable {
  __iter__?: () => unknown;
  __getitem__?: (index: number) => unknown;
}

/** The JS iterator over `obj`: from its `__iter__`, else indexes 0, 1, 2… through `__getitem__` until IndexError. */
export function iterate(obj: PythonIterable): Iterator<any> {
  if (typeof obj.__iter__ === 'function') return asIterator(obj.__iter__());
  if (typeof obj.__getitem__ === 'function') return sequenceItems(obj.__getitem__.bind(obj));
  throw new TypeError(`'${typeName(obj)}' object is not iterable`);
}

/** What `__iter__` returned, as a JS iterator: a JS iterator already, or a Python iterator object (`__next__`). */
function asIterator(it: unknown): Iterator<any> {
  const target = it as { next?: unknown; __next__?: () => unknown } | null;
  if (typeof target?.next === 'function') return target as Iterator<any>;
  if (typeof target?.__next__ === 'function') {
    const step = target.__next__.bind(target);
    return {
      next(): IteratorResult<any> {
        try {
          return { done: false, value: step() };
        } catch (error) {
          if (error instanceof StopIteration) return { done: true, value: undefined };
          throw error;
        }
      },
    };
  }
  throw new TypeError(`iter() returned non-iterator of type '${typeName(it)}'`);
}

// Objects/iterobject.c: a sequence iterator stops at the first IndexError (or StopIteration).
function* sequenceItems(getItem: (index: number) => unknown): Generator<unknown> {
  for (let index = 0; ; index++) {
    let item: unknown;
    try {
      item = getItem(index);
    } catch (error) {
      if (error instanceof IndexError || error instanceof StopIteration) return;
      throw error;
    }
    yield item;
  }
}
