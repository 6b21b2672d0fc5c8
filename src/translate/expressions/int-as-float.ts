// PYTS3008: an int given where the annotation says float. Python keeps the int (annotations convert nothing), but
// a JavaScript number has no int/float distinction, and pyts prints values annotated `float` as floats: `3` would
// print `3.0`. The warning points at the int, so the difference is never silent.
import type { PyType } from '../../analyze/types.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';

/** True when a value of type `given` is an int (or a container of ints) where `annotated` asks for float. */
function intWhereFloat(given: PyType, annotated: PyType): boolean {
  if (annotated.k === 'float') return given.k === 'int';
  if ((annotated.k === 'list' || annotated.k === 'set') && (given.k === 'list' || given.k === 'set')) {
    return intWhereFloat(given.elt, annotated.elt);
  }
  if (annotated.k === 'tuple' && given.k === 'tuple') return intWhereFloat(given.elt, annotated.elt);
  if (annotated.k === 'dict' && given.k === 'dict') return intWhereFloat(given.value, annotated.value);
  return false;
}

/** Warn when `value` is an int for a target annotated `annotation` (a float). */
export function checkIntAsFloat(value: ast.Expr, annotation: ast.Expr | null, ctx: TranslateContext): void {
  if (!annotation) return;
  const annotated = ctx.analysis.types.typeOfAnnotation(annotation);
  if (!annotated || !intWhereFloat(ctx.analysis.types.typeOf(value), annotated)) return;
  ctx.report(
    'PYTS3008',
    value,
    [],
    'Write a float (3.0) where a float is meant, or annotate the target int | float.',
  );
}

interface Param {
  name: string;
  annotation: ast.Expr | null;
}

/** The arguments of a call matched to the annotations of the parameters they fill. */
export function checkCallIntAsFloat(
  e: ast.Call,
  positional: readonly Param[],
  keywordOnly: readonly Param[],
  ctx: TranslateContext,
): void {
  if (e.args.some((a) => a.kind === 'Starred')) return;
  e.args.forEach((a, i) => {
    if (positional[i]) checkIntAsFloat(a, positional[i]!.annotation, ctx);
  });
  for (const k of e.keywords) {
    const p = k.arg ? [...positional, ...keywordOnly].find((x) => x.name === k.arg!.id) : undefined;
    if (p) checkIntAsFloat(k.value, p.annotation, ctx);
  }
}

/** A function's defaults against its parameters' annotations (`factor: float = 2`). */
export function checkDefaultsIntAsFloat(args: ast.Arguments, ctx: TranslateContext): void {
  const positional = [...args.posonlyargs, ...args.args];
  args.defaults.forEach((d, i) => {
    const p = positional[positional.length - args.defaults.length + i];
    if (p) checkIntAsFloat(d, p.annotation, ctx);
  });
  args.kwDefaults.forEach((d, i) => {
    if (d) checkIntAsFloat(d, args.kwonlyargs[i]!.annotation, ctx);
  });
}
