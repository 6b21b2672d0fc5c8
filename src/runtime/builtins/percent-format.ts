// Python's printf-style `template % values` (Objects/unicodeobject.c PyUnicode_Format).

import { PyDict } from './dict.js';
import { KeyError, OverflowError, TypeError, ValueError } from './exceptions.js';
import { PyFloat } from './py-float.js';
import { formatFloat, formatInt } from './format-spec.js';
import { repr, str } from './repr.js';
import { ascii } from './str-format.js';
import { isTuple } from './tuple.js';
import { typeName } from './type-name.js';

/**
 * Python's `template % values`: `values` is a tuple of arguments, a dict for `%(name)s` fields, or a single
 * value. Supports the flags `-+ #0`, width and precision (also `*`), and the conversions `diouxXeEfFgGcrsa%`.
 */
export function percentFormat(template: string, values: unknown): string {
  const args = isTuple(values) ? (values as readonly unknown[]) : [values];
  const mapping = values instanceof PyDict ? values : null;
  let next = 0;
  const take = (): unknown => {
    if (next >= args.length) throw new TypeError('not enough arguments for format string');
    return args[next++];
  };
  let out = '';
  let i = 0;
  let usedMapping = false;
  while (i < template.length) {
    const percent = template.indexOf('%', i);
    if (percent < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, percent);
    i = percent + 1;
    let key: string | null = null;
    if (template[i] === '(') {
      const close = findClosingParen(template, i);
      key = template.slice(i + 1, close);
      i = close + 1;
    }
    let flags = '';
    while (i < template.length && '-+ #0'.includes(template[i]!)) flags += template[i++];
    let width = -1;
    if (template[i] === '*') {
      width = starArgument(take());
      i++;
    } else {
      const start = i;
      while (template[i]! >= '0' && template[i]! <= '9') i++;
      if (i > start) width = Number(template.slice(start, i));
    }
    let precision = -1;
    if (template[i] === '.') {
      i++;
      if (template[i] === '*') {
        precision = starArgument(take());
        i++;
      } else {
        const start = i;
        while (template[i]! >= '0' && template[i]! <= '9') i++;
        precision = i > start ? Number(template.slice(start, i)) : 0;
      }
    }
    // Length modifiers are accepted and ignored, as in C.
    while ('hlL'.includes(template[i] ?? '.')) i++;
    if (i >= template.length) throw new ValueError('incomplete format');
    const conversion = template[i]!;
    i++;
    // '%%' is a literal percent sign only without modifiers; '%5%' is a conversion that consumes an argument
    // and then fails as an unsupported character (Objects/unicodeobject.c unicode_format_arg_parse).
    if (conversion === '%' && i === percent + 2) {
      out += '%';
      continue;
    }
    let value: unknown;
    if (key !== null) {
      if (mapping === null) throw new TypeError('format requires a mapping');
      usedMapping = true;
      if (!mapping.has(key)) throw new KeyError(key);
      value = mapping.getItem(key);
    } else {
      value = take();
    }
    out += convert(conversion, value, flags, width, precision, i - 1);
  }
  if (next < args.length && !usedMapping && mapping === null) {
    throw new TypeError('not all arguments converted during string formatting');
  }
  return out;
}

function findClosingParen(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === '(') depth++;
    else if (template[i] === ')' && --depth === 0) return i;
  }
  throw new ValueError('incomplete format key');
}

function starArgument(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new TypeError('* wants int');
  return value;
}

function convert(conversion: string, value: unknown, flags: string, width: number, precision: number, index: number): string {
  const left = flags.includes('-');
  const fill = flags.includes('0') && !left ? '0' : ' ';
  const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const alternate = flags.includes('#') ? '#' : '';
  const widthSpec = width > 0 ? String(width) : '';
  switch (conversion) {
    case 's':
    case 'r':
    case 'a': {
      let text = conversion === 's' ? str(value) : conversion === 'r' ? repr(value) : ascii(value);
      if (precision >= 0) text = [...text].slice(0, precision).join('');
      return padText(text, width, left);
    }
    case 'c':
      return padText(character(value), width, left);
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      const n = integerArgument(conversion, value);
      const type = conversion === 'o' || conversion === 'x' || conversion === 'X' ? conversion : 'd';
      let text = formatInt(Math.abs(n), alternate + type);
      // A precision on an int is a minimum digit count ('%.3d' % 5 == '005').
      if (precision > 0) {
        const prefix = alternate && type !== 'd' ? text.slice(0, 2) : '';
        text = prefix + text.slice(prefix.length).padStart(precision, '0');
      }
      const signText = n < 0 ? '-' : sign;
      return padNumber(signText, text, width, left, fill, alternate && type !== 'd' ? 2 : 0);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      const x = floatArgument(value);
      const precisionSpec = precision >= 0 ? '.' + precision : '';
      const zero = fill === '0' ? '0' : '';
      return formatFloat(x, (left ? '<' : '') + sign + alternate + zero + widthSpec + precisionSpec + conversion);
    }
    default: {
      const code = conversion.codePointAt(0)!;
      throw new ValueError(`unsupported format character '${conversion}' (0x${code.toString(16)}) at index ${index}`);
    }
  }
}

function integerArgument(conversion: string, value: unknown): number {
  const x = value instanceof PyFloat ? value.value : value;
  if (typeof x === 'boolean') return Number(x);
  if (typeof x === 'number') {
    if (Number.isInteger(x) && !(value instanceof PyFloat)) return x;
    if (conversion === 'o' || conversion === 'x' || conversion === 'X') {
      throw new TypeError(`%${conversion} format: an integer is required, not float`);
    }
    if (!Number.isFinite(x)) {
      throw x !== x ? new ValueError('cannot convert float NaN to integer') : new OverflowError('cannot convert float infinity to integer');
    }
    return Math.trunc(x);
  }
  const kind = conversion === 'o' || conversion === 'x' || conversion === 'X' ? 'an integer' : 'a real number';
  throw new TypeError(`%${conversion} format: ${kind} is required, not ${typeName(value)}`);
}

function floatArgument(value: unknown): number {
  const x = value instanceof PyFloat ? value.value : value;
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return Number(x);
  throw new TypeError(`must be real number, not ${typeName(value)}`);
}

function character(value: unknown): string {
  if (typeof value === 'string') {
    if ([...value].length !== 1) throw new TypeError('%c requires int or char');
    return value;
  }
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (value < 0 || value > 0x10ffff) throw new OverflowError('%c arg not in range(0x110000)');
    return String.fromCodePoint(value);
  }
  throw new TypeError('%c requires int or char');
}

function padText(text: string, width: number, left: boolean): string {
  const padding = width - [...text].length;
  if (padding <= 0) return text;
  return left ? text + ' '.repeat(padding) : ' '.repeat(padding) + text;
}

// Zero padding goes between the sign (and 0x prefix) and the digits.
function padNumber(sign: string, text: string, width: number, left: boolean, fill: string, prefixLength: number): string {
  const padding = width - sign.length - text.length;
  if (padding <= 0) return sign + text;
  if (left) return sign + text + ' '.repeat(padding);
  if (fill === '0') return sign + text.slice(0, prefixLength) + '0'.repeat(padding) + text.slice(prefixLength);
  return ' '.repeat(padding) + sign + text;
}
