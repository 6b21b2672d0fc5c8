// How CPython writes numbers: `repr(float)` (Objects/floatobject.c float_repr, 'r' mode of PyOS_double_to_string)
// and `repr(int)`. JS's shortest round-trip digits are the same digits Python picks; only the layout differs.

/** Python's `repr(float)`: `0.1`, `3.0`, `1e-05`, `1e+16`, `inf`, `nan`, `-0.0`. */
export function floatRepr(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x + '.0';
  const abs = Math.abs(x);
  // Between 1e-4 and 1e16 JS already prints the positional form Python uses.
  if (abs >= 1e-4 && abs < 1e16) return String(x);
  return exponentForm(x.toExponential());
}

// 'd.ddde+n' from toExponential() → Python's 'd.ddde+nn' (at least two exponent digits, sign always shown).
function exponentForm(text: string): string {
  const e = text.indexOf('e');
  const sign = text[e + 1];
  const digits = text.slice(e + 2);
  return text.slice(0, e + 1) + sign + (digits.length < 2 ? '0' + digits : digits);
}

/**
 * Python's `repr(int)` for an integral JS number; a non-integral one (a float the translator did not mark) prints
 * as a float, since that is what it is.
 */
export function numberRepr(x: number): string {
  if (Number.isInteger(x)) {
    // Beyond 2**53 String() prints the shortest digits that round-trip (2**64 → 18446744073709552000) and, from
    // 1e21, an exponent; a Python int prints all its digits, which BigInt gives exactly.
    return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
  }
  return floatRepr(x);
}
