// Shared state and small helpers for the converter modules (one file per construct family).
import type { Range } from '../ast.js';
import type { CstNode } from '../cst.js';
import type { LineIndex } from '../positions.js';

/** The Python exception class CPython would raise for a syntax problem. */
export type SyntaxErrorKind = 'SyntaxError' | 'IndentationError' | 'TabError';

/**
 * Thrown inside parse/ when the source is not valid Python 3.11; `parse()` turns it into one PYTS1xxx diagnostic.
 * Offsets are UTF-16 indices into the (newline-normalised) source.
 */
export class PythonSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number = start,
    readonly kind: SyntaxErrorKind = 'SyntaxError',
  ) {
    super(message);
  }
}

/** Valid Python that the front end cannot represent (an escape needing data pyts does not ship); becomes PYTS1009. */
export class UnsupportedLiteral extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** Thrown when the converter meets a tree-sitter shape it does not know; becomes PYTS9001. */
export class UnknownConstruct extends Error {
  constructor(
    readonly construct: string,
    readonly start: number,
  ) {
    super(`unexpected '${construct}'`);
  }
}

/** What every converter function receives: the source text and the position table. */
export interface ConvertContext {
  source: string;
  lines: LineIndex;
}

export function rangeOf(ctx: ConvertContext, node: CstNode): Range {
  return ctx.lines.range(node.start, node.end);
}

export function textOf(ctx: ConvertContext, node: CstNode): string {
  return ctx.source.slice(node.start, node.end);
}

export function namedChildren(node: CstNode): CstNode[] {
  const result: CstNode[] = [];
  for (const child of node.children) if (child.named) result.push(child);
  return result;
}

export function fieldChild(node: CstNode, field: string): CstNode | null {
  for (const child of node.children) if (child.field === field) return child;
  return null;
}

export function fieldChildren(node: CstNode, field: string): CstNode[] {
  return node.children.filter((child) => child.field === field);
}

/** The child filling `field`; a missing one means tree-sitter's recovery left a hole, i.e. invalid syntax. */
export function requiredField(node: CstNode, field: string): CstNode {
  const child = fieldChild(node, field);
  if (child === null) throw new PythonSyntaxError('invalid syntax', node.start);
  return child;
}

export function hasToken(node: CstNode, token: string): boolean {
  for (const child of node.children) if (!child.named && child.type === token) return true;
  return false;
}
