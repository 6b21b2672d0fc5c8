// A function body: its statements, with the temporaries its expressions asked for declared first.
import { CodeBlockWriter } from 'ts-morph';
import type { FunctionInfo } from '../../analyze/infer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { writeBlock } from '../statements/index.js';

export function writeFunctionBody(
  s: ast.FunctionDef,
  info: FunctionInfo | null,
  ctx: TranslateContext,
  w: CodeBlockWriter,
  selfName: string | null,
  prologue: readonly string[] = [],
): void {
  const body = s.docstring ? s.body.slice(1) : s.body;
  const frame = {
    info,
    isAsync: s.isAsync,
    blocking: ctx.analysis.blocking.has(s),
    caught: [],
    loopLabels: [],
    selfName,
    temps: [] as string[],
  };
  const inner = new CodeBlockWriter({ indentNumberOfSpaces: 2 });
  ctx.withFrame(frame, () => {
    // the body's own block carries its hoisted declarations
    writeBlock(s.docstring ? withHoisted(s.body, body, ctx) : body, ctx, inner);
  });
  for (const line of prologue) w.writeLine(line);
  if (frame.temps.length) w.writeLine(`let ${frame.temps.join(', ')}: any;`);
  w.write(inner.toString());
}

/** Hoisted declarations are keyed by the original block; keep them when the docstring is dropped. */
function withHoisted(original: readonly ast.Stmt[], trimmed: ast.Stmt[], ctx: TranslateContext): readonly ast.Stmt[] {
  const hoisted = ctx.analysis.scopes.hoisted.get(original);
  if (hoisted) ctx.analysis.scopes.hoisted.set(trimmed, hoisted);
  return trimmed;
}
