// Python indexes strings by code point; JS by UTF-16 code unit. They agree unless the text has characters beyond
// U+FFFF (emoji, some CJK), stored in JS as two surrogate units. These helpers take the fast JS path for text
// without surrogates and work on code points otherwise.

const SURROGATE = /[\uD800-\uDFFF]/;

// One-entry caches: loops index the same string again and again (`for i in range(len(s)): s[i]`).
let checkedText = '';
let checkedHasSurrogates = false;
let splitText = '';
let splitChars: string[] = [];

/** True when `s` has characters beyond U+FFFF, so UTF-16 indexes differ from Python's. */
export function hasAstral(s: string): boolean {
  if (s !== checkedText) {
    checkedText = s;
    checkedHasSurrogates = SURROGATE.test(s);
  }
  return checkedHasSurrogates;
}

/** The code points of `s`, one string each (cached for the last string asked). */
export function codePoints(s: string): string[] {
  if (s !== splitText) {
    splitText = s;
    splitChars = Array.from(s);
  }
  return splitChars;
}

/** Python's `len(s)`: the number of code points. */
export function codePointLength(s: string): number {
  return hasAstral(s) ? codePoints(s).length : s.length;
}
