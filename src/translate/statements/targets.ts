// Assignment targets: names, destructuring patterns, attributes and subscripts.
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, paren, Untranslatable } from '../expressions/index.js';
import { translateAttribute, translateName } from '../expressions/names.js';
import { isGlobalsCall } from '../module/globals.js';

/** A target usable in a declaration or a `for…of` head: a name or an array pattern of names (and, in a plain
 *  assignment, attributes: `[this.a, this.b] = …` is a valid JS destructuring). */
export function assignmentTarget(t: ast.Expr, ctx: TranslateContext): string {
  switch (t.kind) {
    case 'Name':
      return translateName(t, ctx);
    case 'Tuple':
    case 'List':
      return `[${t.elts.map((e) => (e.kind === 'Starred' ? `...${assignmentTarget(e.value, ctx)}` : assignmentTarget(e, ctx))).join(', ')}]`;
    case 'Attribute':
      return translateAttribute(t, ctx);
    default:
      throw new Untranslatable('this assignment target', t);
  }
}

/** `target = value` as a statement, for any target kind. */
export function assignTo(t: ast.Expr, value: string, ctx: TranslateContext): string {
  switch (t.kind) {
    case 'Name':
    case 'Tuple':
    case 'List':
      return `${assignmentTarget(t, ctx)} = ${value};`;
    case 'Attribute':
      return `${translateAttribute(t, ctx)} = ${value};`;
    case 'Subscript': {
      if (isGlobalsCall(t.value, ctx)) throw new Untranslatable('assigning into globals()', t);
      if (t.slice.kind === 'Slice') {
        const part = (x: ast.Expr | null) => (x ? expr(x, ctx) : 'null');
        return `${ctx.rt('setSlice')}(${expr(t.value, ctx)}, ${part(t.slice.lower)}, ${part(t.slice.upper)}, ${part(t.slice.step)}, ${value});`;
      }
      const tt = ctx.analysis.types.typeOf(t.value);
      if (tt.k === 'dict') return `${paren(expr(t.value, ctx))}.setItem(${expr(t.slice, ctx)}, ${value});`;
      return `${ctx.rt('setItem')}(${expr(t.value, ctx)}, ${expr(t.slice, ctx)}, ${value});`;
    }
    default:
      throw new Untranslatable('this assignment target', t);
  }
}

/** Every Name a target stores to. */
export function targetNames(t: ast.Expr): ast.Name[] {
  if (t.kind === 'Name') return [t];
  if (t.kind === 'Tuple' || t.kind === 'List') return t.elts.flatMap(targetNames);
  if (t.kind === 'Starred') return targetNames(t.value);
  return [];
}
