// json.loads (Lib/json/decoder.py and Modules/_json.c scanner): CPython's grammar and extensions (NaN, Infinity),
// its result types, and its JSONDecodeError messages and positions.

import { fromBigInt } from '../builtins/arithmetic.js';
import { PyDict } from '../builtins/dict.js';
import { ValueError } from '../builtins/exceptions.js';
import { asFloat, PyFloat } from '../builtins/py-float.js';

/**
 * Python's `json.JSONDecodeError` (a ValueError): `msg`, `doc`, `pos`, `lineno`, `colno`, printed
 * `Expecting value: line 1 column 1 (char 0)`; an uncaught one ends its traceback as `json.decoder.JSONDecodeError: …`.
 */
export class JSONDecodeError extends ValueError {
  static override __module__ = 'json.decoder';
  readonly msg: string;
  readonly doc: string;
  readonly pos: number;
  readonly lineno: number;
  readonly colno: number;

  constructor(msg: string, doc: string, pos: number) {
    // Positions count code points, as Python's str indexes do.
    const before = doc.slice(0, pos);
    const codePointPos = [...before].length;
    const lineno = before.split('\n').length;
    const lastNewline = before.lastIndexOf('\n');
    const colno = [...before.slice(lastNewline + 1)].length + 1;
    super(`${msg}: line ${lineno} column ${colno} (char ${codePointPos})`);
    this.msg = msg;
    this.doc = doc;
    this.pos = codePointPos;
    this.lineno = lineno;
    this.colno = colno;
  }
}

/** A JSON value as the runtime holds it: integral floats (`1.0`, `1e3`) carry the float marker. */
export type JsonValue =
  null | boolean | number | bigint | string | PyFloat | JsonValue[] | PyDict<string, JsonValue>;

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

/** Python's `json.loads(s)`. */
export function loads(s: string): any {
  const parser = new Parser(s);
  const start = parser.skipWhitespace(0);
  const [value, end] = parser.value(start);
  const rest = parser.skipWhitespace(end);
  if (rest !== s.length) throw new JSONDecodeError('Extra data', s, rest);
  return value;
}

// A "no value here" signal, as the scanner's StopIteration(idx) in Lib/json/scanner.py.
class NoValue {
  constructor(readonly at: number) {}
}

class Parser {
  constructor(private readonly s: string) {}

  skipWhitespace(at: number): number {
    while (at < this.s.length && WHITESPACE.has(this.s[at]!)) at++;
    return at;
  }

  /** The value starting at `at` and the index after it; "Expecting value" when there is none. */
  value(at: number): [JsonValue, number] {
    try {
      return this.scanOnce(at);
    } catch (e) {
      if (e instanceof NoValue) throw new JSONDecodeError('Expecting value', this.s, e.at);
      throw e;
    }
  }

  // Lib/json/scanner.py _scan_once.
  private scanOnce(at: number): [JsonValue, number] {
    const s = this.s;
    const ch = s[at];
    if (ch === undefined) throw new NoValue(at);
    if (ch === '"') return this.string(at + 1);
    if (ch === '{') return this.object(at + 1);
    if (ch === '[') return this.array(at + 1);
    if (ch === 'n' && s.startsWith('null', at)) return [null, at + 4];
    if (ch === 't' && s.startsWith('true', at)) return [true, at + 4];
    if (ch === 'f' && s.startsWith('false', at)) return [false, at + 5];
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(s);
    if (match !== null)
      return [numberValue(match[0], match[1] !== undefined || match[2] !== undefined), at + match[0].length];
    if (ch === 'N' && s.startsWith('NaN', at)) return [NaN, at + 3];
    if (ch === 'I' && s.startsWith('Infinity', at)) return [Infinity, at + 8];
    if (ch === '-' && s.startsWith('-Infinity', at)) return [-Infinity, at + 9];
    throw new NoValue(at);
  }

  // Lib/json/decoder.py JSONObject, step for step (its error positions are part of the behaviour).
  private object(at: number): [PyDict<string, JsonValue>, number] {
    const s = this.s;
    const result = new PyDict<string, JsonValue>();
    let end = at;
    let next = s[end];
    if (next !== '"') {
      if (next !== undefined && WHITESPACE.has(next)) {
        end = this.skipWhitespace(end);
        next = s[end];
      }
      if (next === '}') return [result, end + 1];
      if (next !== '"') throw new JSONDecodeError('Expecting property name enclosed in double quotes', s, end);
    }
    end++;
    for (;;) {
      const [key, afterKey] = this.string(end);
      end = afterKey;
      if (s[end] !== ':') {
        end = this.skipWhitespace(end);
        if (s[end] !== ':') throw new JSONDecodeError("Expecting ':' delimiter", s, end);
      }
      end = this.skipWhitespace(end + 1);
      const [value, afterValue] = this.value(end);
      result.setItem(key, value);
      end = this.skipWhitespace(afterValue);
      next = s[end] ?? '';
      end++;
      if (next === '}') break;
      if (next !== ',') throw new JSONDecodeError("Expecting ',' delimiter", s, end - 1);
      end = this.skipWhitespace(end);
      next = s[end] ?? '';
      end++;
      if (next !== '"') throw new JSONDecodeError('Expecting property name enclosed in double quotes', s, end - 1);
    }
    return [result, end];
  }

  // Lib/json/decoder.py JSONArray.
  private array(at: number): [JsonValue[], number] {
    const s = this.s;
    const values: JsonValue[] = [];
    let end = this.skipWhitespace(at);
    if (s[end] === ']') return [values, end + 1];
    for (;;) {
      const [value, afterValue] = this.value(end);
      values.push(value);
      end = this.skipWhitespace(afterValue);
      const next = s[end] ?? '';
      end++;
      if (next === ']') break;
      if (next !== ',') throw new JSONDecodeError("Expecting ',' delimiter", s, end - 1);
      end = this.skipWhitespace(end);
    }
    return [values, end];
  }

  // Modules/_json.c scanstring_unicode (strict): `at` is just after the opening quote.
  string(at: number): [string, number] {
    const s = this.s;
    const begin = at - 1;
    let out = '';
    let end = at;
    for (;;) {
      let chunkEnd = end;
      while (chunkEnd < s.length && s[chunkEnd] !== '"' && s[chunkEnd] !== '\\') {
        if (s.charCodeAt(chunkEnd) < 0x20) throw new JSONDecodeError('Invalid control character at', s, chunkEnd);
        chunkEnd++;
      }
      if (chunkEnd >= s.length) throw new JSONDecodeError('Unterminated string starting at', s, begin);
      out += s.slice(end, chunkEnd);
      if (s[chunkEnd] === '"') return [out, chunkEnd + 1];
      const escape = s[chunkEnd + 1];
      if (escape === undefined) throw new JSONDecodeError('Unterminated string starting at', s, begin);
      if (escape !== 'u') {
        const named = ESCAPES[escape];
        if (named === undefined) throw new JSONDecodeError('Invalid \\escape', s, chunkEnd);
        out += named;
        end = chunkEnd + 2;
        continue;
      }
      let code = this.hex4(chunkEnd + 2, chunkEnd + 1);
      end = chunkEnd + 6;
      // A high surrogate followed by an escaped low surrogate is one astral character.
      if (code >= 0xd800 && code <= 0xdbff && s[end] === '\\' && s[end + 1] === 'u') {
        const low = this.hex4(end + 2, end + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          end += 6;
        }
      }
      out += String.fromCodePoint(code);
    }
  }

  private hex4(at: number, errorAt: number): number {
    const digits = this.s.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) throw new JSONDecodeError('Invalid \\uXXXX escape', this.s, errorAt);
    return parseInt(digits, 16);
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

// Python's int() and float() of the matched number: ints stay exact (a bigint beyond 2**53), an integral float
// keeps the float marker so that it prints as `1000.0`.
function numberValue(text: string, isFloat: boolean): JsonValue {
  if (isFloat) {
    const x = Number(text);
    return Number.isInteger(x) ? asFloat(x) : x;
  }
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : fromBigInt(BigInt(text));
}
