// Subscripts and slices. `getItem` keeps Python's negative indexes and IndexError/KeyError; slicing keeps
// Python's clamping and steps.
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, paren } from './index.js';

export function translateSubscript(e: ast.Subscript, ctx: TranslateContext): string {
  const target = expr(e.value, ctx);
  if (e.slice.kind === 'Slice') {
    const s = e.slice;
    const part = (x: ast.Expr | null) => (x ? expr(x, ctx) : 'null');
    const args = [target, part(s.lower), part(s.upper), ...(s.step ? [part(s.step)] : [])];
    return `${ctx.rt('slice')}(${args.join(', ')})`;
  }
  const t = ctx.analysis.types.typeOf(e.value);
  if (t.k === 'dict') return `${paren(target)}.getItem(${expr(e.slice, ctx)})`;
  return `${ctx.rt('getItem')}(${target}, ${expr(e.slice, ctx)})`;
}

export function translateSlice(e: ast.Slice, ctx: TranslateContext): string {
  const part = (x: ast.Expr | null) => (x ? expr(x, ctx) : 'null');
  return `${ctx.rt('sliceObject')}(${part(e.lower)}, ${part(e.upper)}, ${part(e.step)})`;
}
