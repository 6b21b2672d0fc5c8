import { describe, expect, it } from 'vitest';
import {
  isinstance,
  issubclass,
  object,
  PyObject,
  type,
  typeUnion,
  UnionType,
} from '../../../src/runtime/builtins/builtin-types.js';
import { bases, mixin, mro, superOf } from '../../../src/runtime/builtins/class-hierarchy.js';
import { TypeError } from '../../../src/runtime/builtins/exceptions.js';
import { int, list } from '../../../src/runtime/builtins/conversions.js';
import { str, repr } from '../../../src/runtime/builtins/repr.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';

// The diamond of CPython's documentation: class Both(Left, Right), Left(Base), Right(Base), cooperative methods.
function diamond() {
  const calls: string[] = [];
  class Base extends PyObject {
    declare tags: string[];
    override __init__(): void {
      calls.push('Base');
      this.tags = ['base'];
    }
    who(): string {
      return 'Base';
    }
  }
  class Left extends Base {
    override __init__(): void {
      calls.push('Left');
      superOf<Base>(Left, this).__init__();
      this.tags.push('left');
    }
    override who(): string {
      return 'Left+' + superOf<Base>(Left, this).who();
    }
  }
  class Right extends Base {
    static limit = 1;
    override __init__(): void {
      calls.push('Right');
      superOf<Base>(Right, this).__init__();
      this.tags.push('right');
    }
    override who(): string {
      return 'Right+' + superOf<Base>(Right, this).who();
    }
  }
  class Both extends mixin(Left, Right) {}
  return { calls, Base, Left, Right, Both };
}

describe('multiple inheritance', () => {
  it('runs __init__ and methods through the C3 order, each super() reaching the next class of the instance', () => {
    const { calls, Both } = diamond();
    const b = new Both();
    expect(calls).toEqual(['Left', 'Right', 'Base']);
    expect(b.tags).toEqual(['base', 'right', 'left']);
    expect(b.who()).toBe('Left+Right+Base');
  });

  it('keeps super() of a class used alone pointing at its own base', () => {
    const { Left } = diamond();
    expect(new Left().who()).toBe('Left+Base');
  });

  it('reports __mro__ and __bases__ as Python does, with object last', () => {
    const { Base, Left, Right, Both } = diamond();
    expect([...mro(Both)]).toEqual([Both, Left, Right, Base, object]);
    expect([...bases(Both)]).toEqual([Left, Right]);
    expect([...bases(Base)]).toEqual([object]);
    expect([...mro(Left)]).toEqual([Left, Base, object]);
  });

  it('makes an instance an instance of every class in its MRO, and the class a subclass of each', () => {
    const { Base, Left, Right, Both } = diamond();
    const b = new Both();
    expect([Both, Left, Right, Base].map((c) => b instanceof c)).toEqual([true, true, true, true]);
    expect([isinstance(b, Left), issubclass(Both, Left), issubclass(Both, object), issubclass(Left, Right)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(type(b)).toBe(Both);
    expect(typeName(b)).toBe('Both');
  });

  it('reads class attributes through the MRO live, and an assignment on the subclass stays there', () => {
    const { Right, Both } = diamond();
    expect(Both.limit).toBe(1);
    Right.limit = 2;
    expect(Both.limit).toBe(2);
    Both.limit = 3;
    expect([Both.limit, Right.limit]).toEqual([3, 2]);
  });

  it('raises CPython TypeErrors for an inconsistent order and a repeated base', () => {
    const { Base, Left } = diamond();
    expect(() => mixin(Base, Left)).toThrow(
      new TypeError('Cannot create a consistent method resolution\norder (MRO) for bases Base, Left'),
    );
    expect(() => mixin(Left, Left)).toThrow(new TypeError('duplicate base class Left'));
  });

  it('raises AttributeError when nothing after the class defines the attribute', () => {
    const { Left } = diamond();
    expect(() => superOf(Left, new Left()).missing).toThrow("'super' object has no attribute 'missing'");
  });

  it("gives a class without __init__ CPython's error for arguments", () => {
    class Plain extends PyObject {}
    expect(() => new Plain(1)).toThrow(new TypeError('Plain() takes no arguments'));
  });
});

describe('type unions', () => {
  it('int | str is a union isinstance accepts, printed as Python prints it', () => {
    const union = typeUnion(int, str) as UnionType;
    expect([isinstance(1, union), isinstance('a', union), isinstance([], union)]).toEqual([true, true, false]);
    expect(isinstance(null, typeUnion(int, null)!)).toBe(true);
    expect(repr(typeUnion(typeUnion(int, list), null))).toBe('int | list | None');
    expect(typeUnion(1, int)).toBeUndefined();
  });

  it('classes are instances of type', () => {
    class K {}
    expect([isinstance(K, type), typeName(K), type(K) === type]).toEqual([true, 'type', true]);
  });
});
