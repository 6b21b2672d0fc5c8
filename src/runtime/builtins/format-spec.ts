// Python's format-spec mini-language (Python/formatter_unicode.c): `format(value, spec)` for int, float and str,
// also behind f-strings (`f"{x:>8.2f}"` → `format(x, '>8.2f')`), `str.format` and `%`-formatting.
//
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]

import { codePointLength } from './code-points.js';
import { exactFloatText } from './float-text.js';
import { OverflowError, TypeError, ValueError } from './exceptions.js';
import { PyFloat } from './py-float.js';
import { str } from './repr.js';
import { typeName } from './type-name.js';

/** A parsed format spec (CPython's InternalFormatSpec). */
export interface FormatSpec {
  fill: string;
  align: '<' | '>' | '=' | '^' | '';
  sign: '+' | '-' | ' ' | '';
  noNegativeZero: boolean;
  alternate: boolean;
  width: number;
  grouping: ',' | '_' | '';
  precision: number;
  type: string;
}

const ALIGNS = '<>=^';

/**
 * Parse `spec` for a value of Python type `ofType` ('int', 'float', 'str'), with CPython's errors. `defaultType`
 * is the presentation type assumed when the spec has none ('d' for int, 's' for str, '' for float).
 */
export function parseFormatSpec(spec: string, ofType: string, defaultAlign: '<' | '>', defaultType: string): FormatSpec {
  const chars = [...spec];
  const result: FormatSpec = {
    fill: ' ', align: '', sign: '', noNegativeZero: false, alternate: false,
    width: -1, grouping: '', precision: -1, type: '',
  };
  let pos = 0;
  let fillSpecified = false;
  if (chars.length >= 2 && ALIGNS.includes(chars[1]!)) {
    result.fill = chars[0]!;
    result.align = chars[1] as FormatSpec['align'];
    fillSpecified = true;
    pos = 2;
  } else if (chars.length >= 1 && ALIGNS.includes(chars[0]!)) {
    result.align = chars[0] as FormatSpec['align'];
    pos = 1;
  }
  if (chars[pos] === '+' || chars[pos] === '-' || chars[pos] === ' ') result.sign = chars[pos++] as FormatSpec['sign'];
  if (chars[pos] === 'z') {
    result.noNegativeZero = true;
    pos++;
  }
  if (chars[pos] === '#') {
    result.alternate = true;
    pos++;
  }
  // The '0' flag: zero padding placed after the sign, unless an explicit fill or alignment says otherwise.
  if (!fillSpecified && chars[pos] === '0') {
    result.fill = '0';
    if (result.align === '' && defaultAlign === '>') result.align = '=';
    pos++;
  }
  [result.width, pos] = readInteger(chars, pos);
  if (chars[pos] === ',') {
    result.grouping = ',';
    pos++;
  }
  if (chars[pos] === '_') {
    if (result.grouping !== '') throw new ValueError("Cannot specify both ',' and '_'.");
    result.grouping = '_';
    pos++;
  }
  if (chars[pos] === ',' && result.grouping === '_') throw new ValueError("Cannot specify both ',' and '_'.");
  if (chars[pos] === '.') {
    const start = pos + 1;
    [result.precision, pos] = readInteger(chars, start);
    if (pos === start) throw new ValueError('Format specifier missing precision');
  }
  if (chars.length - pos > 1) {
    throw new ValueError(`Invalid format specifier '${spec}' for object of type '${ofType}'`);
  }
  result.type = chars.length - pos === 1 ? chars[pos]! : defaultType;
  if (result.grouping !== '') checkGroupingType(result);
  return result;
}

function readInteger(chars: string[], start: number): [number, number] {
  let pos = start;
  while (pos < chars.length && chars[pos]! >= '0' && chars[pos]! <= '9') pos++;
  if (pos === start) return [-1, pos];
  const value = Number(chars.slice(start, pos).join(''));
  if (!Number.isSafeInteger(value) || value > 2 ** 63) throw new ValueError('Too many decimal digits in format string');
  return [value, pos];
}

// PEP 378 / PEP 515: ',' and '_' group decimal output; '_' also groups b/o/x/X output in fours.
function checkGroupingType(spec: FormatSpec): void {
  if ('defgEG%F'.includes(spec.type) || spec.type === '') return;
  if ('boxX'.includes(spec.type) && spec.grouping === '_') return;
  throw new ValueError(`Cannot specify '${spec.grouping}' with ${quoteType(spec.type)}.`);
}

function quoteType(type: string): string {
  const code = type.codePointAt(0)!;
  return code >= 0x20 && code < 0x7f ? `'${type}'` : `'\\x${code.toString(16)}'`;
}

function unknownType(type: string, ofType: string): ValueError {
  return new ValueError(`Unknown format code ${quoteType(type)} for object of type '${ofType}'`);
}

/**
 * Python's `format(value, spec='')`: ints, floats (numbers marked with `asFloat`, or non-integral numbers), bools,
 * strings, and objects with `__format__`; other values accept only the empty spec (then `str(value)`).
 */
export function format(value: unknown, spec = ''): string {
  switch (typeof value) {
    case 'number':
      if (spec === '') return str(value);
      return Number.isInteger(value) ? formatInt(value, spec) : formatFloat(value, spec);
    case 'bigint':
      // an int beyond 2**53 (arithmetic.ts fromBigInt)
      return spec === '' ? str(value) : formatInt(value as unknown as number, spec);
    case 'string':
      return spec === '' ? value : formatString(value, spec);
    case 'boolean':
      // bool inherits int.__format__: the empty spec gives str(), anything else formats 1 or 0.
      return spec === '' ? str(value) : formatInt(Number(value), spec, 'bool');
  }
  if (value instanceof PyFloat) return formatFloat(value.value, spec);
  const dunder = (value as { __format__?: (spec: string) => string } | null)?.__format__;
  if (typeof dunder === 'function') return dunder.call(value, spec);
  if (spec === '') return str(value);
  throw new TypeError(`unsupported format string passed to ${typeName(value)}.__format__`);
}

/** `format(s, spec)` for a str (Python/formatter_unicode.c format_string_internal). */
export function formatString(s: string, spec: string): string {
  const f = parseFormatSpec(spec, 'str', '<', 's');
  if (f.type !== 's') throw unknownType(f.type, 'str');
  if (f.sign === ' ') throw new ValueError('Space not allowed in string format specifier');
  if (f.sign !== '') throw new ValueError('Sign not allowed in string format specifier');
  if (f.noNegativeZero) throw new ValueError('Negative zero coercion (z) not allowed in string format specifier');
  if (f.alternate) throw new ValueError('Alternate form (#) not allowed in string format specifier');
  if (f.align === '=') throw new ValueError("'=' alignment not allowed in string format specifier");
  let text = s;
  if (f.precision >= 0 && codePointLength(text) > f.precision) text = [...text].slice(0, f.precision).join('');
  return pad(text, f, '<');
}

/** `format(n, spec)` for an int (Python/formatter_unicode.c format_long_internal); `ofType` names it in errors. */
export function formatInt(n: number, spec: string, ofType = 'int'): string {
  const f = parseFormatSpec(spec, ofType, '>', 'd');
  if ('eEfFgG%'.includes(f.type)) return formatFloatSpec(Number(n), f);
  if (!'bcdoxXn'.includes(f.type)) throw unknownType(f.type, ofType);
  if (f.precision !== -1) throw new ValueError('Precision not allowed in integer format specifier');
  if (f.noNegativeZero) throw new ValueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (f.type === 'c') {
    if (f.sign !== '') throw new ValueError("Sign not allowed with integer format specifier 'c'");
    if (f.alternate) throw new ValueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (n < 0 || n > 0x10ffff) throw new OverflowError('%c arg not in range(0x110000)');
    return pad(String.fromCodePoint(n), f, '>');
  }
  const radix = f.type === 'b' ? 2 : f.type === 'o' ? 8 : f.type === 'x' || f.type === 'X' ? 16 : 10;
  // Beyond 2**53 toString() rounds to the shortest round-trip digits; BigInt writes every digit exactly.
  let digits = Number.isSafeInteger(n) ? Math.abs(n).toString(radix) : (n < 0 ? -BigInt(n) : BigInt(n)).toString(radix);
  if (f.type === 'X') digits = digits.toUpperCase();
  const prefix = f.alternate && radix !== 10 ? '0' + (f.type === 'X' ? 'X' : f.type) : '';
  const groupSize = radix === 10 ? 3 : 4;
  return assembleNumber(n < 0 ? '-' : '', prefix, digits, '', f, groupSize);
}

/** `format(x, spec)` for a float (Python/formatter_unicode.c format_float_internal). */
export function formatFloat(x: number, spec: string): string {
  const f = parseFormatSpec(spec, 'float', '>', '');
  if (f.type !== '' && !'eEfFgGn%'.includes(f.type)) throw unknownType(f.type, 'float');
  return formatFloatSpec(x, f);
}

function formatFloatSpec(x: number, f: FormatSpec): string {
  let type = f.type;
  let value = x;
  let percent = '';
  if (type === 'n') type = 'g';
  if (type === '%') {
    type = 'f';
    value *= 100;
    percent = '%';
  }
  let text = exactFloatText(value, type, f.precision, f.alternate);
  let negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  // 'z': a result that rounds to zero loses its minus sign.
  if (negative && f.noNegativeZero && Number.isFinite(x) && !/[1-9]/.test(text.replace(/e.*$/i, ''))) negative = false;
  // Split the integer digits (which grouping and zero padding apply to) from the rest.
  const match = /^(\d*)(.*)$/.exec(text)!;
  return assembleNumber(negative ? '-' : '', '', match[1]!, match[2]! + percent, f, 3);
}

// Python/formatter_unicode.c calc_number_widths + fill_number: sign and prefix, grouped digits, the rest,
// padded per the alignment; zero padding ('0' fill with '=' alignment) is grouped like the digits.
function assembleNumber(
  minus: string, prefix: string, digits: string, rest: string, f: FormatSpec, groupSize: number,
): string {
  const sign = minus !== '' ? '-' : f.sign === '+' ? '+' : f.sign === ' ' ? ' ' : '';
  const separator = f.grouping;
  const zeroPadded = f.fill === '0' && f.align === '=' && f.width > 0;
  // Grouping applies to digits only: inf and nan are zero padded without separators.
  if (zeroPadded && separator !== '' && digits !== '') {
    const minWidth = f.width - sign.length - prefix.length - codePointLength(rest);
    return sign + prefix + group(digits, separator, groupSize, minWidth) + rest;
  }
  const body = (separator !== '' && digits !== '' ? group(digits, separator, groupSize, 0) : digits) + rest;
  return pad(body, f, '>', sign + prefix);
}

// Insert a separator every `size` digits from the right; with `minWidth`, add leading zeros (grouped too) until
// the text is at least that wide (Objects/unicodeobject.c _PyUnicode_InsertThousandsGrouping).
function group(digits: string, separator: string, size: number, minWidth: number): string {
  let out = '';
  let remaining = digits;
  let width = 0;
  for (;;) {
    const take = Math.min(size, remaining.length);
    let chunk = remaining.slice(remaining.length - take);
    remaining = remaining.slice(0, remaining.length - take);
    const more = remaining.length > 0;
    if (!more && minWidth - width - chunk.length > 0) {
      chunk = chunk.padStart(Math.min(size, minWidth - width), '0');
    }
    out = chunk + out;
    width += chunk.length;
    if (!more && width >= minWidth) return out;
    if (!more && chunk.length < size) return out;
    out = separator + out;
    width += 1;
    if (!more && width >= minWidth) return '0' + out;
  }
}

/** Pad `body` (after `signAndPrefix`) to the spec's width with its fill and alignment. */
function pad(body: string, f: FormatSpec, defaultAlign: '<' | '>', signAndPrefix = ''): string {
  const length = codePointLength(body) + signAndPrefix.length;
  const padding = f.width - length;
  if (padding <= 0) return signAndPrefix + body;
  const align = f.align === '' ? defaultAlign : f.align;
  switch (align) {
    case '<':
      return signAndPrefix + body + f.fill.repeat(padding);
    case '^': {
      const left = Math.floor(padding / 2);
      return f.fill.repeat(left) + signAndPrefix + body + f.fill.repeat(padding - left);
    }
    case '=':
      return signAndPrefix + f.fill.repeat(padding) + body;
    default:
      return f.fill.repeat(padding) + signAndPrefix + body;
  }
}

