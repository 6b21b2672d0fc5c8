// Python's bytes and bytearray (Objects/bytesobject.c), str.encode and bytes.decode for UTF-8, ASCII and
// Latin-1, with CPython's reprs and codec error messages.

import {
  IndexError,
  LookupError,
  TypeError,
  UnicodeDecodeError,
  UnicodeEncodeError,
  ValueError,
} from './exceptions.js';
import { Slice } from './sequences.js';
import { typeName } from './type-name.js';

/** Python's bytes: an immutable sequence of ints 0-255 printed `b'...'`. */
export class PyBytes implements Iterable<number> {
  static readonly __pyname__: string = 'bytes';

  constructor(readonly data: Uint8Array) {}

  get size(): number {
    return this.data.length;
  }

  __len__(): number {
    return this.data.length;
  }

  /** `b[i]` (an int) or `b[i:j]` (bytes of the same kind). */
  __getitem__(key: number | Slice): number | PyBytes {
    if (key instanceof Slice) {
      const picked = sliceIndexes(this.data.length, key).map((i) => this.data[i]!);
      return new (this.constructor as new (data: Uint8Array) => PyBytes)(Uint8Array.from(picked));
    }
    const i = key < 0 ? key + this.data.length : key;
    if (i < 0 || i >= this.data.length) throw new IndexError('index out of range');
    return this.data[i]!;
  }

  __contains__(x: unknown): boolean {
    if (typeof x === 'number') return this.data.includes(x);
    if (x instanceof PyBytes) return latin1(this.data).includes(latin1(x.data));
    throw new TypeError(`a bytes-like object is required, not '${typeName(x)}'`);
  }

  [Symbol.iterator](): Iterator<number> {
    return this.data[Symbol.iterator]();
  }

  /** `b.decode(encoding='utf-8')`: UnicodeDecodeError with CPython's message for invalid input. */
  decode(encoding = 'utf-8'): string {
    return decode(this.data, encoding);
  }

  /** `b.hex()`. */
  hex(): string {
    return Array.from(this.data, (byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  __add__(other: unknown): PyBytes {
    if (!(other instanceof PyBytes)) throw new TypeError(`can't concat ${typeName(other)} to ${typeName(this)}`);
    const joined = new Uint8Array(this.data.length + other.data.length);
    joined.set(this.data);
    joined.set(other.data, this.data.length);
    return new (this.constructor as new (data: Uint8Array) => PyBytes)(joined);
  }

  __eq__(other: unknown): boolean {
    return other instanceof PyBytes && latin1(other.data) === latin1(this.data);
  }

  /** The dict/set key of bytes: the bytes themselves, as Latin-1 text. */
  __equalityKey__(): string {
    return 'b\u0000' + latin1(this.data);
  }

  __hash__(): number {
    let h = 0x811c9dc5;
    for (const byte of this.data) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
    return h;
  }

  __repr__(): string {
    return bytesRepr(this.data);
  }
}

/** Python's bytearray: bytes that can change, printed `bytearray(b'...')`. */
export class PyByteArray extends PyBytes {
  static override readonly __pyname__: string = 'bytearray';
  static readonly __unhashable__ = true;

  override __hash__(): number {
    throw new TypeError("unhashable type: 'bytearray'");
  }

  override __repr__(): string {
    return `bytearray(${bytesRepr(this.data)})`;
  }
}

// Objects/bytesobject.c PyBytes_Repr: single quotes unless the bytes hold ' and no ", escapes for the rest.
function bytesRepr(data: Uint8Array): string {
  const hasSingle = data.includes(0x27);
  const quote = hasSingle && !data.includes(0x22) ? '"' : "'";
  let out = 'b' + quote;
  for (const byte of data) {
    if (byte === quote.charCodeAt(0) || byte === 0x5c) out += '\\' + String.fromCharCode(byte);
    else if (byte === 0x09) out += '\\t';
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else if (byte < 0x20 || byte >= 0x7f) out += '\\x' + byte.toString(16).padStart(2, '0');
    else out += String.fromCharCode(byte);
  }
  return out + quote;
}

function latin1(data: Uint8Array): string {
  return Array.from(data, (byte) => String.fromCharCode(byte)).join('');
}

function sliceIndexes(length: number, slice: Slice): number[] {
  const step = slice.step ?? 1;
  if (step === 0) throw new ValueError('slice step cannot be zero');
  const clamp = (value: number | null | undefined, omitted: number): number => {
    if (value === null || value === undefined) return omitted;
    if (value < 0) return Math.max(value + length, step < 0 ? -1 : 0);
    return Math.min(value, step < 0 ? length - 1 : length);
  };
  const start = clamp(slice.start, step < 0 ? length - 1 : 0);
  const stop = clamp(slice.stop, step < 0 ? -1 : length);
  const indexes: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) indexes.push(i);
  return indexes;
}

type Codec = 'utf-8' | 'ascii' | 'latin-1';

// Python's codec names and aliases (Lib/encodings/aliases.py), for the codecs supported here.
function codecOf(encoding: string): Codec {
  const name = encoding.toLowerCase().replace(/_/g, '-');
  if (name === 'utf-8' || name === 'utf8' || name === 'u8') return 'utf-8';
  if (name === 'ascii' || name === 'us-ascii') return 'ascii';
  if (name === 'latin-1' || name === 'latin1' || name === 'iso-8859-1' || name === 'iso8859-1' || name === 'l1') {
    return 'latin-1';
  }
  throw new LookupError(`unknown encoding: ${encoding}`);
}

/** Python's `s.encode(encoding='utf-8')`. */
export function strEncode(s: string, encoding = 'utf-8'): PyBytes {
  const codec = codecOf(encoding);
  if (codec === 'utf-8') return new PyBytes(new TextEncoder().encode(s));
  const limit = codec === 'ascii' ? 0x80 : 0x100;
  const chars = [...s];
  const data = new Uint8Array(chars.length);
  chars.forEach((ch, i) => {
    const code = ch.codePointAt(0)!;
    if (code >= limit) {
      const shown =
        code <= 0xff
          ? `\\x${hex2(code)}`
          : code <= 0xffff
            ? `\\u${code.toString(16).padStart(4, '0')}`
            : `\\U${code.toString(16).padStart(8, '0')}`;
      throw new UnicodeEncodeError(
        `'${codec === 'ascii' ? 'ascii' : 'latin-1'}' codec can't encode character '${shown}' in position ${i}: ordinal not in range(${limit})`,
      );
    }
    data[i] = code;
  });
  return new PyBytes(data);
}

function hex2(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

function decode(data: Uint8Array, encoding: string): string {
  const codec = codecOf(encoding);
  if (codec === 'latin-1') return latin1(data);
  if (codec === 'ascii') {
    const bad = data.findIndex((byte) => byte >= 0x80);
    if (bad >= 0) {
      throw new UnicodeDecodeError(
        `'ascii' codec can't decode byte 0x${hex2(data[bad]!)} in position ${bad}: ordinal not in range(128)`,
      );
    }
    return latin1(data);
  }
  const error = firstUtf8Error(data);
  if (error !== null) {
    const [start, end, reason] = error;
    const where =
      start === end ? `byte 0x${hex2(data[start]!)} in position ${start}` : `bytes in position ${start}-${end}`;
    throw new UnicodeDecodeError(`'utf-8' codec can't decode ${where}: ${reason}`);
  }
  return new TextDecoder('utf-8').decode(data);
}

// Objects/stringlib/codecs.h utf8_decode: the first invalid sequence as [first, last byte index, reason].
function firstUtf8Error(data: Uint8Array): [number, number, string] | null {
  const isContinuation = (byte: number | undefined, low = 0x80, high = 0xbf): boolean =>
    byte !== undefined && byte >= low && byte <= high;
  for (let i = 0; i < data.length;) {
    const lead = data[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let [low, high] = [0x80, 0xbf];
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return [i, i, 'invalid start byte'];
    for (let k = 1; k < length; k++) {
      const byte = data[i + k];
      if (byte === undefined) return [i, i + k - 1, 'unexpected end of data'];
      const ok = k === 1 ? isContinuation(byte, low, high) : isContinuation(byte);
      if (!ok) return [i, i + k - 1, 'invalid continuation byte'];
    }
    i += length;
  }
  return null;
}

/**
 * Python's `bytes()`: empty; `bytes(n)` n zero bytes; `bytes(iterable_of_ints)`; `bytes(str, encoding)`;
 * a copy of other bytes.
 */
export function bytes(source?: unknown, encoding?: string): PyBytes {
  return new PyBytes(bytesData(source, encoding));
}

/** Python's `bytearray(...)`, with the same arguments as `bytes`. */
export function bytearray(source?: unknown, encoding?: string): PyByteArray {
  return new PyByteArray(bytesData(source, encoding));
}

/** A bytes literal `b'ab\n'`: the translator passes its characters, each a byte (code points 0-255). */
export function bytesLiteral(text: string): PyBytes {
  return new PyBytes(Uint8Array.from(text, (ch) => ch.charCodeAt(0)));
}

function bytesData(source: unknown, encoding: string | undefined): Uint8Array {
  if (source === undefined || source === null) return new Uint8Array(0);
  if (typeof source === 'string') {
    if (encoding === undefined) throw new TypeError('string argument without an encoding');
    return strEncode(source, encoding).data;
  }
  if (typeof source === 'number') {
    if (source < 0) throw new ValueError('negative count');
    return new Uint8Array(source);
  }
  if (source instanceof PyBytes) return source.data.slice();
  if (typeof source === 'object' && Symbol.iterator in source) {
    const values = Array.from(source as Iterable<unknown>, (x) => {
      if (typeof x !== 'number' || !Number.isInteger(x)) {
        throw new TypeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
      }
      if (x < 0 || x > 255) throw new ValueError('bytes must be in range(0, 256)');
      return x;
    });
    return Uint8Array.from(values);
  }
  throw new TypeError(`cannot convert '${typeName(source)}' object to bytes`);
}

// ---------------------------------------------------------------------------------------------------------------
// bytes methods (Objects/bytes_methods.c): ASCII-only case and whitespace rules, whatever the byte values.

const ASCII_WHITESPACE = ' \t\n\r\x0b\x0c';

function same(b: PyBytes, data: Uint8Array): PyBytes {
  return new (b.constructor as new (data: Uint8Array) => PyBytes)(data);
}

function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

function argData(x: unknown): Uint8Array {
  if (x instanceof PyBytes) return x.data;
  throw new TypeError(`a bytes-like object is required, not '${typeName(x)}'`);
}

function stripSet(chars: unknown): string {
  return chars === null || chars === undefined ? ASCII_WHITESPACE : latin1(argData(chars));
}

export interface PyBytes {
  upper(): PyBytes;
  lower(): PyBytes;
  strip(chars?: PyBytes | null): PyBytes;
  lstrip(chars?: PyBytes | null): PyBytes;
  rstrip(chars?: PyBytes | null): PyBytes;
  split(sep?: PyBytes | null, maxsplit?: number): PyBytes[];
  splitlines(keepends?: boolean): PyBytes[];
  startswith(prefix: PyBytes | readonly PyBytes[]): boolean;
  endswith(suffix: PyBytes | readonly PyBytes[]): boolean;
  join(items: Iterable<unknown>): PyBytes;
  find(sub: PyBytes | number): number;
  index(sub: PyBytes | number): number;
  count(sub: PyBytes | number): number;
  replace(old: PyBytes, replacement: PyBytes, count?: number): PyBytes;
  removeprefix(prefix: PyBytes): PyBytes;
  removesuffix(suffix: PyBytes): PyBytes;
  isdigit(): boolean;
  isalpha(): boolean;
  isspace(): boolean;
  __mul__(times: unknown): PyBytes;
  __rmul__(times: unknown): PyBytes;
}

Object.assign(PyBytes.prototype, {
  __mul__(this: PyBytes, times: unknown) {
    if (typeof times !== 'number' || !Number.isInteger(times)) {
      throw new TypeError(`can't multiply sequence by non-int of type '${typeName(times)}'`);
    }
    const n = Math.max(0, times);
    const out = new Uint8Array(this.data.length * n);
    for (let i = 0; i < n; i++) out.set(this.data, i * this.data.length);
    return same(this, out);
  },
  __rmul__(this: PyBytes, times: unknown) {
    return this.__mul__(times);
  },
  upper(this: PyBytes) {
    return same(this, this.data.map((c) => (c >= 0x61 && c <= 0x7a ? c - 32 : c)));
  },
  lower(this: PyBytes) {
    return same(this, this.data.map((c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c)));
  },
  strip(this: PyBytes, chars?: PyBytes | null) {
    return this.lstrip(chars).rstrip(chars);
  },
  lstrip(this: PyBytes, chars?: PyBytes | null) {
    const set = stripSet(chars);
    let i = 0;
    while (i < this.data.length && set.includes(String.fromCharCode(this.data[i]!))) i++;
    return same(this, this.data.slice(i));
  },
  rstrip(this: PyBytes, chars?: PyBytes | null) {
    const set = stripSet(chars);
    let j = this.data.length;
    while (j > 0 && set.includes(String.fromCharCode(this.data[j - 1]!))) j--;
    return same(this, this.data.slice(0, j));
  },
  split(this: PyBytes, sep: PyBytes | null = null, maxsplit = -1) {
    const text = latin1(this.data);
    let parts: string[];
    if (sep === null) {
      parts = [];
      const re = /[^ \t\n\r\x0b\x0c]+/g;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (maxsplit >= 0 && parts.length === maxsplit) {
          parts.push(text.slice(m.index).replace(/[ \t\n\r\x0b\x0c]+$/, ''));
          break;
        }
        parts.push(m[0]);
      }
    } else {
      const s = latin1(argData(sep));
      if (s === '') throw new ValueError('empty separator');
      parts = text.split(s);
      if (maxsplit >= 0 && parts.length > maxsplit + 1) parts = [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(s)];
    }
    return parts.map((p) => same(this, latin1Bytes(p)));
  },
  splitlines(this: PyBytes, keepends = false) {
    const lines: PyBytes[] = [];
    const text = latin1(this.data);
    const re = /[^\r\n]*(\r\n|\r|\n|$)/g;
    for (let m = re.exec(text); m !== null && m[0] !== ''; m = re.exec(text)) {
      lines.push(same(this, latin1Bytes(keepends ? m[0] : m[0].slice(0, m[0].length - m[1]!.length))));
    }
    return lines;
  },
  startswith(this: PyBytes, prefix: PyBytes | readonly PyBytes[]) {
    const options = Array.isArray(prefix) ? prefix : [prefix as PyBytes];
    return options.some((p) => latin1(this.data).startsWith(latin1(argData(p))));
  },
  endswith(this: PyBytes, suffix: PyBytes | readonly PyBytes[]) {
    const options = Array.isArray(suffix) ? suffix : [suffix as PyBytes];
    return options.some((p) => latin1(this.data).endsWith(latin1(argData(p))));
  },
  join(this: PyBytes, items: Iterable<unknown>) {
    return same(this, latin1Bytes([...items].map((x) => latin1(argData(x))).join(latin1(this.data))));
  },
  find(this: PyBytes, sub: PyBytes | number) {
    return latin1(this.data).indexOf(typeof sub === 'number' ? String.fromCharCode(sub) : latin1(argData(sub)));
  },
  index(this: PyBytes, sub: PyBytes | number) {
    const i = this.find(sub);
    if (i < 0) throw new ValueError('subsection not found');
    return i;
  },
  count(this: PyBytes, sub: PyBytes | number) {
    const needle = typeof sub === 'number' ? String.fromCharCode(sub) : latin1(argData(sub));
    const text = latin1(this.data);
    if (needle === '') return text.length + 1;
    return text.split(needle).length - 1;
  },
  replace(this: PyBytes, old: PyBytes, replacement: PyBytes, count = -1) {
    const text = latin1(this.data);
    const from = latin1(argData(old));
    const to = latin1(argData(replacement));
    let out = '';
    let at = 0;
    for (let n = 0; count < 0 || n < count; n++) {
      const found = from === '' ? (at <= text.length ? at : -1) : text.indexOf(from, at);
      if (found < 0) break;
      out += text.slice(at, found) + to;
      if (from === '') {
        out += text.charAt(found);
        at = found + 1;
      } else at = found + from.length;
    }
    return same(this, latin1Bytes(out + text.slice(at)));
  },
  removeprefix(this: PyBytes, prefix: PyBytes) {
    return this.startswith(prefix) ? same(this, this.data.slice(prefix.data.length)) : same(this, this.data.slice());
  },
  removesuffix(this: PyBytes, suffix: PyBytes) {
    const n = suffix.data.length;
    return n > 0 && this.endswith(suffix) ? same(this, this.data.slice(0, this.data.length - n)) : same(this, this.data.slice());
  },
  isdigit(this: PyBytes) {
    return this.data.length > 0 && this.data.every((c) => c >= 0x30 && c <= 0x39);
  },
  isalpha(this: PyBytes) {
    return this.data.length > 0 && this.data.every((c) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  },
  isspace(this: PyBytes) {
    return this.data.length > 0 && this.data.every((c) => ASCII_WHITESPACE.includes(String.fromCharCode(c)));
  },
});
