// `lambda` → an arrow function. Python evaluates a lambda's defaults once, when the lambda is made, and in the
// enclosing scope (`lambda i=i: …` captures the current `i`); TypeScript evaluates defaults at each call, inside
// the parameter list (where `i = i` would read the parameter itself). A lambda with a non-literal default is
// therefore made by a function that receives the defaults' values: `((i0) => (i = i0) => …)(i)`.
import { walk } from '../../analyze/infer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, Untranslatable } from '../expressions/index.js';
import { parameters } from './parameters.js';

export function translateLambda(e: ast.Lambda, ctx: TranslateContext): string {
  let yields = false;
  walk(e.body, (n) => (yields ||= n.kind === 'Yield' || n.kind === 'YieldFrom'));
  // an arrow function cannot be a generator
  if (yields) throw new Untranslatable('yield inside a lambda', e);
  const info = ctx.analysis.types.functions.get(e) ?? null;
  // an arrow function sees the method's `this`: `lambda: self.x` inside a method reads the method's self, unless
  // the lambda has a parameter of that name
  const own = [...e.args.posonlyargs, ...e.args.args, ...e.args.kwonlyargs, e.args.vararg, e.args.kwarg].map(
    (a) => a?.arg,
  );
  const selfName = ctx.frame.selfName !== null && !own.includes(ctx.frame.selfName) ? ctx.frame.selfName : null;
  const frame = { info, isAsync: false, caught: [], loopLabels: [], selfName };
  const body = ctx.withFrame(frame, () => expr(e.body, ctx));
  const wrapped = body.startsWith('{') ? `(${body})` : body;
  let prologue: string[] = [];
  const defaults = [...e.args.defaults, ...e.args.kwDefaults.filter((d): d is ast.Expr => d !== null)];
  if (defaults.every((d) => d.kind === 'Constant')) return `((${lambdaParameters(e.args)}) => ${arrowBody()})`;
  // evaluate the defaults now, outside the parameter list
  const values = defaults.map((d) => expr(d, ctx));
  const holders = defaults.map(() => ctx.analysis.names.claim('defaultValue'));
  let next = 0;
  const stand = (d: ast.Expr) => ctx.verbatimName(holders[next++]!, d.range);
  const substituted: ast.Arguments = {
    ...e.args,
    defaults: e.args.defaults.map(stand),
    kwDefaults: e.args.kwDefaults.map((d) => (d === null ? null : stand(d))),
  };
  const params = lambdaParameters(substituted);
  return `((${holders.join(', ')}) => (${params}) => ${arrowBody()})(${values.join(', ')})`;

  /** `*args`/`**kwargs` are collected by statements (functions/parameters.ts), which an arrow needs a block for */
  function lambdaParameters(args: ast.Arguments): string {
    const p = parameters(args, info, ctx, false);
    if (p.preamble.length) throw new Untranslatable('a non-constant default in a lambda', args);
    prologue = p.prologue;
    return p.list;
  }
  function arrowBody(): string {
    return prologue.length ? `{ ${prologue.join(' ')} return ${body}; }` : wrapped;
  }
}
