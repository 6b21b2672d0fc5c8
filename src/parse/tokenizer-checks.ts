// The errors CPython's tokenizer raises (Parser/tokenizer.c), the indentation errors its parser derives from
// INDENT/DEDENT tokens, and the line-shaped parser errors (a block header without ':'), found by one light pass
// over the source. tree-sitter accepts some of these silently and reports others as an ERROR far from the
// cause, so parse() runs this pass on every file (about 3 % of the front end's time on the stdlib).
import { PythonSyntaxError } from './convert/context.js';
import { findFStringError } from './fstring-checks.js';

/** CPython's MAXLEVEL: brackets nested deeper than this are "too many nested parentheses". */
export const MAX_BRACKET_DEPTH = 200;

const CLOSING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** How CPython names a block header in "expected an indented block after …" (Grammar/python.gram). */
const HEADER_NAMES: Record<string, string> = {
  if: "'if' statement",
  elif: "'elif' statement",
  else: "'else' statement",
  for: "'for' statement",
  while: "'while' statement",
  def: 'function definition',
  class: 'class definition',
  try: "'try' statement",
  except: "'except' statement",
  finally: "'finally' statement",
  with: "'with' statement",
  match: "'match' statement",
  case: "'case' statement",
};

interface Bracket {
  char: string;
  offset: number;
  line: number;
}

interface Indent {
  /** width with tabs to the next multiple of 8 */
  col: number;
  /** width with each tab counted as 1: CPython's check for tab/space ambiguity */
  alt: number;
}

/**
 * What the scan found. `tokenizer` errors come from CPython's tokenizer and beat a generic parser error anywhere;
 * `block` errors ("unexpected indent", "expected an indented block") are parser errors at an INDENT token;
 * `header` is a block statement's first line without its ':' ("expected ':'", the parser's error at the line
 * end); `unclosed` is a bracket still open at the end of the file; `fstring` is a malformed f-string, reported
 * where CPython 3.11 reports it (past the literal) when the parser reaches the literal.
 */
export type TokenizerFinding =
  | { kind: 'tokenizer' | 'block' | 'header'; error: PythonSyntaxError }
  | { kind: 'unclosed'; error: PythonSyntaxError; bracketLine: number }
  | { kind: 'fstring'; error: PythonSyntaxError; tokenStart: number };

/** Scans `source` (newlines normalised to '\n') and returns the first problem found, or null. */
export function findTokenizerError(source: string): TokenizerFinding | null {
  const brackets: Bracket[] = [];
  const indents: Indent[] = [{ col: 0, alt: 0 }];
  let line = 1;
  let lineStart = 0;
  let atLogicalLineStart = true;
  /** the logical line just ended with ':' and opens a block */
  let pendingHeader: { name: string; line: number; end: number } | null = null;
  let firstWords: string[] = [];
  let logicalLineFirstLine = 1;
  let lastSignificant = '';
  let lastSignificantEnd = 0;
  /** the current logical line has a ':' outside brackets */
  let colonAtDepthZero = false;
  /**
   * the current logical line has something that stops CPython's parser before the line end (an `=`, two operands
   * side by side), so a missing ':' is not what it reports
   */
  let stopsEarly = false;
  let previousEndsOperand = false;
  let i = 0;
  const length = source.length;

  while (i < length) {
    if (atLogicalLineStart) {
      atLogicalLineStart = false;
      let col = 0;
      let alt = 0;
      let j = i;
      for (; j < length; j++) {
        const c = source[j];
        if (c === ' ') {
          col++;
          alt++;
        } else if (c === '\t') {
          col = (Math.floor(col / 8) + 1) * 8;
          alt++;
        } else if (c === '\f') {
          col = 0;
          alt = 0;
        } else break;
      }
      const next = source[j];
      const blank = next === undefined || next === '\n' || next === '#' || (next === '\\' && source[j + 1] === '\n');
      if (!blank) {
        const top = indents[indents.length - 1]!;
        const tokenEnd = wordEnd(source, j);
        if (col > top.col) {
          if (alt <= top.alt) return tabError(j, lineStart);
          if (pendingHeader === null) {
            return block(new PythonSyntaxError('unexpected indent', Math.max(lineStart, j - 1), j, 'IndentationError'));
          }
          indents.push({ col, alt });
        } else {
          if (pendingHeader !== null) {
            return block(
              new PythonSyntaxError(
                `expected an indented block after ${pendingHeader.name} on line ${pendingHeader.line}`,
                j,
                tokenEnd,
                'IndentationError',
              ),
            );
          }
          while (col < indents[indents.length - 1]!.col) indents.pop();
          const outer = indents[indents.length - 1]!;
          if (col !== outer.col) {
            const lineEnd = source.indexOf('\n', j);
            const end = lineEnd === -1 ? length : lineEnd;
            return tokenizer(new PythonSyntaxError('unindent does not match any outer indentation level', end, end, 'IndentationError'));
          }
          if (alt !== outer.alt) return tabError(j, lineStart);
        }
        pendingHeader = null;
        firstWords = [];
        logicalLineFirstLine = line;
      }
      i = j;
      continue;
    }

    const c = source[i]!;
    if (c === '\n') {
      if (brackets.length === 0) {
        const missingColon = missingHeaderColon(firstWords, colonAtDepthZero || stopsEarly, lastSignificantEnd);
        if (missingColon !== null) return missingColon;
        colonAtDepthZero = false;
        stopsEarly = false;
        previousEndsOperand = false;
        if (lastSignificant === ':' && firstWords.length > 0) {
          const keyword = firstWords[0] === 'async' ? firstWords[1] ?? '' : firstWords[0]!;
          const name = HEADER_NAMES[keyword];
          if (name !== undefined) pendingHeader = { name, line: logicalLineFirstLine, end: lastSignificantEnd };
        }
        // The logical line is over; blank lines that follow must not be taken for it.
        firstWords = [];
        atLogicalLineStart = true;
        lastSignificant = '';
      }
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    if (c === '#') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? length : end;
      continue;
    }
    if (c === '\\') {
      if (source[i + 1] !== '\n') {
        const message = i + 1 >= length ? 'unexpected EOF while parsing' : 'unexpected character after line continuation character';
        return tokenizer(new PythonSyntaxError(message, i + 1, i + 1));
      }
      if (i + 2 >= length) return tokenizer(new PythonSyntaxError('unexpected EOF while parsing', i + 1, i + 1));
      line++;
      lineStart = i + 2;
      i += 2;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(source[i + 1] ?? ''))) {
      const number = scanNumber(source, i);
      if ('error' in number) return tokenizer(number.error);
      if (brackets.length === 0 && previousEndsOperand) stopsEarly = true;
      previousEndsOperand = true;
      lastSignificant = 'number';
      lastSignificantEnd = number.end;
      i = number.end;
      continue;
    }
    if (c === '"' || c === "'") {
      const prefixStart = stringPrefixStart(source, i);
      const end = stringEnd(source, i);
      if (typeof end !== 'number') {
        const detectedAt = end.detectedAtLine === 'last' ? countLines(source) : line;
        const what = end.triple ? 'unterminated triple-quoted string literal' : 'unterminated string literal';
        return tokenizer(new PythonSyntaxError(`${what} (detected at line ${detectedAt})`, prefixStart, prefixStart));
      }
      const prefix = source.slice(prefixStart, i).toLowerCase();
      if (prefix.includes('f')) {
        const quoteLength = source[i + 1] === c && source[i + 2] === c && end - i >= 6 ? 3 : 1;
        const fstringError = findFStringError(source, i + quoteLength, end - quoteLength, end, prefix.includes('r'));
        if (fstringError !== null) return { kind: 'fstring', error: fstringError, tokenStart: prefixStart };
      }
      for (let k = source.indexOf('\n', i); k !== -1 && k < end; k = source.indexOf('\n', k + 1)) {
        line++;
        lineStart = k + 1;
      }
      // Adjacent strings concatenate; any other operand before a string stops the parser.
      if (brackets.length === 0 && previousEndsOperand && lastSignificant !== 'string') stopsEarly = true;
      previousEndsOperand = true;
      lastSignificant = 'string';
      lastSignificantEnd = end;
      i = end;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      brackets.push({ char: c, offset: i, line });
      if (brackets.length > MAX_BRACKET_DEPTH) return tokenizer(new PythonSyntaxError('too many nested parentheses', i, i));
    } else if (c === ')' || c === ']' || c === '}') {
      const open = brackets.pop();
      if (open === undefined) return tokenizer(new PythonSyntaxError(`unmatched '${c}'`, i, i));
      if (open.char !== CLOSING[c]) {
        const where = open.line === line ? '' : ` on line ${open.line}`;
        return tokenizer(new PythonSyntaxError(`closing parenthesis '${c}' does not match opening parenthesis '${open.char}'${where}`, i, i));
      }
    } else if (isWordCharacter(c)) {
      const end = wordEnd(source, i);
      const word = source.slice(i, end);
      if (brackets.length === 0 && firstWords.length < 3) firstWords.push(word);
      const isKeyword = PYTHON_KEYWORDS.has(word);
      if (brackets.length === 0 && previousEndsOperand && !isKeyword) stopsEarly = true;
      previousEndsOperand = !isKeyword || word === 'True' || word === 'False' || word === 'None';
      lastSignificant = 'word';
      lastSignificantEnd = end;
      i = end;
      continue;
    }
    if (c.charCodeAt(0) >= 0x80 && !/\s/u.test(c)) {
      const code = source.codePointAt(i)!;
      const character = String.fromCodePoint(code);
      return tokenizer(
        new PythonSyntaxError(`invalid character '${character}' (U+${code.toString(16).toUpperCase().padStart(4, '0')})`, i, i + character.length),
      );
    }
    if (c === ':' && brackets.length === 0 && source[i + 1] !== '=') colonAtDepthZero = true;
    // A plain `=` (not `==`, `<=`, `:=`…) in a block header: CPython reports the assignment instead.
    if (c === '=' && brackets.length === 0 && !'=<>!:+-*/%&|^@'.includes(source[i - 1] ?? '') && source[i + 1] !== '=') stopsEarly = true;
    if (c !== ' ' && c !== '\t' && c !== '\f') previousEndsOperand = c === ')' || c === ']' || c === '}';
    if (c !== ' ' && c !== '\t' && c !== '\f') {
      lastSignificant = c;
      lastSignificantEnd = i + 1;
    }
    i++;
  }
  // The last line has no newline at its end: it is checked here.
  if (brackets.length === 0 && !atLogicalLineStart) {
    const missingColon = missingHeaderColon(firstWords, colonAtDepthZero || stopsEarly, lastSignificantEnd);
    if (missingColon !== null) return missingColon;
  }
  if (brackets.length > 0) {
    const open = brackets[brackets.length - 1]!;
    return { kind: 'unclosed', error: new PythonSyntaxError(`'${open.char}' was never closed`, open.offset, open.offset), bracketLine: open.line };
  }
  if ((pendingHeader !== null || (lastSignificant === ':' && firstWords.length > 0))) {
    const header = pendingHeader ?? headerOf(firstWords, logicalLineFirstLine, lastSignificantEnd);
    if (header !== null) {
      return block(
        new PythonSyntaxError(`expected an indented block after ${header.name} on line ${header.line}`, header.end, header.end, 'IndentationError'),
      );
    }
  }
  return null;
}

/**
 * Keywords that surely open a block when they start a logical line. Clauses (`else`, `except`…) may be stray and
 * are left to the tree; `match` and `case` are soft keywords.
 */
const BLOCK_OPENERS = new Set(['if', 'while', 'for', 'try', 'with', 'def', 'class']);

const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/**
 * A logical line opening a block must have its ':'; CPython expects it right after the line's last token. Not
 * reported when `settled` (the line has its ':' or stops the parser earlier) or for a bare `def`/`class`.
 */
function missingHeaderColon(words: string[], settled: boolean, lastTokenEnd: number): TokenizerFinding | null {
  if (settled || words.length === 0) return null;
  const keyword = words[0] === 'async' ? words[1] : words[0];
  if (keyword === undefined || !BLOCK_OPENERS.has(keyword)) return null;
  if ((keyword === 'def' || keyword === 'class') && words.length < (words[0] === 'async' ? 3 : 2)) return null;
  return { kind: 'header', error: new PythonSyntaxError("expected ':'", lastTokenEnd, lastTokenEnd) };
}

function headerOf(words: string[], line: number, end: number): { name: string; line: number; end: number } | null {
  const keyword = words[0] === 'async' ? words[1] ?? '' : words[0] ?? '';
  const name = HEADER_NAMES[keyword];
  return name === undefined ? null : { name, line, end };
}

function tokenizer(error: PythonSyntaxError): TokenizerFinding {
  return { kind: 'tokenizer', error };
}

function block(error: PythonSyntaxError): TokenizerFinding {
  return { kind: 'block', error };
}

function tabError(offset: number, lineStart: number): TokenizerFinding {
  return tokenizer(new PythonSyntaxError('inconsistent use of tabs and spaces in indentation', lineStart, offset, 'TabError'));
}

function isWordCharacter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return isAsciiWordCode(code);
  // Halves of a surrogate pair count as word characters: astral identifier characters (variation selectors,
  // historic scripts) are valid, and an invalid astral one still fails in the parser.
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return /\p{ID_Continue}/u.test(c);
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

// Keywords CPython 3.11 lets follow a number directly (`1if x else 2`), Parser/tokenizer.c `verify_end_of_number`.
const KEYWORDS_AFTER_NUMBER = /^(?:and|else|for|if|in|is|not|or)$/;
const NUMBER_FORMS = [
  { prefix: /^0[xX]/, valid: /^0[xX](?:_?[0-9a-fA-F])*/, digit: /[0-9a-fA-F]/, name: 'hexadecimal' },
  { prefix: /^0[oO]/, valid: /^0[oO](?:_?[0-7])*/, digit: /[0-7]/, name: 'octal' },
  { prefix: /^0[bB]/, valid: /^0[bB](?:_?[01])*/, digit: /[01]/, name: 'binary' },
] as const;
const DECIMAL_NUMBER = /^(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?/;

/**
 * Reads the number token at `start` as CPython's tokenizer does: the longest valid literal, which must not run
 * straight into a name (`10L`, `1.real`) unless that name is a keyword. Returns its end, or the error.
 */
function scanNumber(source: string, start: number): { end: number } | { error: PythonSyntaxError } {
  const plain = plainIntegerEnd(source, start);
  if (plain !== -1) return { end: plain };
  const rest = source.slice(start, start + 400);
  for (const form of NUMBER_FORMS) {
    if (!form.prefix.test(rest)) continue;
    const token = /^0[xXoObB][0-9a-zA-Z_]*/.exec(rest)![0];
    const valid = form.valid.exec(token)![0];
    const after = token.slice(valid.length);
    if (valid.length > 2 && (after === '' || KEYWORDS_AFTER_NUMBER.test(after))) return { end: start + valid.length };
    if (/^[0-9]/.test(after)) {
      return { error: new PythonSyntaxError(`invalid digit '${after[0]}' in ${form.name} literal`, start + valid.length, start + valid.length) };
    }
    return { error: new PythonSyntaxError(`invalid ${form.name} literal`, start + valid.length - 1, start + valid.length - 1) };
  }
  const valid = DECIMAL_NUMBER.exec(rest)?.[0] ?? '';
  const end = start + valid.length;
  const next = source[end] ?? '';
  if (isWordCharacter(next) && !KEYWORDS_AFTER_NUMBER.test(wordAt(source, end))) {
    const kind = /[jJ]$/.test(valid) ? 'imaginary' : 'decimal';
    // CPython reports on the last digit read, or on a stray underscore itself.
    const at = next === '_' ? end : start + Math.max(0, valid.length - 1);
    return { error: new PythonSyntaxError(`invalid ${kind} literal`, at, at) };
  }
  if (/^0[0-9_]*[1-9][0-9_]*$/.test(valid)) {
    return {
      error: new PythonSyntaxError('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', start, start + 1),
    };
  }
  return { end };
}

/**
 * The end of a plain decimal integer at `start` (`1`, `42`, `0`, most numbers in code) followed by a character that
 * cannot continue a number (ASCII, neither a letter, a digit, '_' nor '.'), or -1 for any other number: those take
 * the regular expressions.
 */
function plainIntegerEnd(source: string, start: number): number {
  let end = start;
  while (end < source.length && source.charCodeAt(end) >= 0x30 && source.charCodeAt(end) <= 0x39) end++;
  if (end === start || (source.charCodeAt(start) === 0x30 && end > start + 1)) return -1;
  if (end === source.length) return end;
  const next = source.charCodeAt(end);
  const continues =
    next >= 0x80 || next === 0x2e || next === 0x5f || (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a);
  return continues ? -1 : end;
}

function wordAt(source: string, start: number): string {
  return source.slice(start, wordEnd(source, start));
}

function wordEnd(source: string, start: number): number {
  let end = start;
  // Most words are ASCII: their characters are tested by code, without a one-character string each.
  for (; end < source.length; end++) {
    const code = source.charCodeAt(end);
    if (code < 0x80 ? !isAsciiWordCode(code) : !isWordCharacter(source[end]!)) break;
  }
  // A number like 1.5e-3 or a dotted name is several tokens for CPython; only the first word matters here.
  return end;
}

/** The offset where the string literal whose quote is at `quote` starts, prefix letters (r, b, f, u) included. */
function stringPrefixStart(source: string, quote: number): number {
  let start = quote;
  while (start > 0 && /[rRbBfFuU]/.test(source[start - 1]!) && quote - start < 2) start--;
  if (start > 0 && isWordCharacter(source[start - 1]!)) return quote;
  return start;
}

/**
 * The offset just past the string literal opening at `quote`, or why it never closes. A backslash escapes the next
 * character for tokenizing purposes even in raw strings, as in CPython.
 */
function stringEnd(source: string, quote: number): number | { triple: boolean; detectedAtLine: 'here' | 'last' } {
  const q = source[quote]!;
  const triple = source[quote + 1] === q && source[quote + 2] === q;
  let i = quote + (triple ? 3 : 1);
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (triple) {
      if (c === q && source[i + 1] === q && source[i + 2] === q) return i + 3;
    } else {
      if (c === q) return i + 1;
      if (c === '\n') return { triple: false, detectedAtLine: 'here' };
    }
    i++;
  }
  return { triple, detectedAtLine: triple ? 'last' : 'here' };
}

function countLines(source: string): number {
  let count = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < source.length - 1; i = source.indexOf('\n', i + 1)) count++;
  return count;
}
