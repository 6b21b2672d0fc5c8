import { describe, expect, it } from 'vitest';
import { isinstance } from '../../../src/runtime/builtins/builtin-types.js';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { eq } from '../../../src/runtime/builtins/equality.js';
import { KeyError, TypeError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { format } from '../../../src/runtime/builtins/format-spec.js';
import { list } from '../../../src/runtime/builtins/conversions.js';
import { reversed, sorted } from '../../../src/runtime/builtins/iteration.js';
import { add, neg } from '../../../src/runtime/builtins/operators.js';
import { gt, lt } from '../../../src/runtime/builtins/ordering.js';
import { repr, str } from '../../../src/runtime/builtins/repr.js';
import { contains, getItem, len } from '../../../src/runtime/builtins/sequences.js';
import { set } from '../../../src/runtime/builtins/set.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';
import * as enumModule from '../../../src/runtime/enum/index.js';
import { auto, Enum, IntEnum, StrEnum, unique } from '../../../src/runtime/enum/index.js';
import { printed, recorded } from './recorded.js';

// The classes as the translator emits them (see src/runtime/enum/enum.ts).
class Color extends Enum {
  declare static readonly RED: Color;
  declare static readonly GREEN: Color;
  declare static readonly BLUE: Color;
  declare static readonly CRIMSON: Color;
  static {
    enumModule.defineMembers(this, { RED: 1, GREEN: 2, BLUE: 3, CRIMSON: 1 });
  }
}
class Priority extends IntEnum {
  declare static readonly LOW: Priority;
  declare static readonly HIGH: Priority;
  static {
    enumModule.defineMembers(this, { LOW: 1, HIGH: 3 });
  }
}
class Status extends Enum {
  declare static readonly PENDING: Status;
  declare static readonly DONE: Status;
  label(): string {
    return this.name.toLowerCase();
  }
  static {
    enumModule.defineMembers(this, { PENDING: auto(), DONE: auto() });
  }
}

// len(), `in` and subscription of a class: the builtins do not dispatch to a class's static dunders yet, so these
// cases call them directly (Python's len(Color) is Color.__len__()).
const cpython = recorded('enum');
const cases: Record<string, (print: (...values: unknown[]) => void) => void> = {
  'members print as Color.RED and repr with their value': (print) => {
    print(
      Color.RED,
      repr(Color.RED),
      Color.RED.name,
      Color.RED.value,
      str(Color.GREEN),
      format(Color.BLUE),
      format(Color.RED, '>10'),
    );
  },
  'iteration skips aliases, lookups by value and by name': (print) => {
    print(
      list(Color),
      Color.__len__(),
      new Color(2),
      Color.__getitem__('BLUE'),
      Color.CRIMSON === Color.RED,
      Color.CRIMSON,
      new Color(Color.RED),
    );
    print(eq(Color.RED, 1), eq(Color.RED, Color.RED), isinstance(Color.RED, Color), typeName(Color.RED));
    print(
      Array.from(Color, (c) => c.name),
      list(Color.__members__),
      getItem(dict([[Color.RED, 'stop']]), Color.CRIMSON),
      list(reversed(Color as never)),
      Color._member_names_,
    );
  },
  'IntEnum members are ints': (print) => {
    print(
      Priority.LOW,
      repr(Priority.HIGH),
      str(Priority.LOW),
      format(Priority.HIGH),
      gt(Priority.HIGH, Priority.LOW),
      format(Priority.HIGH, '03d'),
    );
    print(
      eq(Priority.LOW, 1),
      add(Priority.HIGH, 1),
      add(1, Priority.HIGH),
      sorted([Priority.HIGH, Priority.LOW]),
      new Priority(3).name,
      lt(Priority.HIGH, 5),
      neg(Priority.LOW),
    );
  },
  'auto values and methods on members': (print) => {
    print(
      Array.from(Status, (s) => s.value),
      Status.DONE.label(),
      Status.__getitem__('PENDING'),
      Status.__contains__(Status.PENDING),
    );
  },
  'lookup and ordering errors': (print) => {
    for (const bad of [
      () => new Color(9),
      () => Color.__getitem__('PURPLE'),
      () => lt(Color.RED, Color.BLUE),
      () => Color.__contains__(1),
    ]) {
      try {
        bad();
      } catch (e) {
        if (!(e instanceof ValueError || e instanceof KeyError || e instanceof TypeError)) throw e;
        print(typeName(e), e);
      }
    }
  },
  'members cannot be reassigned': () => {
    (Color as unknown as { RED: number }).RED = 5;
  },
  'unique rejects aliases': () => {
    unique(Color);
  },
  'StrEnum values and _missing_': (print) => {
    class Mode extends StrEnum {
      declare static readonly READ: Mode;
      declare static readonly WRITE: Mode;
      static {
        enumModule.defineMembers(this, { READ: auto(), WRITE: 'w' });
      }
    }
    class Shape extends Enum {
      declare static readonly SQUARE: Shape;
      static override _missing_(): Shape {
        return this.SQUARE;
      }
      static {
        enumModule.defineMembers(this, { SQUARE: 'sq' });
      }
    }
    print(
      Mode.READ,
      repr(Mode.WRITE),
      new Mode('w'),
      format(Mode.READ),
      Mode.__len__(),
      new Shape('anything'),
      unique(Shape) === Shape,
    );
  },
  'members as dict keys': (print) => {
    class Light extends Enum {
      declare static readonly RED: Light;
      static {
        enumModule.defineMembers(this, { RED: 1 });
      }
    }
    print(
      getItem(
        dict<unknown, string>([
          [Color.RED, 'c'],
          [Light.RED, 'l'],
        ]),
        Light.RED,
      ),
      len(set([Color.RED, Light.RED, Color.CRIMSON])),
      getItem(dict([[1, 'one']]), Priority.LOW),
      getItem(dict([[Priority.LOW, 'low']]), 1),
      contains(set([1, 2]), Priority.LOW),
    );
  },
};

describe('enum', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(cpython).sort());
  });
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      expect(printed(body)).toBe(cpython[name]);
    });
  }
  it('defineMembers without values reads the static fields', () => {
    class Level extends Enum {
      static LOW = 1;
      static HIGH = 2;
      static {
        enumModule.defineMembers(this);
      }
    }
    expect(repr(list(Level))).toBe('[<Level.LOW: 1>, <Level.HIGH: 2>]');
    expect((Level.HIGH as unknown as Level).name).toBe('HIGH');
  });
});
