// A function body: its statements, with the temporaries its expressions asked for declared first.
import CodeBlockWriter from '../writer.js';
import { forEachStmt, walk, walkStmtExprs, type FunctionInfo } from '../../analyze/infer.js';
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
    scope: s.name.id,
  };
  const inner = new CodeBlockWriter({ indentNumberOfSpaces: 2 });
  ctx.withFrame(frame, () => {
    // the body's own block carries its hoisted declarations
    writeBlock(s.docstring ? withHoisted(s.body, body, ctx) : body, ctx, inner);
  });
  for (const line of prologue) w.writeLine(line);
  // a nested `def` (a callback) that reads the method's self: a JS function has its own `this`, so it reads a const
  const selfArg = selfName === null ? undefined : [...s.args.posonlyargs, ...s.args.args][0];
  const selfBinding = selfArg ? ctx.analysis.types.bindingOf(selfArg) : null;
  if (selfBinding && nestedFunctionsRead(body, selfBinding, ctx))
    w.writeLine(`const ${ctx.tsName(selfBinding)} = this;`);
  if (frame.temps.length) w.writeLine(`let ${frame.temps.join(', ')}: any;`);
  if (s.isAsync && !info?.isGenerator && raisesStopIteration(s.body)) {
    // PEP 479: StopIteration must not escape a coroutine; it becomes RuntimeError at this boundary
    const error = ctx.analysis.names.claim('error');
    w.write('try ').inlineBlock(() => w.writeFrom(inner));
    w.write(` catch (${error}) `).block(() => w.writeLine(`throw ${ctx.rt('guardStopIteration')}(${error});`));
    return;
  }
  w.writeFrom(inner);
}

/** True when a function or class defined in `body` (at any depth, lambdas aside) reads `binding`. */
function nestedFunctionsRead(body: readonly ast.Stmt[], binding: object, ctx: TranslateContext): boolean {
  let found = false;
  forEachStmt(body, (st) => {
    if (found || (st.kind !== 'FunctionDef' && st.kind !== 'ClassDef')) return;
    walk(st, (n) => {
      if (n.kind === 'Name' && ctx.analysis.types.bindingOf(n) === binding) found = true;
    });
  });
  return found;
}

/** Hoisted declarations are keyed by the original block; keep them when the docstring is dropped. */
function withHoisted(original: readonly ast.Stmt[], trimmed: ast.Stmt[], ctx: TranslateContext): readonly ast.Stmt[] {
  const hoisted = ctx.analysis.scopes.hoisted.get(original);
  if (hoisted) ctx.analysis.scopes.hoisted.set(trimmed, hoisted);
  return trimmed;
}

/** True when the body itself can raise StopIteration: `next(it)` without a default, or `raise StopIteration`. */
function raisesStopIteration(body: readonly ast.Stmt[]): boolean {
  let found = false;
  forEachStmt(body, (s) => {
    if (s.kind === 'Raise' && s.exc && nameOfRaised(s.exc) === 'StopIteration') found = true;
    walkStmtExprs(s, (e) => {
      if (e.kind === 'Call' && e.func.kind === 'Name' && e.func.id === 'next' && e.args.length === 1) found = true;
    });
  });
  return found;
}

function nameOfRaised(e: ast.Expr): string | null {
  if (e.kind === 'Name') return e.id;
  if (e.kind === 'Call' && e.func.kind === 'Name') return e.func.id;
  return null;
}
