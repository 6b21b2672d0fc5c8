// Where each TypeScript statement came from, carried through the text translate writes to emit's source map.
// Translate writes statements as text, so the origin travels as a comment in front of the statement: a marker that
// emit reads (with the TypeScript parser, as the statement's leading comment) and then removes before formatting.
// The NUL character cannot occur in translated code: CPython refuses source holding a null byte, and string
// literals spell control characters as escapes.
import type * as ast from '../parse/ast.js';

/** The Python position a TypeScript statement was translated from. */
export interface StatementOrigin {
  /** 1-based line */
  line: number;
  /** 0-based column, in code points */
  column: number;
  /** the Python function the statement belongs to, as a traceback names it; null at module level */
  scope: string | null;
}

const MARKER_START = '/*\u0000';

/** The marker comment (with one trailing space) that precedes a statement translated from `node`. */
export function sourceMarker(node: { range: ast.Range }, scope: string | null): string {
  const { line, col } = node.range.start;
  return `${MARKER_START}${line}:${col}${scope === null ? '' : `:${scope}`}*/ `;
}

/** Every marker in `text`, exactly as sourceMarker wrote it. */
export const SOURCE_MARKERS = /\/\*\u0000[^*]*\*\/ /g;

/** The origin a comment stands for, or null when it is not a marker. */
export function parseSourceMarker(comment: string): StatementOrigin | null {
  if (!comment.startsWith(MARKER_START)) return null;
  const [line, column, scope] = comment.slice(MARKER_START.length, -2).split(':');
  return { line: Number(line), column: Number(column), scope: scope ?? null };
}
