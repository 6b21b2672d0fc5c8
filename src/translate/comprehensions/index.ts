// Comprehensions. `[f(x) for x in xs]` over a list is `xs.map((x) => f(x))` (same order of evaluation); other
// shapes become an immediately called function with the loops written out, which keeps Python's order exactly
// (each condition is tested right before its element is computed). Generator expressions stay lazy: a generator.
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { cond, expr, paren } from '../expressions/index.js';
import { assignmentTarget } from '../statements/targets.js';

export function translateComprehension(e: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp, ctx: TranslateContext): string {
  const gens = e.generators;
  const isAsync = gens.some((g) => g.isAsync) || containsAwait(e);
  const first = gens[0]!;
  if (e.kind === 'ListComp' && gens.length === 1 && first.ifs.length === 0 && !isAsync && first.target.kind === 'Name') {
    const iterType = ctx.analysis.types.typeOf(first.iter);
    if (iterType.k === 'list') return `${paren(expr(first.iter, ctx))}.map((${assignmentTarget(first.target, ctx)}) => ${expr(e.elt, ctx)})`;
  }
  const result = ctx.analysis.names.claim(e.kind === 'DictComp' ? 'entries' : 'items');
  let body: string;
  switch (e.kind) {
    case 'ListComp':
      body = `${result}.push(${expr(e.elt, ctx)});`;
      break;
    case 'SetComp':
      body = `${result}.add(${expr(e.elt, ctx)});`;
      break;
    case 'DictComp':
      body = `${result}.setItem(${expr(e.key, ctx)}, ${expr(e.value, ctx)});`;
      break;
    case 'GeneratorExp':
      body = `yield ${expr(e.elt, ctx)};`;
      break;
  }
  for (let i = gens.length - 1; i >= 0; i--) {
    const g = gens[i]!;
    for (let j = g.ifs.length - 1; j >= 0; j--) body = `if (${cond(g.ifs[j]!, ctx)}) { ${body} }`;
    const iter = i === 0 ? expr(g.iter, ctx) : expr(g.iter, ctx);
    body = `for ${g.isAsync ? 'await ' : ''}(const ${assignmentTarget(g.target, ctx)} of ${g.isAsync ? `${ctx.rt('aiter', 'asyncio')}(${iter})` : iter}) { ${body} }`;
  }
  if (e.kind === 'GeneratorExp') {
    return isAsync ? `(async function* () { ${body} })()` : `(function* () { ${body} })()`;
  }
  const init = e.kind === 'ListComp' ? '[]' : e.kind === 'SetComp' ? `${ctx.rt('set')}()` : `${ctx.rt('dict')}()`;
  const decl = e.kind === 'ListComp' ? `const ${result}: any[] = ${init};` : `const ${result} = ${init};`;
  return isAsync ? `(await (async () => { ${decl} ${body} return ${result}; })())` : `(() => { ${decl} ${body} return ${result}; })()`;
}

function containsAwait(e: ast.Node): boolean {
  let found = false;
  const visit = (n: unknown): void => {
    if (found || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    const node = n as ast.Node;
    if (node.kind === 'Await') {
      found = true;
      return;
    }
    if (node.kind === 'Lambda') return;
    for (const v of Object.values(node)) if (v && typeof v === 'object') visit(v);
  };
  visit(e);
  return found;
}
