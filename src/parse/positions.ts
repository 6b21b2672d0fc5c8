// Converts UTF-16 offsets (what tree-sitter's node binding reports for a JS string) into the positions pyts
// reports: 1-based lines and 0-based columns counted in Unicode code points, as CPython's `col_offset` would be
// if it counted characters (CPython counts UTF-8 bytes in the AST but characters in SyntaxError offsets).
import type { Position, Range } from './ast.js';

/** Answers position queries for one source text; built once per file in O(length). */
export class LineIndex {
  /** offset of the first character of each line */
  private readonly lineStarts: number[];
  /** per line: whether it holds a surrogate pair, so columns need counting rather than subtraction */
  private readonly astralLines: Set<number>;

  constructor(private readonly source: string) {
    const starts = [0];
    // The source has been normalised to '\n' line ends before parsing (see `normalizeNewlines`).
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    this.astralLines = new Set();
    // A surrogate pair is rare (emoji); find the lines holding one in a single regex pass.
    for (const match of source.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) {
      this.astralLines.add(this.lineOf(match.index));
    }
  }

  /** the line found last: the converter asks for nearby offsets in turn, so most lookups hit it */
  private recentLine = 0;

  /** 0-based line holding `offset` (binary search). */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    const recent = this.recentLine;
    if (starts[recent]! <= offset && (recent + 1 === starts.length || offset < starts[recent + 1]!)) return recent;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    this.recentLine = low;
    return low;
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    const lineStart = this.lineStarts[line]!;
    let col = offset - lineStart;
    if (this.astralLines.has(line)) col = codePointCount(this.source, lineStart, offset);
    return { line: line + 1, col };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset of the start of 1-based `line` (the end of the text past the last line). */
  lineStart(line: number): number {
    return line - 1 < this.lineStarts.length ? this.lineStarts[line - 1]! : this.source.length;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

function codePointCount(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to) i++;
    count++;
  }
  return count;
}

/**
 * Python reads `\r\n` and a lone `\r` as line ends (universal newlines); tree-sitter only knows `\n`. Normalising
 * first keeps line and column numbers identical to CPython's.
 */
export function normalizeNewlines(source: string): string {
  return source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
}
