// Small helpers for parse tests: parse a snippet that must be valid, and pick out its nodes.
import { expect } from 'vitest';
import { formatTree, parse } from '../../src/parse/index.js';
import type { Expr, Module, Stmt } from '../../src/parse/index.js';

/** Parses `source`, failing the test with the diagnostics when it is not valid. */
export function parseValid(source: string): Module {
  const result = parse(source, 'test.py');
  expect(result.diagnostics).toEqual([]);
  return result.module!;
}

/** The first statement of `source`. */
export function firstStatement(source: string): Stmt {
  return parseValid(source).body[0]!;
}

/** The expression of a one-line expression statement such as `a + b`. */
export function expressionOf(source: string): Expr {
  const statement = firstStatement(source);
  if (statement.kind !== 'ExprStmt') throw new Error(`expected an expression statement, got ${statement.kind}`);
  return statement.value;
}

/** The value assigned by `x = …`. */
export function assignedValue(source: string): Expr {
  const statement = firstStatement(source);
  if (statement.kind !== 'Assign') throw new Error(`expected an assignment, got ${statement.kind}`);
  return statement.value;
}

/** The tree as formatTree prints it, without positions, for comparing shapes. */
export function shape(source: string): string {
  return formatTree(parseValid(source)).replace(/ @\d+:\d+-\d+:\d+/g, '');
}
