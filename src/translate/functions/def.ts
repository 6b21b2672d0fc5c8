// `def` and `async def` → function declarations with typed parameters and return type.
import type CodeBlockWriter from '../writer.js';
import { containsYield } from '../../analyze/infer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr } from '../expressions/index.js';
import { docComment } from '../statements/expression-statement.js';
import { writeFunctionBody } from './body.js';
import { parameters } from './parameters.js';
import { signatureText } from './signature.js';

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
  const signature = ctx.signed.has(s) ? signatureText(s.args, ctx) : null;
  const hoisted = binding?.declaration.at === 'hoist';
  if (!isGenerator && s.decorators.length === 0) {
    if (hoisted) {
      w.write(`${name} = ${head}`).inlineBlock(() => writeFunctionBody(s, info, ctx, w, null, prologue));
      w.write(';').newLine();
    } else {
      w.write(head).block(() => writeFunctionBody(s, info, ctx, w, null, prologue));
    }
    // most module-level functions get theirs with the module's pythonFunctions(…) (translate/index.ts)
    if (signature && !ctx.signedAtTop.has(s)) w.writeLine(`${ctx.rt('withSignature')}(${name}, ${signature});`);
    return;
  }
  // Generators are wrapped so their objects have Python's methods (send, throw, close / asend, athrow, aclose);
  // decorators apply bottom-up, as in Python: `@a @b def f` is `f = a(b(f))`, and a class decorates by being
  // constructed. What the decorators receive is anonymous (inside the body `f` must mean the decorated result) and
  // described by pythonFunction(fn, name, signature, doc).
  const wrappers = s.decorators.map((d) => `${isClass(d, ctx) ? 'new ' : ''}${expr(d, ctx)}(`);
  const tails = s.decorators.map(() => ')');
  if (s.decorators.length) {
    const doc = s.docstring === null ? '' : `, ${JSON.stringify(s.docstring)}`;
    wrappers.push(`${ctx.rt('pythonFunction')}(`);
    tails.push(`, ${JSON.stringify(s.name.id)}${signature || doc ? `, ${signature ?? 'null'}` : ''}${doc})`);
  }
  if (isGenerator) {
    wrappers.push(`${s.isAsync ? ctx.rt('asyncGenerator', 'asyncio') : ctx.rt('generator')}(`);
    tails.push(')');
  }
  let functionHead = head;
  // (a generator keeps its name: its objects' reprs show it)
  if (s.decorators.length && !isGenerator) {
    functionHead = head.replace(`function ${name}(`, 'function (');
    // a body that calls the decorated result recursively leaves tsc nothing to infer the return type from
    if (!returnAnnotation(s, ctx)) functionHead = functionHead.replace(/\) $/, s.isAsync ? '): Promise<any> ' : '): any ');
  }
  w.write(`${hoisted ? '' : 'const '}${name} = ${wrappers.join('')}${functionHead}`);
  w.inlineBlock(() => writeFunctionBody(s, info, ctx, w, null, prologue));
  w.write(`${tails.reverse().join('')};`).newLine();
}

function isClass(e: ast.Expr, ctx: TranslateContext): boolean {
  return e.kind === 'Name' && ctx.analysis.types.bindingOf(e)?.kind === 'class';
}

export function returnAnnotation(s: ast.FunctionDef, ctx: TranslateContext): string {
  const info = ctx.analysis.types.functions.get(s);
  if (!info || info.returns.k === 'unknown') return '';
  const t = ctx.ts(info.returns);
  if (t === 'any') return '';
  const ret = info.returns.k === 'None' ? 'void' : t;
  return s.isAsync || ctx.analysis.blocking.has(s) ? `: Promise<${ret}>` : `: ${ret}`;
}
