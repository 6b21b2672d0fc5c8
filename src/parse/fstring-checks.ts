// The errors CPython 3.11 raises while splitting an f-string into text and replacement fields
// (Parser/string_parser.c `fstring_find_expr`). In 3.11 they all point just past the end of the literal.
import { PythonSyntaxError } from './convert/context.js';

/**
 * Checks the f-string literal whose body is `source[bodyStart, bodyEnd)` and whose token ends at `tokenEnd`.
 * Returns CPython's error for the first malformed replacement field, or null.
 */
export function findFStringError(source: string, bodyStart: number, bodyEnd: number, tokenEnd: number, raw: boolean): PythonSyntaxError | null {
  const fail = (message: string): PythonSyntaxError => new PythonSyntaxError(message, tokenEnd, tokenEnd);
  let i = bodyStart;
  while (i < bodyEnd) {
    const c = source[i]!;
    if (c === '\\' && !raw) {
      // `\N{name}` braces belong to the escape.
      if (source[i + 1] === 'N' && source[i + 2] === '{') {
        const close = source.indexOf('}', i);
        i = close === -1 || close >= bodyEnd ? bodyEnd : close + 1;
      } else {
        i += 2;
      }
      continue;
    }
    if (c === '}') {
      if (source[i + 1] !== '}') return fail("f-string: single '}' is not allowed");
      i += 2;
      continue;
    }
    if (c !== '{') {
      i++;
      continue;
    }
    if (source[i + 1] === '{') {
      i += 2;
      continue;
    }
    const field = checkReplacementField(source, i + 1, bodyEnd, 0);
    if (typeof field === 'string') return fail(field);
    i = field;
  }
  return null;
}

/** Reads one `{expr[=][!c][:spec]}` from just after its `{`; returns the index after its `}` or the error message. */
function checkReplacementField(source: string, start: number, end: number, nesting: number): number | string {
  let depth = 0;
  let quote: string | null = null;
  let i = start;
  for (; i < end; i++) {
    const c = source[i]!;
    if (quote !== null) {
      if (source.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      }
      continue;
    }
    if (c === '\\') return 'f-string expression part cannot include a backslash';
    if (c === "'" || c === '"') {
      // A string inside the field, possibly triple-quoted: f"{'''it's'''}".
      quote = source.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
    }
    else if (c === '#') return "f-string expression part cannot include '#'";
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (depth === 0 && (c === '}' || c === ':' || (c === '!' && source[i + 1] !== '='))) break;
  }
  if (i >= end) return "f-string: expecting '}'";
  // A trailing `=` (not `==`, `!=`, `<=`, `>=`) asks for the debug form `x=…` and is not part of the expression.
  const expression = source.slice(start, i).replace(/(?<![=!<>])=\s*$/, '');
  if (expression.trim() === '') return 'f-string: empty expression not allowed';
  if (source[i] === '!') {
    const conversion = source[i + 1];
    const after = source[i + 2];
    if ((conversion !== 's' && conversion !== 'r' && conversion !== 'a') || (after !== ':' && after !== '}')) {
      return "f-string: invalid conversion character: expected 's', 'r', or 'a'";
    }
    i += 2;
  }
  if (source[i] === ':') {
    // The format spec may hold replacement fields of its own, one level deep.
    for (i++; i < end && source[i] !== '}'; i++) {
      if (source[i] !== '{') continue;
      if (nesting >= 1) return 'f-string: expressions nested too deeply';
      const nested = checkReplacementField(source, i + 1, end, nesting + 1);
      if (typeof nested === 'string') return nested;
      i = nested - 1;
    }
    if (i >= end) return "f-string: expecting '}'";
  }
  return i + 1;
}
