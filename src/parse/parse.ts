// parse(): Python source → the typed tree of ast.ts, or one syntax diagnostic. It never throws: an unexpected
// tree shape becomes PYTS9001 naming the construct and line.
import type { Module } from './ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/codes.js';
import { parseConcrete } from './cst.js';
import { LineIndex, normalizeNewlines } from './positions.js';
import { type ConvertContext, PythonSyntaxError, UnknownConstruct, UnsupportedLiteral } from './convert/context.js';
import { convertBody } from './convert/statements.js';
import { findSyntaxError } from './syntax-errors.js';
import { findContextError } from './context-checks.js';

export interface ParseResult {
  /** null when the source has a syntax error (then `diagnostics` holds exactly one error) */
  module: Module | null;
  diagnostics: Diagnostic[];
}

/**
 * The deepest concrete tree the converter walks. CPython itself gives up around here ("maximum recursion depth
 * exceeded during compilation" for 5,000 nested unary minuses or a 100,000-term sum); the converter recurses once
 * per level, so the limit also keeps it far from V8's stack limit.
 */
export const MAX_TREE_DEPTH = 3000;

/** Parses Python 3.11 source. `file` is only used to label diagnostics. */
export function parse(source: string, file: string): ParseResult {
  const text = normalizeNewlines(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  const ctx: ConvertContext = { source: text, lines: new LineIndex(text) };
  try {
    const tree = parseConcrete(text);
    const syntaxError = findSyntaxError(tree, ctx);
    if (syntaxError !== null) return { module: null, diagnostics: [syntaxDiagnostic(syntaxError, file, ctx)] };
    if (tree.maxDepth > MAX_TREE_DEPTH) {
      const diagnostic = createDiagnostic('nesting-too-deep', {
        file,
        range: null,
        args: [`the code is nested more than ${MAX_TREE_DEPTH} levels deep (CPython: maximum recursion depth exceeded during compilation)`],
        hint: 'Split the expression with intermediate variables.',
      });
      return { module: null, diagnostics: [diagnostic] };
    }
    const comments = tree.comments.map((c) => ({ range: ctx.lines.range(c.start, c.end), text: text.slice(c.start + 1, c.end).trimEnd() }));
    const module: Module = { kind: 'Module', range: ctx.lines.range(0, text.length), body: convertBody(tree.root, ctx), comments };
    const contextError = findContextError(module);
    if (contextError !== null) {
      return { module: null, diagnostics: [createDiagnostic('syntax-error', { file, range: contextError.range, args: [contextError.message] })] };
    }
    return { module, diagnostics: [] };
  } catch (error) {
    return { module: null, diagnostics: [diagnosticForFailure(error, file, ctx)] };
  }
}

function syntaxDiagnostic(error: PythonSyntaxError, file: string, ctx: ConvertContext): Diagnostic {
  const name = error.kind === 'TabError' ? 'tab-error' : error.kind === 'IndentationError' ? 'indentation-error' : 'syntax-error';
  return createDiagnostic(name, { file, range: ctx.lines.range(error.start, error.end), args: [error.message] });
}

function diagnosticForFailure(error: unknown, file: string, ctx: ConvertContext): Diagnostic {
  if (error instanceof PythonSyntaxError) return syntaxDiagnostic(error, file, ctx);
  if (error instanceof UnsupportedLiteral) {
    return createDiagnostic('unsupported-literal', {
      file,
      range: ctx.lines.range(error.start, error.end),
      args: [error.message],
      hint: "Write the character itself, or a '\\u' escape.",
    });
  }
  if (error instanceof UnknownConstruct) {
    const position = ctx.lines.position(error.start);
    return createDiagnostic('internal-error', {
      file,
      range: ctx.lines.range(error.start, error.start),
      args: [`the parser met an unexpected '${error.construct}' on line ${position.line}`],
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return createDiagnostic('internal-error', { file, range: null, args: [`parsing failed (${reason})`] });
}
