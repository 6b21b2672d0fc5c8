// String, bytes and f-string literals, with escapes decoded as CPython does (Objects/unicodeobject.c
// `_PyUnicode_DecodeUnicodeEscapeInternal`, Objects/bytesobject.c `_PyBytes_DecodeEscape`) and implicit
// concatenation of adjacent literals applied, so later stages see one Constant or one JoinedStr.
import type { Constant, Expr, FormattedValue, JoinedStr } from '../ast.js';
import type { CstNode } from '../cst.js';
import { convertExpression, convertExpressionList } from './expressions.js';
import {
  type ConvertContext,
  PythonSyntaxError,
  UnknownConstruct,
  UnsupportedLiteral,
  fieldChild,
  namedChildren,
  rangeOf,
  textOf,
} from './context.js';

interface Prefix {
  raw: boolean;
  bytes: boolean;
  formatted: boolean;
}

/** Text ending in an unescaped `\N`, so that the following `{…}` is the name of a character. */
const NAMED_ESCAPE_OPENER = /(?:^|[^\\])(?:\\\\)*\\N$/;

/** A piece of one literal before concatenation: literal text, or a `{…}` replacement field. */
type Piece = { text: string; start: number; end: number } | FormattedValue;

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Converts a `string` or `concatenated_string` node: a str/bytes Constant, or a JoinedStr if any part is an f-string. */
export function convertStringLiteral(node: CstNode, ctx: ConvertContext): Constant | JoinedStr {
  const parts = node.type === 'concatenated_string' ? namedChildren(node) : [node];
  let anyBytes = false;
  let anyText = false;
  let anyFormatted = false;
  const pieces: Piece[] = [];
  const byteChunks: number[] = [];
  for (const part of parts) {
    const startToken = part.children[0];
    if (startToken === undefined || startToken.type !== 'string_start') throw new UnknownConstruct(part.type, part.start);
    const prefix = prefixOf(textOf(ctx, startToken));
    if (prefix.bytes) anyBytes = true;
    else anyText = true;
    // CPython points just past the concatenation.
    if (anyBytes && anyText) throw new PythonSyntaxError('cannot mix bytes and nonbytes literals', node.end, node.end);
    if (prefix.formatted) {
      anyFormatted = true;
      pieces.push(...formattedPieces(part, prefix, ctx));
    } else {
      const bodyStart = startToken.end;
      const endToken = part.children[part.children.length - 1]!;
      const body = ctx.source.slice(bodyStart, endToken.start);
      if (prefix.bytes) {
        for (const code of decodeBytes(body, prefix.raw, part.start, bodyStart)) byteChunks.push(code);
      } else {
        pieces.push({ text: prefix.raw ? body : decodeText(body, bodyStart), start: bodyStart, end: endToken.start });
      }
    }
  }
  const range = rangeOf(ctx, node);
  if (anyBytes) return { kind: 'Constant', range, value: { type: 'bytes', value: Uint8Array.from(byteChunks) } };
  if (!anyFormatted) {
    let text = '';
    for (const piece of pieces) if ('text' in piece) text += piece.text;
    return { kind: 'Constant', range, value: { type: 'str', value: text } };
  }
  return { kind: 'JoinedStr', range, values: mergePieces(pieces, ctx) };
}

function prefixOf(startToken: string): Prefix {
  const letters = startToken.replace(/['"]+$/, '').toLowerCase();
  return { raw: letters.includes('r'), bytes: letters.includes('b'), formatted: letters.includes('f') };
}

/** Adjacent literal texts become one Constant; empty ones are dropped, as in CPython's JoinedStr. */
function mergePieces(pieces: Piece[], ctx: ConvertContext): (Constant | FormattedValue)[] {
  const values: (Constant | FormattedValue)[] = [];
  let pending: { text: string; start: number; end: number } | null = null;
  const flush = (): void => {
    if (pending !== null && pending.text !== '') {
      values.push({
        kind: 'Constant',
        range: ctx.lines.range(pending.start, pending.end),
        value: { type: 'str', value: pending.text },
      });
    }
    pending = null;
  };
  for (const piece of pieces) {
    if ('text' in piece) {
      if (pending === null) pending = { ...piece };
      else pending = { text: pending.text + piece.text, start: pending.start, end: piece.end };
    } else {
      flush();
      values.push(piece);
    }
  }
  flush();
  return values;
}

/** The pieces of one f-string literal: decoded text between replacement fields, and the fields themselves. */
function formattedPieces(part: CstNode, prefix: Prefix, ctx: ConvertContext): Piece[] {
  const pieces: Piece[] = [];
  const first = part.children[0]!;
  const last = part.children[part.children.length - 1]!;
  let textStart = first.end;
  for (const child of part.children) {
    if (child.type !== 'interpolation') continue;
    // In `f"\N{DELTA}"` the braces belong to the escape; tree-sitter reads them as a replacement field.
    if (!prefix.raw && NAMED_ESCAPE_OPENER.test(ctx.source.slice(textStart, child.start))) continue;
    pieces.push(literalPiece(textStart, child.start, prefix, ctx));
    pieces.push(convertReplacementField(child, prefix, ctx));
    textStart = child.end;
  }
  pieces.push(literalPiece(textStart, last.start, prefix, ctx));
  return pieces;
}

function literalPiece(start: number, end: number, prefix: Prefix, ctx: ConvertContext): Piece {
  const raw = ctx.source.slice(start, end);
  const single = unescapeBraces(raw, start, prefix.raw);
  return { text: prefix.raw ? single : decodeText(single, start), start, end };
}

/**
 * `{{` and `}}` stand for one brace; a lone `}` is CPython's "f-string: single '}' is not allowed". Outside raw
 * strings, the braces of a `\N{name}` escape are left for decodeText.
 */
function unescapeBraces(text: string, start: number, raw: boolean): string {
  if (!text.includes('{') && !text.includes('}')) return text;
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (!raw && char === '\\') {
      const close = text[i + 1] === 'N' && text[i + 2] === '{' ? text.indexOf('}', i) : -1;
      const skipTo = close === -1 ? i + 1 : close;
      result += text.slice(i, skipTo + 1);
      i = skipTo;
    } else if ((char === '{' || char === '}') && text[i + 1] === char) {
      result += char;
      i++;
    } else if (char === '}') {
      throw new PythonSyntaxError("f-string: single '}' is not allowed", start + i);
    } else {
      result += char;
    }
  }
  return result;
}

/** One `{expr=!r:spec}` (an `interpolation` or, inside a format spec, a `format_expression`). */
function convertReplacementField(node: CstNode, prefix: Prefix, ctx: ConvertContext): FormattedValue {
  const expression = fieldChild(node, 'expression');
  if (expression === null) throw new PythonSyntaxError('f-string: empty expression not allowed', node.start + 1);
  const value: Expr =
    expression.type === 'expression_list' || expression.type === 'pattern_list'
      ? convertExpressionList(expression, ctx, true)
      : convertExpression(expression, ctx);
  const conversionNode = fieldChild(node, 'type_conversion');
  const specNode = fieldChild(node, 'format_specifier');
  let conversion: FormattedValue['conversion'] = null;
  if (conversionNode !== null) {
    const letter = textOf(ctx, conversionNode).slice(1);
    if (letter !== 'r' && letter !== 's' && letter !== 'a') {
      throw new PythonSyntaxError(
        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        conversionNode.end,
      );
    }
    conversion = letter;
  }
  let debugText: string | null = null;
  const equals = node.children.find((child) => !child.named && child.type === '=');
  if (equals !== undefined) {
    // up to what follows the `=`: a conversion, a format spec, or the closing brace (which the copy of a valid tree
    // leaves out, see cst.ts)
    const next = node.children[node.children.indexOf(equals) + 1];
    const end = next !== undefined ? next.start : ctx.source[node.end - 1] === '}' ? node.end - 1 : equals.end;
    debugText = ctx.source.slice(node.start + 1, end);
    // CPython: `f"{x=}"` shows repr(x) unless a conversion or a format spec is given (Python/ast.c fstring_find_expr).
    if (conversion === null && specNode === null) conversion = 'r';
  }
  const formatSpec = specNode === null ? null : convertFormatSpec(specNode, prefix, ctx);
  return { kind: 'FormattedValue', range: rangeOf(ctx, node), value, conversion, formatSpec, debugText };
}

/** The part after `:` in a replacement field; it may itself hold `{…}` fields. */
function convertFormatSpec(node: CstNode, prefix: Prefix, ctx: ConvertContext): JoinedStr {
  const pieces: Piece[] = [];
  const colon = node.children[0];
  let textStart = colon !== undefined && colon.type === ':' ? colon.end : node.start;
  for (const child of node.children) {
    if (child.type !== 'format_expression') continue;
    pieces.push(literalPiece(textStart, child.start, prefix, ctx));
    pieces.push(convertReplacementField(child, prefix, ctx));
    textStart = child.end;
  }
  pieces.push(literalPiece(textStart, node.end, prefix, ctx));
  return { kind: 'JoinedStr', range: rangeOf(ctx, node), values: mergePieces(pieces, ctx) };
}

/**
 * Decodes the escapes of a non-raw str literal body. Unknown escapes (`\d`) stay as written, as in CPython (which
 * only warns). `\N{name}` needs Unicode's name table, which pyts does not ship: it raises UnsupportedLiteral.
 */
export function decodeText(body: string, bodyStart: number): string {
  if (!body.includes('\\')) return body;
  let result = '';
  let i = 0;
  while (i < body.length) {
    const slash = body.indexOf('\\', i);
    if (slash === -1 || slash === body.length - 1) {
      result += body.slice(i);
      break;
    }
    result += body.slice(i, slash);
    const char = body[slash + 1]!;
    const simple = SIMPLE_ESCAPES[char];
    if (simple !== undefined) {
      result += simple;
      i = slash + 2;
    } else if (char >= '0' && char <= '7') {
      const digits = /^[0-7]{1,3}/.exec(body.slice(slash + 1))![0];
      result += String.fromCharCode(parseInt(digits, 8));
      i = slash + 1 + digits.length;
    } else if (char === 'x' || char === 'u' || char === 'U') {
      const width = char === 'x' ? 2 : char === 'u' ? 4 : 8;
      const hex = body.slice(slash + 2, slash + 2 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) {
        throw unicodeError(`truncated \\${char}${'X'.repeat(width)} escape`, body, slash, bodyStart);
      }
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw unicodeError('illegal Unicode character', body, slash, bodyStart, width + 2);
      result += String.fromCodePoint(code);
      i = slash + 2 + width;
    } else if (char === 'N') {
      const close = body.indexOf('}', slash);
      throw new UnsupportedLiteral(body.slice(slash, close === -1 ? slash + 2 : close + 1), bodyStart + slash, bodyStart + (close === -1 ? slash + 2 : close + 1));
    } else {
      result += '\\' + char;
      i = slash + 2;
    }
  }
  return result;
}

/** CPython wraps codec errors in literals as `(unicode error) 'unicodeescape' codec can't decode bytes…`. */
function unicodeError(reason: string, body: string, slash: number, bodyStart: number, width?: number): PythonSyntaxError {
  let end = slash + 1;
  while (end + 1 < body.length && /[0-9a-fA-F]/.test(body[end + 1]!) && end - slash < (width ?? 10)) end++;
  return new PythonSyntaxError(
    `(unicode error) 'unicodeescape' codec can't decode bytes in position ${slash}-${end}: ${reason}`,
    bodyStart - 1,
  );
}

/** Decodes a bytes literal body to byte values; only ASCII characters may appear literally. */
function decodeBytes(body: string, raw: boolean, literalStart: number, bodyStart: number): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code > 0x7f) throw new PythonSyntaxError('bytes can only contain ASCII literal characters', literalStart, bodyStart + body.length + 1);
    if (raw || code !== 0x5c || i === body.length - 1) {
      bytes.push(code);
      continue;
    }
    const char = body[i + 1]!;
    const simple = SIMPLE_ESCAPES[char];
    if (simple !== undefined) {
      if (simple !== '') bytes.push(simple.charCodeAt(0));
      i++;
    } else if (char >= '0' && char <= '7') {
      const digits = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      bytes.push(parseInt(digits, 8) & 0xff);
      i += digits.length;
    } else if (char === 'x') {
      const hex = body.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        throw new PythonSyntaxError(`(value error) invalid \\x escape at position ${i}`, bodyStart - 1);
      }
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else {
      bytes.push(0x5c);
    }
  }
  return bytes;
}
