// `lambda` → an arrow function. Python evaluates a lambda's defaults once, when the lambda is made, and in the
// enclosing scope (`lambda i=i: …` captures the current `i`); TypeScript evaluates defaults at each call, inside
// the parameter list (where `i = i` would read the parameter itself). A lambda with a non-literal default is
// therefore made by a function that receives the defaults' values: `((i0) => (i = i0) => …)(i)`.
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr } from '../expressions/index.js';
import { parameterList } from './parameters.js';

export function translateLambda(e: ast.Lambda, ctx: TranslateContext): string {
  const info = ctx.analysis.types.functions.get(e) ?? null;
  const frame = { info, isAsync: false, caught: [], loopLabels: [], selfName: null };
  const body = ctx.withFrame(frame, () => expr(e.body, ctx));
  const wrapped = body.startsWith('{') ? `(${body})` : body;
  const defaults = [...e.args.defaults, ...e.args.kwDefaults.filter((d): d is ast.Expr => d !== null)];
  if (defaults.every((d) => d.kind === 'Constant')) return `((${parameterList(e.args, info, ctx, false)}) => ${wrapped})`;
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
  const params = parameterList(substituted, info, ctx, false);
  return `((${holders.join(', ')}) => (${params}) => ${wrapped})(${values.join(', ')})`;
}
