// Correctly rounded decimal digits of a double, ties to even on its exact binary value: what CPython's
// PyOS_double_to_string computes (Python/dtoa.c modes 2 and 3). JS's toFixed/toExponential round ties away from
// zero, so `format(0.125, '.2f')` would print 0.13 where Python prints 0.12.

/** Digits `digits` with the decimal point after `pointPosition` of them (may be <= 0 or > digits.length). */
export interface DecimalDigits {
  digits: string;
  pointPosition: number;
}

// The exact value of a finite non-negative double as an integer string and a power-of-ten scale: x = N * 10**-scale.
function exactDecimal(x: number): { integer: string; scale: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const mantissa = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biasedExponent === 0 ? 1 : biasedExponent) - 1075;
  if (exponent >= 0) return { integer: (mantissa << BigInt(exponent)).toString(), scale: 0 };
  // m * 2**e = m * 5**-e / 10**-e.
  return { integer: (mantissa * 5n ** BigInt(-exponent)).toString(), scale: -exponent };
}

// Keep the first `keep` digits of `digits`, rounding the rest half to even; returns the kept digits (one longer
// when rounding carries out, e.g. '999' → '1000').
function roundDigits(digits: string, keep: number): string {
  if (keep >= digits.length) return digits.padEnd(keep, '0');
  if (keep < 0) return '';
  const kept = digits.slice(0, keep);
  const rest = digits.slice(keep);
  const first = rest.charCodeAt(0) - 48;
  let roundUp: boolean;
  if (first !== 5) roundUp = first > 5;
  else if (/[1-9]/.test(rest.slice(1))) roundUp = true;
  else roundUp = keep > 0 && (kept.charCodeAt(keep - 1) - 48) % 2 === 1;
  if (!roundUp) return kept;
  return (BigInt(kept === '' ? '0' : kept) + 1n).toString().padStart(keep, '0');
}

/** `|x|` rounded to `precision` digits after the point: the digits of the result and where its point goes. */
export function fixedDigits(x: number, precision: number): DecimalDigits {
  const { integer, scale } = exactDecimal(Math.abs(x));
  // Digits of x * 10**precision, rounded to an integer.
  const cut = integer.length - scale + precision;
  let rounded: string;
  if (cut < 0) rounded = '0';
  else rounded = roundDigits(integer, cut) || '0';
  const digits = rounded.replace(/^0+(?=\d)/, '');
  return { digits, pointPosition: digits.length - precision };
}

/** `|x|` rounded to `significant` significant digits (at least 1): the digits and the decimal point position. */
export function significantDigits(x: number, significant: number): DecimalDigits {
  const value = Math.abs(x);
  if (value === 0) return { digits: '0'.repeat(significant), pointPosition: 1 };
  const { integer, scale } = exactDecimal(value);
  const stripped = integer.replace(/^0+/, '');
  const pointPosition = stripped.length - scale;
  const rounded = roundDigits(stripped, significant);
  // A carry (9.99 → 10.0) adds a digit in front: drop the last one and move the point.
  if (rounded.length > significant) return { digits: rounded.slice(0, significant), pointPosition: pointPosition + 1 };
  return { digits: rounded, pointPosition };
}
