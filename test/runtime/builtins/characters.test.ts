import { describe, expect, it } from 'vitest';
import { bin, chr, hex, oct, ord } from '../../../src/runtime/builtins/characters.js';
import { str } from '../../../src/runtime/builtins/repr.js';
import { callable } from '../../../src/runtime/builtins/builtin-types.js';

// Expected values are what CPython 3.11 printed for the same calls.
describe('chr, ord, hex, oct, bin', () => {
  it('convert between code points, characters and prefixed digits', () => {
    expect([hex(255), hex(-255), oct(8), bin(5), bin(-5), chr(65), ord('é'), ord('\u{1F600}')]).toEqual([
      '0xff', '-0xff', '0o10', '0b101', '-0b101', 'A', 233, 128512,
    ]);
  });

  it('raise the errors CPython raises', () => {
    expect(() => chr(-1)).toThrow('chr() arg not in range(0x110000)');
    expect(() => ord('ab')).toThrow('ord() expected a character, but string of length 2 found');
    expect(() => ord('')).toThrow('ord() expected a character, but string of length 0 found');
    expect(() => hex(1.5)).toThrow("'float' object cannot be interpreted as an integer");
  });
});

describe('str and callable', () => {
  it('str() without an argument is empty, str(None) is None', () => {
    expect([str(), str(null), str(undefined)]).toEqual(['', 'None', 'None']);
  });

  it('callable accepts functions, classes and objects with __call__', () => {
    expect([callable(str), callable(class {}), callable({ __call__: () => 1 }), callable(1)]).toEqual([true, true, true, false]);
  });
});
