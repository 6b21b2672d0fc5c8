// Python str methods whose JS namesakes are missing or behave differently (Objects/unicodeobject.c,
// Objects/stringlib/). The translator calls them as functions: `s.split(",", 1)` → `strSplit(s, ",", 1)`.
// Whitespace is Python's (str.isspace), which is not JS's `\s`: it includes \x1c-\x1f and excludes \ufeff.
// Indexes, widths and counts are in code points, as Python's are (code-points.ts).

import { codePointLength, codePoints, hasAstral } from './code-points.js';
import { TypeError, ValueError } from './exceptions.js';
import { isTuple, tuple } from './tuple.js';
import { typeName } from './type-name.js';

const WHITESPACE_CHARS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WHITESPACE_RUN = new RegExp(`[${WHITESPACE_CHARS}]+`, 'g');
const LEADING_WHITESPACE = new RegExp(`^[${WHITESPACE_CHARS}]+`);
const TRAILING_WHITESPACE = new RegExp(`[${WHITESPACE_CHARS}]+$`);
const ALL_WHITESPACE = new RegExp(`^[${WHITESPACE_CHARS}]+$`);
const LAST_WHITESPACE_RUN = new RegExp(`[${WHITESPACE_CHARS}]+(?=[^${WHITESPACE_CHARS}]*$)`);

type Bound = number | null | undefined;

/** The substring argument of find/count/partition…: CPython's TypeError for anything but a str. */
function checkSub(x: unknown): string {
  if (typeof x !== 'string') throw new TypeError(`must be str, not ${typeName(x)}`);
  return x;
}

function checkStr(name: string, x: unknown): string {
  if (typeof x !== 'string') throw new TypeError(`${name} arg must be None or str`);
  return x;
}

/** `s.strip(chars=None)`. */
export function strStrip(s: string, chars: string | null = null): string {
  return strRstrip(strLstrip(s, chars), chars);
}

/** `s.lstrip(chars=None)`. */
export function strLstrip(s: string, chars: string | null = null): string {
  if (chars === null) return s.replace(LEADING_WHITESPACE, '');
  checkStr('lstrip', chars);
  let i = 0;
  while (i < s.length && chars.includes(s[i]!)) i++;
  return s.slice(i);
}

/** `s.rstrip(chars=None)`. */
export function strRstrip(s: string, chars: string | null = null): string {
  if (chars === null) return s.replace(TRAILING_WHITESPACE, '');
  checkStr('rstrip', chars);
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** `s.split(sep=None, maxsplit=-1)`: without `sep`, splits on runs of whitespace and drops empty strings. */
export function strSplit(s: string, sep: string | null = null, maxsplit = -1): string[] {
  if (sep === null) {
    const words: string[] = [];
    let rest = s.replace(LEADING_WHITESPACE, '');
    while (rest !== '') {
      if (maxsplit >= 0 && words.length === maxsplit) {
        words.push(rest);
        break;
      }
      WHITESPACE_RUN.lastIndex = 0;
      const match = WHITESPACE_RUN.exec(rest);
      if (match === null) {
        words.push(rest);
        break;
      }
      words.push(rest.slice(0, match.index));
      rest = rest.slice(match.index + match[0].length);
    }
    return words;
  }
  if (sep === '') throw new ValueError('empty separator');
  const parts = s.split(sep);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
}

/** `s.rsplit(sep=None, maxsplit=-1)`: like split, counting splits from the right. */
export function strRsplit(s: string, sep: string | null = null, maxsplit = -1): string[] {
  if (maxsplit < 0) return strSplit(s, sep);
  if (sep === null) {
    const words: string[] = [];
    let rest = s.replace(TRAILING_WHITESPACE, '');
    while (rest !== '') {
      if (words.length === maxsplit) {
        words.unshift(rest);
        break;
      }
      const match = LAST_WHITESPACE_RUN.exec(rest);
      if (match === null) {
        words.unshift(rest);
        break;
      }
      words.unshift(rest.slice(match.index + match[0].length));
      rest = rest.slice(0, match.index);
    }
    return words;
  }
  if (sep === '') throw new ValueError('empty separator');
  const parts = s.split(sep);
  if (parts.length <= maxsplit + 1) return parts;
  const keep = parts.length - maxsplit;
  return [parts.slice(0, keep).join(sep), ...parts.slice(keep)];
}

const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

/** `s.splitlines(keepends=False)`: splits at every Python line boundary (\n, \r\n, \r, \v, \f, \x1c…). */
export function strSplitlines(s: string, keepends = false): string[] {
  const lines: string[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = LINE_BREAK.exec(s)) !== null) {
    lines.push(s.slice(start, keepends ? match.index + match[0].length : match.index));
    start = match.index + match[0].length;
  }
  if (start < s.length) lines.push(s.slice(start));
  return lines;
}

/** `sep.join(iterable)`: TypeError for an item that is not a str, as CPython reports it. */
export function strJoin(sep: string, items: Iterable<unknown>, ...extra: unknown[]): string {
  if (extra.length > 0) throw new TypeError(`str.join() takes exactly one argument (${extra.length + 1} given)`);
  const parts = Array.isArray(items) ? items : Array.from(items);
  for (let i = 0; i < parts.length; i++) {
    if (typeof parts[i] !== 'string') {
      throw new TypeError(`sequence item ${i}: expected str instance, ${typeName(parts[i])} found`);
    }
  }
  return parts.join(sep);
}

const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;

/** `s.capitalize()`: first character upper (title) case, the rest lower case. */
export function strCapitalize(s: string): string {
  if (s === '') return s;
  const first = String.fromCodePoint(s.codePointAt(0)!);
  return first.toUpperCase() + s.slice(first.length).toLowerCase();
}

/** `s.title()`: each run of cased letters starts upper case ("they're" → "They'Re", as in Python). */
export function strTitle(s: string): string {
  let out = '';
  let previousCased = false;
  for (const ch of s) {
    out += previousCased ? ch.toLowerCase() : ch.toUpperCase();
    previousCased = CASED.test(ch);
  }
  return out;
}

/** `s.swapcase()`. */
export function strSwapcase(s: string): string {
  let out = '';
  for (const ch of s) {
    const upper = ch.toUpperCase();
    out += ch === upper ? ch.toLowerCase() : upper;
  }
  return out;
}

function checkFill(fill: string): string {
  if ([...fill].length !== 1) throw new TypeError('The fill character must be exactly one character long');
  return fill;
}

function checkWidth(width: unknown): number {
  if (typeof width !== 'number' || !Number.isInteger(width)) {
    throw new TypeError(`'${typeName(width)}' object cannot be interpreted as an integer`);
  }
  return width;
}

/** `s.center(width, fillchar=' ')`, with CPython's placement of the odd padding character. */
export function strCenter(s: string, width: number, fill = ' '): string {
  checkFill(fill);
  const margin = checkWidth(width) - codePointLength(s);
  if (margin <= 0) return s;
  // Objects/stringlib/transmogrify.h pad: the extra character goes left when both margin and width are odd.
  const left = Math.floor(margin / 2) + (margin & width & 1);
  return fill.repeat(left) + s + fill.repeat(margin - left);
}

/** `s.ljust(width, fillchar=' ')`. */
export function strLjust(s: string, width: number, fill = ' '): string {
  checkFill(fill);
  const margin = checkWidth(width) - codePointLength(s);
  return margin <= 0 ? s : s + fill.repeat(margin);
}

/** `s.rjust(width, fillchar=' ')`. */
export function strRjust(s: string, width: number, fill = ' '): string {
  checkFill(fill);
  const margin = checkWidth(width) - codePointLength(s);
  return margin <= 0 ? s : fill.repeat(margin) + s;
}

/** `s.zfill(width)`: zeros after a leading sign. */
export function strZfill(s: string, width: number): string {
  const margin = checkWidth(width) - codePointLength(s);
  if (margin <= 0) return s;
  const signed = s[0] === '-' || s[0] === '+';
  return signed ? s[0] + '0'.repeat(margin) + s.slice(1) : '0'.repeat(margin) + s;
}

// The [start, end) window that s[start:end] designates; a start past the end gives an empty window that not
// even '' matches in (Objects/stringlib/find.h: `if (start > len) return -1`), marked by from > to.
function window(length: number, start: Bound, end: Bound): [number, number] {
  const clamp = (x: Bound, omitted: number): number =>
    x === null || x === undefined ? omitted : x < 0 ? Math.max(0, x + length) : Math.min(x, length);
  if (start !== null && start !== undefined && start > length) return [length + 1, length];
  return [clamp(start, 0), clamp(end, length)];
}

/** `s.count(sub, start=None, end=None)`: non-overlapping occurrences. */
export function strCount(s: string, sub: string, start?: Bound, end?: Bound): number {
  checkSub(sub);
  if (hasAstral(s)) return countInPoints(codePoints(s), Array.from(sub), start, end);
  const [from, to] = window(s.length, start, end);
  if (from > to) return 0;
  const text = s.slice(from, to);
  if (sub === '') return text.length + 1;
  let count = 0;
  for (let at = text.indexOf(sub); at >= 0; at = text.indexOf(sub, at + sub.length)) count++;
  return count;
}

/** `s.find(sub, start=None, end=None)`: the lowest index, or -1. */
export function strFind(s: string, sub: string, start?: Bound, end?: Bound): number {
  checkSub(sub);
  if (hasAstral(s)) return findInPoints(codePoints(s), Array.from(sub), start, end, false);
  const [from, to] = window(s.length, start, end);
  if (from > to) return -1;
  const at = s.indexOf(sub, from);
  return at >= 0 && at + sub.length <= to ? at : -1;
}

/** `s.rfind(sub, start=None, end=None)`: the highest index, or -1. */
export function strRfind(s: string, sub: string, start?: Bound, end?: Bound): number {
  checkSub(sub);
  if (hasAstral(s)) return findInPoints(codePoints(s), Array.from(sub), start, end, true);
  const [from, to] = window(s.length, start, end);
  if (from > to || to - from < sub.length) return -1;
  const at = s.lastIndexOf(sub, to - sub.length);
  return at >= from ? at : -1;
}

// find/rfind over code points, for text with characters beyond U+FFFF.
function findInPoints(chars: readonly string[], sub: readonly string[], start: Bound, end: Bound, last: boolean): number {
  const [from, to] = window(chars.length, start, end);
  if (from > to) return -1;
  let found = -1;
  for (let at = from; at + sub.length <= to; at++) {
    if (sub.every((ch, k) => chars[at + k] === ch)) {
      found = at;
      if (!last) break;
    }
  }
  return found;
}

function countInPoints(chars: readonly string[], sub: readonly string[], start: Bound, end: Bound): number {
  const [from, to] = window(chars.length, start, end);
  if (from > to) return 0;
  if (sub.length === 0) return to - from + 1;
  let count = 0;
  for (let at = from; at + sub.length <= to; ) {
    if (sub.every((ch, k) => chars[at + k] === ch)) {
      count++;
      at += sub.length;
    } else at++;
  }
  return count;
}

/** `s.index(sub, start=None, end=None)`: like find, raising `ValueError: substring not found`. */
export function strIndex(s: string, sub: string, start?: Bound, end?: Bound): number {
  const at = strFind(s, sub, start, end);
  if (at < 0) throw new ValueError('substring not found');
  return at;
}

/** `s.rindex(sub, start=None, end=None)`. */
export function strRindex(s: string, sub: string, start?: Bound, end?: Bound): number {
  const at = strRfind(s, sub, start, end);
  if (at < 0) throw new ValueError('substring not found');
  return at;
}

/** `s.replace(old, new, count=-1)`: at most `count` replacements from the left when count >= 0. */
export function strReplace(s: string, old: string, replacement: string, count = -1): string {
  if (old === '') {
    // An empty pattern matches before every character and at the end: 'ab' → '-a-b-'.
    const chars = [...s];
    const slots = count < 0 ? chars.length + 1 : Math.min(count, chars.length + 1);
    let out = '';
    for (let i = 0; i < chars.length; i++) out += (i < slots ? replacement : '') + chars[i];
    return out + (slots > chars.length ? replacement : '');
  }
  if (count < 0) return s.split(old).join(replacement);
  const parts = s.split(old);
  if (parts.length - 1 <= count) return parts.join(replacement);
  return parts.slice(0, count + 1).join(replacement) + old + parts.slice(count + 1).join(old);
}

function matchesAt(s: string, affix: string | readonly string[], test: (text: string, a: string) => boolean, start: Bound, end: Bound, name: string): boolean {
  const astral = hasAstral(s);
  const [from, to] = window(astral ? codePoints(s).length : s.length, start, end);
  if (from > to) return false;
  const text = astral ? codePoints(s).slice(from, to).join('') : s.slice(from, to);
  if (typeof affix === 'string') return test(text, affix);
  if (!isTuple(affix)) {
    throw new TypeError(`${name} first arg must be str or a tuple of str, not ${typeName(affix)}`);
  }
  return affix.some((a) => test(text, a));
}

/** `s.startswith(prefix | tuple, start=None, end=None)`. */
export function strStartswith(s: string, prefix: string | readonly string[], start?: Bound, end?: Bound): boolean {
  return matchesAt(s, prefix, (text, a) => text.startsWith(a), start, end, 'startswith');
}

/** `s.endswith(suffix | tuple, start=None, end=None)`. */
export function strEndswith(s: string, suffix: string | readonly string[], start?: Bound, end?: Bound): boolean {
  return matchesAt(s, suffix, (text, a) => text.endsWith(a), start, end, 'endswith');
}

/** `s.partition(sep)`: `(head, sep, tail)` at the first occurrence, else `(s, '', '')`. */
export function strPartition(s: string, sep: string): readonly [string, string, string] {
  checkSub(sep);
  if (sep === '') throw new ValueError('empty separator');
  const at = s.indexOf(sep);
  return at < 0 ? tuple(s, '', '') : tuple(s.slice(0, at), sep, s.slice(at + sep.length));
}

/** `s.rpartition(sep)`: at the last occurrence, else `('', '', s)`. */
export function strRpartition(s: string, sep: string): readonly [string, string, string] {
  checkSub(sep);
  if (sep === '') throw new ValueError('empty separator');
  const at = s.lastIndexOf(sep);
  return at < 0 ? tuple('', '', s) : tuple(s.slice(0, at), sep, s.slice(at + sep.length));
}

/** `s.expandtabs(tabsize=8)`. */
export function strExpandtabs(s: string, tabsize = 8): string {
  let out = '';
  let column = 0;
  for (const ch of s) {
    if (ch === '\t') {
      const spaces = tabsize > 0 ? tabsize - (column % tabsize) : 0;
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += ch;
      column = ch === '\n' || ch === '\r' ? 0 : column + 1;
    }
  }
  return out;
}

/** `s.removeprefix(prefix)`. */
export function strRemoveprefix(s: string, prefix: string): string {
  return prefix !== '' && s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

/** `s.removesuffix(suffix)`. */
export function strRemovesuffix(s: string, suffix: string): string {
  return suffix !== '' && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s;
}

/** `s.isdigit()`: decimal digits and digit-like characters (superscripts), non-empty. */
export function strIsdigit(s: string): boolean {
  return /^[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490]+$/u.test(s);
}

/** `s.isdecimal()`. */
export function strIsdecimal(s: string): boolean {
  return /^\p{Nd}+$/u.test(s);
}

/** `s.isnumeric()`. */
export function strIsnumeric(s: string): boolean {
  return /^\p{N}+$/u.test(s);
}

/** `s.isalpha()`. */
export function strIsalpha(s: string): boolean {
  return /^\p{L}+$/u.test(s);
}

/** `s.isalnum()`. */
export function strIsalnum(s: string): boolean {
  return /^[\p{L}\p{N}]+$/u.test(s);
}

/** `s.isspace()`. */
export function strIsspace(s: string): boolean {
  return ALL_WHITESPACE.test(s);
}

/** `s.isupper()`: at least one cased character, none lower case. */
export function strIsupper(s: string): boolean {
  return CASED.test(s) && !/[\p{Ll}\p{Lt}]/u.test(s);
}

/** `s.islower()`: at least one cased character, none upper case. */
export function strIslower(s: string): boolean {
  return CASED.test(s) && !/[\p{Lu}\p{Lt}]/u.test(s);
}

/** `s.istitle()`: upper case only at the start of cased runs, lower case only inside them. */
export function strIstitle(s: string): boolean {
  let previousCased = false;
  let sawCased = false;
  for (const ch of s) {
    if (/[\p{Lu}\p{Lt}]/u.test(ch)) {
      if (previousCased) return false;
      previousCased = sawCased = true;
    } else if (/\p{Ll}/u.test(ch)) {
      if (!previousCased) return false;
      previousCased = sawCased = true;
    } else previousCased = false;
  }
  return sawCased;
}

/** `s.isidentifier()`. */
export function strIsidentifier(s: string): boolean {
  return /^[\p{XID_Start}_][\p{XID_Continue}]*$/u.test(s);
}

/** `s.isascii()`. */
export function strIsascii(s: string): boolean {
  return /^[\x00-\x7f]*$/.test(s);
}

/** `s.casefold()`: lower case for caseless matching ('Straße' → 'strasse'), approximated by upper then lower. */
export function strCasefold(s: string): string {
  return s.toUpperCase().toLowerCase();
}

/** `s.isprintable()`: no character of categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs other than the space; '' is. */
export function strIsprintable(s: string): boolean {
  return !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u.test(s.replaceAll(' ', ''));
}
