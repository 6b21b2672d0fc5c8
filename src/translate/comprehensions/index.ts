// Comprehensions. A single `for` without conditions is `xs.map((x) => f(x))` over a list or a `range(…)`,
// `Array.from(it, (x) => f(x))` over any other iterable: each calls `f` once per element, in order, as Python does. A
// condition on the bare element is `.filter`. Other shapes become an immediately called function with the loops
// written out, which keeps Python's order exactly (each condition is tested right before its element is computed). A
// generator expression stays a lazy generator unless its consumer takes every element at once (`sorted(…)`, `f(*…)`).
import type { Binding } from '../../analyze/scopes.js';
import type * as ast from '../../parse/ast.js';
import { forEachChild } from '../../parse/ast-children.js';
import type { TranslateContext } from '../context.js';
import { cond, expr, paren } from '../expressions/index.js';
import { assignmentTarget } from '../statements/targets.js';

type Comprehension = ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp;

/** `eager`: the consumer takes every element right away, so a generator expression may be built as an array. */
export function translateComprehension(e: Comprehension, ctx: TranslateContext, eager = false): string {
  const isAsync = e.generators.some((g) => g.isAsync) || containsAwait(e);
  const shared = capturedTargets(e, ctx);
  if (!isAsync && !shared.length && (e.kind === 'ListComp' || (e.kind === 'GeneratorExp' && eager))) {
    const simple = simpleArray(e, ctx);
    if (simple !== null) return simple;
  }
  return writtenOut(e, isAsync, shared, ctx);
}

/**
 * The loop variables a function made inside the comprehension reads (`[lambda: i for i in range(3)]`). Python has
 * one such variable for the whole comprehension, so every closure sees its last value; a `for (const i of …)` would
 * give each iteration its own.
 */
function capturedTargets(e: Comprehension, ctx: TranslateContext): Binding[] {
  const out: Binding[] = [];
  for (const n of e.generators.flatMap((g) => targetNames(g.target))) {
    const b = ctx.analysis.types.bindingOf(n);
    if (b && b.loads.some((l) => l.fromNested) && !out.includes(b)) out.push(b);
  }
  return out;
}

/** The `.map` / `Array.from` / `.filter` forms, or null when the comprehension does not have their shape. */
function simpleArray(e: ast.ListComp | ast.GeneratorExp, ctx: TranslateContext): string | null {
  if (e.generators.length !== 1) return null;
  const g = e.generators[0]!;
  if (g.target.kind !== 'Name' && g.target.kind !== 'Tuple') return null;
  const iterType = ctx.analysis.types.typeOf(g.iter);
  const iter = expr(g.iter, ctx);
  const isList = iterType.k === 'list';
  // Array.from infers `unknown` elements from an `any` iterable (a variable analysis could not type): they are any
  const untyped =
    iterType.k === 'unknown' && (g.iter.kind === 'Name' || (g.iter.kind === 'Attribute' && !g.iter.attr.id.startsWith('__')));
  const target = `${assignmentTarget(g.target, ctx)}${untyped ? ': any' : ''}`;
  const isIdentity = e.elt.kind === 'Name' && g.target.kind === 'Name' && e.elt.id === g.target.id;
  if (g.ifs.length === 0) {
    if (isIdentity) return isList ? `[...${paren(iter)}]` : `Array.from(${iter})`;
    const body = expr(e.elt, ctx);
    // the runtime's range has a `map` (a counting loop): Array.from costs several times as much on small ranges
    const hasMap = isList || isRangeCall(g.iter, ctx);
    return hasMap ? `${paren(iter)}.map((${target}) => ${body})` : `Array.from(${iter}, (${target}) => ${body})`;
  }
  if (!isIdentity) return null;
  const test = g.ifs.map((c) => cond(c, ctx)).join(' && ');
  return `${isList ? paren(iter) : `Array.from(${iter})`}.filter((${target}) => ${test})`;
}

/** A call of the builtin `range` (not a local `range`): its value is the runtime's range object. */
function isRangeCall(e: ast.Expr, ctx: TranslateContext): boolean {
  return (
    e.kind === 'Call' &&
    e.func.kind === 'Name' &&
    e.func.id === 'range' &&
    !ctx.analysis.types.bindingOf(e.func) &&
    e.keywords.length === 0 &&
    !e.args.some((a) => a.kind === 'Starred')
  );
}

function writtenOut(e: Comprehension, isAsync: boolean, shared: Binding[], ctx: TranslateContext): string {
  const gens = e.generators;
  const isShared = (g: ast.Comprehension) => targetNames(g.target).some((n) => shared.includes(ctx.analysis.types.bindingOf(n)!));
  const loopVariable = (g: ast.Comprehension) => `${isShared(g) ? '' : 'const '}${assignmentTarget(g.target, ctx)}`;
  const sharedDecl = shared.length
    ? `let ${shared.map((b) => `${ctx.tsName(b)}: ${ctx.ts(ctx.analysis.types.typeOfBinding(b))}`).join(', ')}; `
    : '';
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
  // a generator expression evaluates its first iterable at once, in the enclosing scope (Python's reference,
  // "Generator expressions"): it is the generator function's argument
  // (a name bound once cannot change before the generator runs: it stays in the body, as written)
  const first = gens[0]!.iter;
  const fixedName = first.kind === 'Name' && (ctx.analysis.types.bindingOf(first)?.stores.length ?? 2) <= 1;
  const outermost = e.kind === 'GeneratorExp' && !fixedName ? expr(first, ctx) : null;
  const parameter = outermost === null ? null : ctx.analysis.names.claim('iterable');
  for (let i = gens.length - 1; i >= 0; i--) {
    const g = gens[i]!;
    for (let j = g.ifs.length - 1; j >= 0; j--) body = `if (${cond(g.ifs[j]!, ctx)}) { ${body} }`;
    const iter = i === 0 && parameter !== null ? parameter : expr(g.iter, ctx);
    body = g.isAsync
      ? `for await (${loopVariable(g)} of ${ctx.rt('aiter', 'asyncio')}(${iter})) { ${body} }`
      : `for (${loopVariable(g)} of ${iter}) { ${body} }`;
  }
  if (e.kind === 'GeneratorExp') {
    // a Python generator object (send/close, `type(g).__name__ == 'generator'`), not a bare JS one
    // a method's `self` is `this`, which a `function*` does not see unless it is passed on
    const usesThis = /\bthis\b/.test(body);
    const argument = parameter === null ? [] : [`${parameter}: ${ctx.ts(ctx.analysis.types.typeOf(first))}`];
    const params = [...(usesThis ? ['this: any'] : []), ...argument].join(', ');
    const call = usesThis ? `.call(${['this', ...(outermost === null ? [] : [outermost])].join(', ')})` : `(${outermost ?? ''})`;
    return isAsync
      ? `${ctx.rt('asyncGenerator', 'asyncio')}(async function* (${params}) { ${sharedDecl}${body} })${call}`
      : `${ctx.rt('generator')}(function* (${params}) { ${sharedDecl}${body} })${call}`;
  }
  const types = ctx.analysis.types;
  let decl: string;
  if (e.kind === 'ListComp') decl = `const ${result}: ${ctx.ts({ k: 'list', elt: types.typeOf(e.elt) })} = [];`;
  else if (e.kind === 'SetComp') decl = `const ${result} = ${ctx.rt('set')}<${ctx.ts(types.typeOf(e.elt))}>();`;
  else
    decl = `const ${result} = ${ctx.rt('dict')}<${ctx.ts(types.typeOf(e.key))}, ${ctx.ts(types.typeOf(e.value))}>();`;
  return isAsync
    ? `(await (async () => { ${sharedDecl}${decl} ${body} return ${result}; })())`
    : `(() => { ${sharedDecl}${decl} ${body} return ${result}; })()`;
}

function targetNames(t: ast.Expr): ast.Name[] {
  if (t.kind === 'Name') return [t];
  if (t.kind === 'Tuple' || t.kind === 'List') return t.elts.flatMap(targetNames);
  if (t.kind === 'Starred') return targetNames(t.value);
  return [];
}

/** True when the comprehension itself awaits (not counting nested lambdas). */
function containsAwait(e: ast.Node): boolean {
  if (e.kind === 'Await') return true;
  if (e.kind === 'Lambda') return false;
  // by the nodes' children only (enumerating every property went through ranges and literal values as well)
  let found = false;
  forEachChild(e, (child) => (found ||= containsAwait(child)), null);
  return found;
}
