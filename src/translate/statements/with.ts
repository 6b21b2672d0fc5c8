// `with` / `async with`, lowered the way the Python reference describes it (PEP 343): __enter__ (or awaited
// __aenter__), the body, and __exit__ called with the exception or three Nones; a truthy __exit__ result
// swallows the exception.
import type CodeBlockWriter from '../writer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, Untranslatable } from '../expressions/index.js';
import { writeBlock } from './index.js';
import { forEachStmt } from '../../analyze/infer.js';
import { assignTo } from './targets.js';

export function translateWith(s: ast.With, ctx: TranslateContext, w: CodeBlockWriter): void {
  if (s.isAsync && !ctx.frame.isAsync) throw new Untranslatable("'async with' outside an async function", s);
  writeItems(s, 0, ctx, w);
}

function writeItems(s: ast.With, index: number, ctx: TranslateContext, w: CodeBlockWriter): void {
  const item = s.items[index];
  if (!item) {
    writeBlock(s.body, ctx, w);
    return;
  }
  const manager = ctx.analysis.names.claim('manager');
  const failed = ctx.analysis.names.claim('failed');
  const error = ctx.analysis.names.claim('error');
  // a synchronous context manager whose exit runs the event loop (asyncio.Runner) must be awaited in JS
  const managerType = ctx.analysis.types.typeOf(item.contextExpr);
  const blockingExit = !s.isAsync && ctx.analysis.types.methodEntryOf(managerType, '__exit__')?.kind === 'loop-entry';
  if (blockingExit && ctx.atModuleLevel) ctx.usesTopLevelAwait = true;
  const wait = s.isAsync ? 'await ' : '';
  const exitWait = s.isAsync || blockingExit ? 'await ' : '';
  const [enter, exit] = s.isAsync ? ['__aenter__', '__aexit__'] : ['__enter__', '__exit__'];
  w.write('').block(() => {
    w.writeLine(`const ${manager} = ${expr(item.contextExpr, ctx)};`);
    const entered = `${wait}${manager}.${enter}()`;
    if (item.optionalVars) {
      const target = item.optionalVars;
      const b = target.kind === 'Name' ? ctx.analysis.types.bindingOf(target) : null;
      if (b && b.declaration.at === 'store' && b.declaration.node === target)
        w.writeLine(`${b.declaration.keyword} ${ctx.tsName(b)} = ${entered};`);
      else w.writeLine(assignTo(target, entered, ctx));
    } else {
      w.writeLine(`${entered};`);
    }
    w.writeLine(`let ${failed} = false;`);
    w.write('try ').block(() => writeItems(s, index + 1, ctx, w));
    w.write(` catch (${error}) `).block(() => {
      w.writeLine(`${failed} = true;`);
      // __exit__ sees the Python exception, its class and a traceback; a truthy result swallows it
      const swallows = s.isAsync
        ? `(await ${ctx.rt('asyncExitSwallows')}(${manager}, ${error}))`
        : blockingExit
          ? `(await ${ctx.rt('asyncExitSwallows')}(${manager}, ${error}, '__exit__'))`
          : `${ctx.rt('exitSwallows')}(${manager}, ${error})`;
      // a manager known never to swallow: TypeScript then sees that the block cannot complete normally after
      // an error (a `return` inside `with` ends the function on every path)
      if (neverSwallows(item.contextExpr, s.isAsync, ctx)) w.writeLine(`${swallows};`).writeLine(`throw ${error};`);
      else w.writeLine(`if (!${swallows}) throw ${error};`);
    });
    w.write(' finally ').block(() => {
      w.writeLine(`if (!${failed}) ${exitWait}${manager}.${exit}(null, null, null);`);
    });
  });
}

/** `open(…)`, or an instance of a class whose __exit__ (__aexit__) never returns a value that could be true. */
function neverSwallows(manager: ast.Expr, isAsync: boolean, ctx: TranslateContext): boolean {
  if (!isAsync && manager.kind === 'Call' && manager.func.kind === 'Name' && manager.func.id === 'open') {
    return ctx.analysis.types.bindingOf(manager.func) === null;
  }
  const type = ctx.analysis.types.typeOf(manager);
  if (type.k === 'runtime' && type.module === 'asyncio') return NON_SWALLOWING_ASYNCIO.has(type.ts);
  if (type.k !== 'instance') return false;
  const exitName = isAsync ? '__aexit__' : '__exit__';
  const exit = ctx.analysis.types.classes
    .get(type.name)
    ?.body.find((m): m is ast.FunctionDef => m.kind === 'FunctionDef' && m.name.id === exitName);
  if (!exit || exit.decorators.length) return false;
  // a subclass may override __exit__, and the manager may be one of its instances
  for (const cls of ctx.analysis.types.classes.values()) {
    if (cls.bases.some((b) => b.kind === 'Name' && b.id === type.name)) return false;
  }
  let returnsValue = false;
  forEachStmt(exit.body, (st) => {
    if (st.kind === 'Return' && st.value && !isFalsyConstant(st.value)) returnsValue = true;
  });
  return !returnsValue;
}

/** asyncio's context managers whose `__aexit__` returns None (Lib/asyncio/locks.py, taskgroups.py, timeouts.py). */
const NON_SWALLOWING_ASYNCIO: ReadonlySet<string> = new Set([
  'Lock',
  'Semaphore',
  'BoundedSemaphore',
  'Condition',
  'TaskGroup',
  'Timeout',
]);

function isFalsyConstant(e: ast.Expr): boolean {
  return e.kind === 'Constant' && (e.value.type === 'None' || (e.value.type === 'bool' && !e.value.value));
}
