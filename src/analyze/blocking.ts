// Functions that run the event loop. Python's `loop.run_until_complete()` blocks its caller; JavaScript cannot
// block, so a plain `def` that (directly or through other such functions) runs the loop is emitted as an
// `async function` whose calls are awaited. This is the "colouring" CPython never needed and JS always does.
import type * as ast from '../parse/ast.js';
import { LOOP_METHODS } from '../asyncio-map/table.js';
import { forEachStmt, walkStmtExprs, type TypeInference } from './infer.js';

export function findBlockingFunctions(types: TypeInference): Set<ast.FunctionDef> {
  const blocking = new Set<ast.FunctionDef>();
  const candidates = [...types.functions.values()]
    // a method's callers cannot be found and awaited reliably: running the loop in a method is reported
    .filter((f) => f.node.kind === 'FunctionDef' && !f.isAsync && f.classNode === null)
    .map((f) => f.node as ast.FunctionDef);
  let changed = true;
  while (changed) {
    changed = false;
    for (const f of candidates) {
      if (blocking.has(f)) continue;
      if (runsLoop(f.body, types, blocking)) {
        blocking.add(f);
        changed = true;
      }
    }
  }
  return blocking;
}

/** True when a statement list (not entering nested functions) calls a loop entry or a blocking function. */
export function runsLoop(
  body: readonly ast.Stmt[],
  types: TypeInference,
  blocking: ReadonlySet<ast.FunctionDef>,
): boolean {
  let found = false;
  forEachStmt(body, (s) => {
    if (s.kind === 'With' && !s.isAsync && s.items.some((i) => types.methodEntryOf(types.typeOf(i.contextExpr), '__exit__')?.kind === 'loop-entry')) {
      found = true;
    }
    walkStmtExprs(s, (e) => {
      if (e.kind === 'Call' && isBlockingCall(e, types, blocking)) found = true;
    });
  });
  return found;
}

export function isBlockingCall(e: ast.Call, types: TypeInference, blocking: ReadonlySet<ast.FunctionDef>): boolean {
  const named = types.asyncioEntryOf(e.func);
  if (named?.entry.kind === 'loop-entry') return true;
  // the method name first: it rules out nearly every call without inferring the receiver's type
  if (e.func.kind === 'Attribute' && LOOP_METHODS[e.func.attr.id]?.kind === 'loop-entry') {
    const receiver = types.typeOf(e.func.value);
    if (receiver.k === 'runtime' && receiver.ts === 'AbstractEventLoop') return true;
  }
  if (e.func.kind === 'Name') {
    const b = types.bindingOf(e.func);
    const info = b ? types.functionOfBinding(b) : null;
    if (info && info.node.kind === 'FunctionDef' && blocking.has(info.node)) return true;
  }
  return false;
}
