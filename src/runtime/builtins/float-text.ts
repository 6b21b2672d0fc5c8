// Python/pystrtod.c PyOS_double_to_string for the presentation types of format specs: 'e', 'f', 'g' (and their
// upper-case forms) with a precision, and '' (repr, or 'g' keeping a '.0' when a precision is given).

import { fixedDigits, significantDigits, type DecimalDigits } from './exact-decimal.js';
import { floatRepr } from './number-repr.js';

const DEFAULT_PRECISION = 6;

/**
 * The text of `x` for presentation `type` ('', 'e', 'E', 'f', 'F', 'g', 'G'), with `precision` digits (-1 for
 * the default) and the alternate form ('#': always a decimal point, 'g' keeps trailing zeros).
 */
export function exactFloatText(x: number, type: string, precision: number, alternate: boolean): string {
  const upper = type === 'E' || type === 'F' || type === 'G';
  if (!Number.isFinite(x)) {
    const text = x !== x ? 'nan' : x > 0 ? 'inf' : '-inf';
    return upper ? text.toUpperCase() : text;
  }
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  let body: string;
  switch (type.toLowerCase()) {
    case '':
      body = precision < 0 ? reprBody(x, alternate) : withDotZero(general(x, precision, alternate, true));
      break;
    case 'f':
      body = fixed(fixedDigits(x, precision < 0 ? DEFAULT_PRECISION : precision), precision < 0 ? DEFAULT_PRECISION : precision, alternate);
      break;
    case 'e': {
      const p = precision < 0 ? DEFAULT_PRECISION : precision;
      body = exponential(significantDigits(x, p + 1), alternate);
      break;
    }
    default:
      body = general(x, precision < 0 ? DEFAULT_PRECISION : precision, alternate);
  }
  return sign + (upper ? body.toUpperCase() : body);
}

function reprBody(x: number, alternate: boolean): string {
  const text = floatRepr(Math.abs(x));
  if (!alternate || text.includes('.')) return text;
  const e = text.indexOf('e');
  return e < 0 ? text + '.' : text.slice(0, e) + '.' + text.slice(e);
}

// Py_DTSF_ADD_DOT_0: the '' presentation with a precision keeps a float looking like a float ('1.0', not '1').
function withDotZero(text: string): string {
  return /[.e]/.test(text) ? text : text + '.0';
}

function fixed({ digits, pointPosition }: DecimalDigits, precision: number, alternate: boolean): string {
  const whole = pointPosition > 0 ? digits.slice(0, pointPosition) : '0';
  const fraction = pointPosition >= 0 ? digits.slice(pointPosition) : '0'.repeat(-pointPosition) + digits;
  const fractionDigits = fraction.padEnd(precision, '0').slice(0, precision);
  if (precision === 0) return alternate ? whole + '.' : whole;
  return whole + '.' + fractionDigits;
}

function exponential({ digits, pointPosition }: DecimalDigits, alternate: boolean): string {
  const exponent = pointPosition - 1;
  const mantissa = digits.length > 1 || alternate ? digits[0] + '.' + digits.slice(1) : digits;
  return mantissa + 'e' + (exponent < 0 ? '-' : '+') + String(Math.abs(exponent)).padStart(2, '0');
}

// 'g': fixed notation when -4 <= exponent < precision, else exponential; trailing zeros dropped unless '#'.
// For the '' presentation (`dotZero`) fixed notation stops one exponent earlier (pystrtod.c format_float_short),
// so format(1.0, '.1') is '1e+00'.
function general(x: number, precision: number, alternate: boolean, dotZero = false): string {
  const p = precision === 0 ? 1 : precision;
  const rounded = significantDigits(x, p);
  const exponent = rounded.pointPosition - 1;
  let text: string;
  if (exponent >= -4 && exponent < (dotZero ? p - 1 : p)) {
    text = fixed(rounded, p - 1 - exponent, alternate);
    if (!alternate && text.includes('.')) text = text.replace(/\.?0+$/, '');
  } else {
    text = exponential(rounded, alternate);
    if (!alternate) text = text.replace(/(\.\d*?)0+e/, '$1e').replace('.e', 'e');
  }
  return text;
}
