// `def` and `async def` → function declarations with typed parameters and return type.
import type { CodeBlockWriter } from 'ts-morph';
import { containsYield } from '../../analyze/infer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { Untranslatable } from '../expressions/index.js';
import { docComment } from '../statements/expression-statement.js';
import { writeFunctionBody } from './body.js';
import { parameterList } from './parameters.js';

export function translateFunctionDef(s: ast.FunctionDef, ctx: TranslateContext, w: CodeBlockWriter): void {
  if (s.decorators.length) throw new Untranslatable('a decorated function', s.decorators[0]!);
  if (containsYield(s.body)) throw new Untranslatable(s.isAsync ? 'an async generator' : 'a generator function', s);
  const info = ctx.analysis.types.functions.get(s) ?? null;
  const binding = ctx.analysis.types.bindingOf(s.name);
  const name = binding ? ctx.tsName(binding) : s.name.id;
  if (s.docstring) w.writeLine(docComment(s.docstring));
  const params = parameterList(s.args, info, ctx, false);
  const isAsync = s.isAsync || ctx.analysis.blocking.has(s);
  w.write(`${isAsync ? 'async ' : ''}function ${name}(${params})${returnAnnotation(s, ctx)} `);
  w.block(() => writeFunctionBody(s, info, ctx, w, null));
}

export function returnAnnotation(s: ast.FunctionDef, ctx: TranslateContext): string {
  const info = ctx.analysis.types.functions.get(s);
  if (!info || info.returns.k === 'unknown') return '';
  const t = ctx.ts(info.returns);
  if (t === 'any') return '';
  const ret = info.returns.k === 'None' ? 'void' : t;
  return s.isAsync || ctx.analysis.blocking.has(s) ? `: Promise<${ret}>` : `: ${ret}`;
}
