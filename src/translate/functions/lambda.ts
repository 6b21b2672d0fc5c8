// `lambda` → an arrow function.
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr } from '../expressions/index.js';
import { parameterList } from './parameters.js';

export function translateLambda(e: ast.Lambda, ctx: TranslateContext): string {
  const info = ctx.analysis.types.functions.get(e) ?? null;
  const body = ctx.withFrame({ info, isAsync: false, caught: [], loopLabels: [], selfName: null }, () =>
    expr(e.body, ctx),
  );
  return `((${parameterList(e.args, info, ctx, false)}) => ${body.startsWith('{') ? `(${body})` : body})`;
}
