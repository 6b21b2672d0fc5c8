import { describe, expect, it } from 'vitest';
import { PyDict } from '../../../src/runtime/builtins/dict.js';
import { splitKw } from '../../../src/runtime/builtins/kw.js';
import { callPython, pythonFunction } from '../../../src/runtime/builtins/signature.js';
import { observe } from './cpython-cases.js';

// Functions written the way the translator writes them (docs/emitted-code.md), described by their Python signature.
const f = pythonFunction((a: unknown, b: unknown) => [a, b], 'f', '(a, b)');
const g = pythonFunction((a: unknown, b: unknown = 1, { c }: { c: unknown }) => [a, b, c], 'g', '(a, b=…, *, c)');
const h = pythonFunction((a: unknown, b: unknown, { ...kw }: Record<string, unknown> = {}) => [a, b, kw], 'h', '(a, /, b, **kw)');
const k = pythonFunction((_x: unknown, _y: unknown, _z: unknown) => null, 'k', '(x, y, z)');
const rest = pythonFunction((...args: unknown[]) => splitKw(args), 'rest', '(*args, **kwargs)');

// The messages are what CPython 3.11 printed for the same calls.
describe('callPython binds arguments as Python does', () => {
  it('places keywords by name, defaults where nothing is given, extra keywords into **kwargs', () => {
    expect(callPython(f, [1], { b: 2 })).toEqual([1, 2]);
    expect(callPython(g, [0], new PyDict([['c', 3]]))).toEqual([0, 1, 3]);
    expect(callPython(h, [1, 2], { a: 3 })).toEqual([1, 2, { a: 3 }]);
    const [positional, keywords] = callPython(rest, [1, 2], { z: 3 });
    expect([positional, Object.entries(keywords)]).toEqual([[1, 2], [['z', 3]]]);
  });

  it("raises CPython's TypeError for each kind of mismatch", () => {
    const messages = [
      () => callPython(f, [1]),
      () => callPython(f, [1, 2, 3]),
      () => callPython(f, [1], { c: 2 }),
      () => callPython(f, [1], { a: 2 }),
      () => callPython(g, [1, 2, 3], { c: 1 }),
      () => callPython(g, [1]),
      () => callPython(k, []),
    ].map((call) => observe(call));
    expect(messages).toEqual([
      { error: "TypeError: f() missing 1 required positional argument: 'b'" },
      { error: 'TypeError: f() takes 2 positional arguments but 3 were given' },
      { error: "TypeError: f() got an unexpected keyword argument 'c'" },
      { error: "TypeError: f() got multiple values for argument 'a'" },
      {
        error:
          'TypeError: g() takes from 1 to 2 positional arguments but 3 positional arguments (and 1 keyword-only argument) were given',
      },
      { error: "TypeError: g() missing 1 required keyword-only argument: 'c'" },
      { error: "TypeError: k() missing 3 required positional arguments: 'x', 'y', and 'z'" },
    ]);
  });
});
