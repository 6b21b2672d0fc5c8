// An expression used as a statement.
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { isObjectInitCall } from '../expressions/calls.js';
import { expr } from '../expressions/index.js';

export function translateExprStmt(s: ast.ExprStmt, ctx: TranslateContext): string | null {
  const v = s.value;
  if (v.kind === 'Constant' && (v.value.type === 'str' || v.value.type === 'Ellipsis')) {
    // a docstring or `...` placeholder: nothing runs
    return v.value.type === 'str' ? docComment(v.value.value) : null;
  }
  if (isObjectInitCall(v, ctx)) return null;
  ctx.discardedValue = v;
  const code = expr(v, ctx);
  const coro = ctx.importedName('coro', 'asyncio');
  if (v.kind === 'Call' && coro !== null && code.startsWith(`${coro}(`)) {
    const name = v.func.kind === 'Name' ? v.func.id : v.func.kind === 'Attribute' ? v.func.attr.id : 'coroutine';
    ctx.report('PYTS2002', v, [`${name}()`], 'Add `await`, or schedule it with asyncio.create_task().');
  }
  return `${code};`;
}

export function docComment(text: string): string {
  const lines = text.replace(/\*\//g, '*\\/').trim().split('\n');
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return ['/**', ...lines.map((l) => ` * ${l.trimEnd()}`.trimEnd()), ' */'].join('\n');
}
