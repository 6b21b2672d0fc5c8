import { describe, expect, it } from 'vitest';
import { globalsOf, moduleFile } from '../../../src/runtime/builtins/modules.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { typeForm } from '../../../src/runtime/typing/index.js';

describe('globals()', () => {
  it('holds the variables that have a value, leaving out one not assigned yet', () => {
    let hoisted: number | undefined;
    const namespace = globalsOf({
      hoisted: () => hoisted,
      later: () => {
        throw new ReferenceError('Cannot access before initialization');
      },
      none: () => null,
      n: () => 1,
    });
    expect([...namespace.keys()]).toEqual(['none', 'n']);
    hoisted = 2;
    expect(globalsOf({ hoisted: () => hoisted }).getItem('hoisted')).toBe(2);
  });

  it('lets any other error of a getter through', () => {
    expect(() =>
      globalsOf({
        broken: () => {
          throw new Error('x');
        },
      }),
    ).toThrow('x');
  });
});

describe('typing objects read at run time', () => {
  it('print as CPython prints them', () => {
    expect(repr(typeForm("typing.Literal['r', 'w']"))).toBe("typing.Literal['r', 'w']");
  });
});

describe('__file__', () => {
  it('is an absolute path as given (pyts run), or the Python file taken to be beside the translated module', () => {
    expect(moduleFile('file:///elsewhere/mod.js', '/abs/app.py')).toBe('/abs/app.py');
    expect(moduleFile('file:///out/pkg/mod.js', 'mod.py')).toBe('/out/pkg/mod.py');
  });
});
