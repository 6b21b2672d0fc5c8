import { describe, expect, it } from 'vitest';
import { bytearray, bytes, bytesLiteral, strEncode } from '../../../src/runtime/builtins/bytes.js';
import { callMethod } from '../../../src/runtime/builtins/method-dispatch.js';
import { add } from '../../../src/runtime/builtins/operators.js';
import { repr, str } from '../../../src/runtime/builtins/repr.js';
import { eq } from '../../../src/runtime/builtins/equality.js';
import { getItem, len, slice } from '../../../src/runtime/builtins/sequences.js';
import { observe } from './cpython-cases.js';

// Expected values and messages are what CPython 3.11 printed for the same expressions.
describe('bytes', () => {
  it('prints as CPython does', () => {
    expect([repr(bytes(3)), repr(bytesLiteral('ab\n')), repr(bytearray(bytesLiteral('x'))), repr(bytesLiteral("it's"))]).toEqual([
      "b'\\x00\\x00\\x00'", "b'ab\\n'", "bytearray(b'x')", `b"it's"`,
    ]);
    expect(repr(bytesLiteral('\x00\x7f\x80\xff\\'))).toBe("b'\\x00\\x7f\\x80\\xff\\\\'");
    expect([repr(bytes([65, 66])), str(bytesLiteral('x')), repr(bytearray()), repr(bytes())]).toEqual(["b'AB'", "b'x'", "bytearray(b'')", "b''"]);
    expect(repr(bytesLiteral(`"'`))).toBe(`b'"\\''`);
  });

  it('encodes and decodes UTF-8, and behaves as a sequence of ints', () => {
    const encoded = strEncode('héllo');
    expect([repr(encoded), encoded.decode(), len(bytesLiteral('abc')), getItem(bytesLiteral('abc'), 0)]).toEqual([
      "b'h\\xc3\\xa9llo'", 'héllo', 3, 97,
    ]);
    expect([[...bytesLiteral('ab')], eq(bytesLiteral('ab'), bytesLiteral('ab')), repr(add(bytesLiteral('a'), bytesLiteral('b')))]).toEqual([
      [97, 98], true, "b'ab'",
    ]);
    expect([bytesLiteral('ab').hex(), repr(bytes('hé', 'utf-8')), repr(slice(bytesLiteral('abc'), 1))]).toEqual(['6162', "b'h\\xc3\\xa9'", "b'bc'"]);
    expect(bytesLiteral('\xff').decode('latin-1')).toBe('ÿ');
  });

  it('raises CPython codec errors', () => {
    const decodeError = (text: string): unknown => observe(() => bytesLiteral(text).decode());
    expect(decodeError('\xff')).toEqual({ error: "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte" });
    expect(decodeError('a\xc3')).toEqual({ error: "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data" });
    expect(decodeError('\xc3(')).toEqual({ error: "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte" });
    expect(decodeError('\xe2\x82')).toEqual({ error: "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data" });
    expect(decodeError('\xed\xa0\x80')).toEqual({ error: "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte" });
    expect(decodeError('\xf0\x9f\x98')).toEqual({ error: "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-2: unexpected end of data" });
    expect(decodeError('\xc0\xaf')).toEqual({ error: "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte" });
    expect(observe(() => strEncode('é', 'ascii'))).toEqual({
      error: "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)",
    });
    expect(observe(() => bytes('x'))).toEqual({ error: 'TypeError: string argument without an encoding' });
    expect(observe(() => bytes([256]))).toEqual({ error: 'ValueError: bytes must be in range(0, 256)' });
    expect(observe(() => bytes(-1))).toEqual({ error: 'ValueError: negative count' });
  });
});

describe('callMethod on a receiver whose type was unknown at translation', () => {
  it('gives bytes the bytes methods, those PyBytes lacks as Python computes them (ASCII only)', () => {
    const b = bytesLiteral('ab\xe9 cd');
    expect(
      [
        callMethod(b, 'title'),
        callMethod(b, 'center', 9, bytesLiteral('*')),
        callMethod(b, 'rpartition', bytesLiteral(' ')),
        callMethod(b, 'rfind', bytesLiteral('d')),
        callMethod(b, 'islower'),
        callMethod(b, 'swapcase'),
        callMethod(b, 'zfill', 8),
        callMethod(b, 'upper'),
      ].map(repr),
    ).toEqual([
      "b'Ab\\xe9 Cd'",
      "b'**ab\\xe9 cd*'",
      "(b'ab\\xe9', b' ', b'cd')",
      '5',
      'True',
      "b'AB\\xe9 CD'",
      "b'00ab\\xe9 cd'",
      "b'AB\\xe9 CD'",
    ]);
  });

  it('gives strings the str methods', () => {
    expect([callMethod('ab cd', 'replace', 'b', 'x'), callMethod('ab cd', 'count', 'c'), callMethod('ab cd', 'upper')]).toEqual([
      'ax cd',
      1,
      'AB CD',
    ]);
  });
});
