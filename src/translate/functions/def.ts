// `def` and `async def` → function declarations with typed parameters and return type.
import type CodeBlockWriter from 'code-block-writer';
import { containsYield } from '../../analyze/infer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr } from '../expressions/index.js';
import { docComment } from '../statements/expression-statement.js';
import { writeFunctionBody } from './body.js';
import { parameters } from './parameters.js';

export function translateFunctionDef(s: ast.FunctionDef, ctx: TranslateContext, w: CodeBlockWriter): void {
  const info = ctx.analysis.types.functions.get(s) ?? null;
  const binding = ctx.analysis.types.bindingOf(s.name);
  const name = binding ? ctx.tsName(binding) : s.name.id;
  const isGenerator = containsYield(s.body);
  if (s.docstring) w.writeLine(docComment(s.docstring));
  const { list: params, prologue, preamble } = parameters(s.args, info, ctx, false, name);
  for (const line of preamble) w.writeLine(line);
  const isAsync = s.isAsync || ctx.analysis.blocking.has(s);
  const head = `${isAsync ? 'async ' : ''}function${isGenerator ? '*' : ''} ${name}(${params})${isGenerator ? '' : returnAnnotation(s, ctx)} `;
  if (!isGenerator && s.decorators.length === 0) {
    w.write(head).block(() => writeFunctionBody(s, info, ctx, w, null, prologue));
    return;
  }
  // Generators are wrapped so their objects have Python's methods (send, throw, close / asend, athrow, aclose);
  // decorators apply bottom-up, as in Python: `@a @b def f` is `f = a(b(f))`.
  const wrappers = s.decorators.map((d) => expr(d, ctx));
  if (isGenerator) wrappers.push(s.isAsync ? ctx.rt('asyncGenerator', 'asyncio') : ctx.rt('generator'));
  w.write(`const ${name} = ${wrappers.map((x) => `${x}(`).join('')}${head}`);
  w.inlineBlock(() => writeFunctionBody(s, info, ctx, w, null, prologue));
  w.write(`${')'.repeat(wrappers.length)};`).newLine();
}

export function returnAnnotation(s: ast.FunctionDef, ctx: TranslateContext): string {
  const info = ctx.analysis.types.functions.get(s);
  if (!info || info.returns.k === 'unknown') return '';
  const t = ctx.ts(info.returns);
  if (t === 'any') return '';
  const ret = info.returns.k === 'None' ? 'void' : t;
  return s.isAsync || ctx.analysis.blocking.has(s) ? `: Promise<${ret}>` : `: ${ret}`;
}
