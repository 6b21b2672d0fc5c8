import { describe, expect, it } from 'vitest';
import { classAttributes, delattr, setattr, vars } from '../../../src/runtime/builtins/attributes.js';
import { classmethod, property, pythonMembers, staticmethod } from '../../../src/runtime/builtins/descriptors.js';
import { AttributeError } from '../../../src/runtime/builtins/exceptions.js';
import { toPyException } from '../../../src/runtime/builtins/to-py-exception.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';

class Meter {
  static unitName = 'm';
  declare unitName: string;
  constructor(public rawValue: number) {}
  get value(): number {
    return this.rawValue;
  }
  static fromCm(cm: number): Meter {
    return new this(cm / 100);
  }
  static zero(): number {
    return 0;
  }
  static {
    pythonMembers(
      this,
      ['unit_name', 'unitName'],
      ['from_cm', 'fromCm', 'classmethod'],
      ['zero', 'zero', 'staticmethod'],
      ['raw_value', 'rawValue'],
    );
    classAttributes(this, 'unitName');
  }
}

describe("a class's namespace", () => {
  it('shows properties, static and class methods as their Python objects, under Python names', () => {
    const ns = vars(Meter);
    expect([...ns.keys()].sort()).toEqual(['from_cm', 'unit_name', 'value', 'zero']);
    expect(['value', 'from_cm', 'zero', 'unit_name'].map((k) => typeName(ns.getItem(k)))).toEqual([
      'property',
      'classmethod',
      'staticmethod',
      'str',
    ]);
    expect(ns.getItem('value')).toBeInstanceOf(property);
    expect(ns.getItem('from_cm')).toBeInstanceOf(classmethod);
    expect((ns.getItem('zero') as staticmethod).__func__()).toBe(0);
    expect((ns.getItem('value') as property).fget!(new Meter(3))).toBe(3);
    expect((ns.getItem('value') as property).fset).toBeNull();
  });

  it("shows an instance's attributes under their Python names", () => {
    expect([...vars(new Meter(2)).keys()]).toEqual(['raw_value']);
  });
});

describe('properties without a setter or deleter', () => {
  it('raise CPython AttributeErrors from setattr, delattr and a plain assignment', () => {
    const m = new Meter(1);
    expect(() => setattr(m, 'value', 2)).toThrow(
      new AttributeError("property 'value' of 'Meter' object has no setter"),
    );
    expect(() => delattr(m, 'value')).toThrow(new AttributeError("property 'value' of 'Meter' object has no deleter"));
    let thrown: unknown;
    try {
      (m as unknown as { value: number }).value = 2;
    } catch (e) {
      thrown = e;
    }
    const converted = toPyException(thrown);
    expect([converted instanceof AttributeError, String(converted.args[0])]).toEqual([
      true,
      "property 'value' of 'Meter' object has no setter",
    ]);
  });

  it('leave class attributes seen through an instance to the usual AttributeError', () => {
    expect(() => delattr(new Meter(1), 'unit_name')).toThrow("'Meter' object has no attribute 'unit_name'");
  });
});
