// The method resolution order of the module's classes as far as the translator can see it: C3 over the classes of
// this module (a base defined elsewhere ends the part it can see). Used to find which `__init__` a call of a class
// runs and which method `super()` reaches, so that keyword arguments are placed as that method declares them.
import type * as ast from '../../parse/ast.js';
import type { FunctionInfo } from '../../analyze/infer.js';
import type { TranslateContext } from '../context.js';
import { isTypingBase } from '../typing/index.js';

/** `cls` and its bases of this module in C3 order; null when the bases admit no consistent order. */
export function staticMro(cls: ast.ClassDef, ctx: TranslateContext, depth = 0): ast.ClassDef[] | null {
  if (depth > 50) return null;
  const bases = moduleBaseClasses(cls, ctx);
  const sequences: ast.ClassDef[][] = [];
  for (const b of bases) {
    const order = staticMro(b, ctx, depth + 1);
    if (!order) return null;
    sequences.push(order);
  }
  sequences.push(bases);
  const result = [cls];
  let rest = sequences.filter((s) => s.length > 0);
  while (rest.length > 0) {
    const head = rest.map((s) => s[0]!).find((h) => !rest.some((s) => s.indexOf(h) > 0));
    if (!head) return null;
    result.push(head);
    rest = rest.map((s) => (s[0] === head ? s.slice(1) : s)).filter((s) => s.length > 0);
  }
  return result;
}

/** The bases of `cls` that are classes of this module, in the order written. */
export function moduleBaseClasses(cls: ast.ClassDef, ctx: TranslateContext): ast.ClassDef[] {
  return cls.bases.flatMap((b) => {
    if (b.kind !== 'Name' || isTypingBase(b, ctx) || ctx.analysis.types.bindingOf(b)?.kind !== 'class') return [];
    const base = ctx.analysis.types.classes.get(b.id);
    return base && base !== cls ? [base] : [];
  });
}

/**
 * The method `name` that an instance of `cls` finds first in the classes of its MRO from position `from` on: the
 * function, or null when a class on the way may define it in a way the translator does not see (a decorator,
 * a base from elsewhere, a dataclass's generated `__init__`).
 */
export function methodThroughMro(
  cls: ast.ClassDef,
  name: string,
  ctx: TranslateContext,
  from = 0,
): FunctionInfo | null {
  const order = staticMro(cls, ctx);
  if (!order) return null;
  for (const c of order.slice(from)) {
    if (c.decorators.length > 0) return null;
    const own = c.body.find((s): s is ast.FunctionDef => s.kind === 'FunctionDef' && s.name.id === name);
    if (own) return ctx.analysis.types.functions.get(own) ?? null;
    const foreign = c.bases.some(
      (b) =>
        !isTypingBase(b, ctx) &&
        !(b.kind === 'Name' && b.id === 'object') &&
        !moduleBaseClasses(c, ctx).some((m) => b.kind === 'Name' && m.name.id === b.id),
    );
    if (foreign) return null;
  }
  return null;
}
