// Where a value whose kind analysis knows meets a place whose kind is decided at run time. Ints and floats of known
// kind are plain JS numbers; a place that may hold either (`[1, 0.0]`, an `int | float` variable) holds values that
// carry their kind, a float that is integral or NaN being boxed (the runtime's py-float.ts). A float entering such
// a place goes through `asFloat`, which boxes only those values; nothing else changes.
import { carriesKind, type PyType } from '../../analyze/types.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr } from './index.js';
import { translateDict, translateList, translateSet, translateTuple } from './literals.js';

/** `e` translated for a place of type `target`. */
export function exprAs(e: ast.Expr, target: PyType, ctx: TranslateContext): string {
  // a display for a place of another type (a list among the values of a dict of mixed values): its own type
  const own = (k: PyType['k']) => (target.k === k ? target : ctx.analysis.types.typeOf(e));
  switch (e.kind) {
    case 'List':
      return translateList(e, ctx, own('list'));
    case 'Tuple':
      return translateTuple(e, ctx, own('tuple'));
    case 'Set':
      return translateSet(e, ctx, own('set'));
    case 'Dict':
      return translateDict(e, ctx, own('dict'));
  }
  if (!keepsKinds(target) || ctx.analysis.types.typeOf(e).k !== 'float') return expr(e, ctx);
  // a float literal that is not integral is already in the representation that carries its kind
  if (e.kind === 'Constant' && e.value.type === 'float' && !Number.isInteger(e.value.value)) return expr(e, ctx);
  return `${ctx.rt('asFloat')}(${expr(e, ctx)})`;
}

/** A place that may hold ints and floats alike: `int | float`, or a type analysis does not know (`any`). */
function keepsKinds(t: PyType): boolean {
  return carriesKind(t) || t.k === 'unknown';
}

/** The type of the items of a container type, for fitting a display's items (`null`: nothing to fit). */
export function itemTarget(target: PyType, index: number): PyType | null {
  switch (target.k) {
    case 'list':
    case 'set':
      return target.elt;
    case 'tuple':
      return target.elts?.[index] ?? target.elt;
    default:
      return null;
  }
}
