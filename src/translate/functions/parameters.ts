// Parameter lists. Positional parameters stay positional (with TypeScript defaults where Python's default is a
// value that cannot change between calls); keyword-only parameters become one trailing options object, which is
// how TypeScript APIs spell them: `def f(a, *, timeout=1.0)` → `f(a: number, { timeout = 1.0 }: { timeout?: number } = {})`.
import type { FunctionInfo } from '../../analyze/infer.js';
import { join, NONE, type PyType } from '../../analyze/types.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, Untranslatable } from '../expressions/index.js';

export function parameterList(args: ast.Arguments, info: FunctionInfo | null, ctx: TranslateContext, skipFirst: boolean): string {
  const typeOf = (a: ast.Arg): PyType => info?.params.find((p) => p.arg === a)?.type ?? { k: 'unknown' };
  const ts = (t: PyType) => ctx.ts(t);
  const name = (a: ast.Arg) => {
    const b = ctx.analysis.types.bindingOf(a);
    return b ? ctx.tsName(b) : a.arg;
  };
  const positional = [...args.posonlyargs, ...args.args];
  const firstDefault = positional.length - args.defaults.length;
  const out: string[] = [];
  positional.forEach((a, i) => {
    if (i === 0 && skipFirst) return;
    const d = i >= firstDefault ? args.defaults[i - firstDefault]! : null;
    if (d) {
      checkDefault(d, ctx);
      const t = isNone(d) ? join(typeOf(a), NONE) : typeOf(a);
      out.push(`${name(a)}: ${ts(t)} = ${expr(d, ctx)}`);
    } else out.push(`${name(a)}: ${ts(typeOf(a))}`);
  });
  if (args.vararg) out.push(`...${name(args.vararg)}: ${ts(typeOf(args.vararg))}[]`);
  if (args.kwonlyargs.length || args.kwarg) {
    if (args.kwarg) throw new Untranslatable('**kwargs parameter', args.kwarg);
    const fields = args.kwonlyargs.map((a, i) => {
      const d = args.kwDefaults[i];
      if (d) checkDefault(d, ctx);
      return { a, d };
    });
    const pattern = fields.map(({ a, d }) => (d ? `${name(a)} = ${expr(d, ctx)}` : name(a))).join(', ');
    const shape = fields.map(({ a, d }) => `${name(a)}${d ? '?' : ''}: ${ts(d && isNone(d) ? join(typeOf(a), NONE) : typeOf(a))}`).join('; ');
    const allOptional = fields.every((f) => f.d);
    out.push(`{ ${pattern} }: { ${shape} }${allOptional ? ' = {}' : ''}`);
  }
  return out.join(', ');
}

function isNone(e: ast.Expr): boolean {
  return e.kind === 'Constant' && e.value.type === 'None';
}

/**
 * Python evaluates a default once, when `def` runs; TypeScript at every call. The two agree only for values that
 * cannot change: literals, and names or attributes bound once.
 */
function checkDefault(d: ast.Expr, ctx: TranslateContext): void {
  if (d.kind === 'Constant') return;
  if (d.kind === 'UnaryOp' && d.operand.kind === 'Constant') return;
  if (d.kind === 'Tuple' && d.elts.every((e) => e.kind === 'Constant')) return;
  if (d.kind === 'Attribute' && d.value.kind === 'Name') return;
  if (d.kind === 'Name') {
    const b = ctx.analysis.types.bindingOf(d);
    if (!b || b.stores.length <= 1) return;
  }
  throw new Untranslatable('a default argument that is not a constant (Python evaluates it once, at definition)', d);
}
