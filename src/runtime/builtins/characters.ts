// Python's chr(), ord(), hex(), oct() and bin() (Python/bltinmodule.c).

import { TypeError, ValueError } from './exceptions.js';
import { typeName } from './type-name.js';

function checkIndex(x: unknown): number {
  if (typeof x === 'boolean') return Number(x);
  // an int beyond 2**53 (arithmetic.ts fromBigInt)
  if (typeof x === 'bigint') return x as unknown as number;
  if (typeof x !== 'number' || !Number.isInteger(x)) {
    throw new TypeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
  }
  return x;
}

/** Python's `chr(i)`: the character with code point i; ValueError outside range(0x110000). */
export function chr(i: number): string {
  const code = checkIndex(i);
  if (code < 0 || code > 0x10ffff) throw new ValueError('chr() arg not in range(0x110000)');
  return String.fromCodePoint(code);
}

/** Python's `ord(c)`: the code point of a one-character string. */
export function ord(c: string): number {
  if (typeof c !== 'string') throw new TypeError(`ord() expected string of length 1, but ${typeName(c)} found`);
  const code = c.codePointAt(0);
  const length = code !== undefined && code > 0xffff ? c.length - 1 : c.length;
  if (length !== 1) throw new TypeError(`ord() expected a character, but string of length ${length} found`);
  return code!;
}

function withPrefix(x: number, radix: number, prefix: string): string {
  const n = checkIndex(x);
  const digits = Number.isSafeInteger(n) ? Math.abs(n).toString(radix) : (n < 0 ? -BigInt(n) : BigInt(n)).toString(radix);
  return (n < 0 ? '-' : '') + prefix + digits;
}

/** Python's `hex(x)`: '0xff', '-0xff'. */
export function hex(x: number): string {
  return withPrefix(x, 16, '0x');
}

/** Python's `oct(x)`: '0o10'. */
export function oct(x: number): string {
  return withPrefix(x, 8, '0o');
}

/** Python's `bin(x)`: '0b101', '-0b101'. */
export function bin(x: number): string {
  return withPrefix(x, 2, '0b');
}
