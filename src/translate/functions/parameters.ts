// Parameter lists. Positional parameters stay positional (with TypeScript defaults where Python's default is a
// value that cannot change between calls). Keyword-only parameters and `**kwargs` become one trailing options
// object, which is how TypeScript APIs spell them: `def f(a, *, timeout=1.0)` → `f(a: number, { timeout = 1.0 }:
// { timeout?: number } = {})`. With `*args` as well, the options travel as a branded `kw({...})` last argument that
// `splitKw` takes apart. `*args` is a Python tuple and `**kwargs` a dict, so the body sees the same values.
import type { FunctionInfo } from '../../analyze/infer.js';
import { join, NONE, type PyType } from '../../analyze/types.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { Untranslatable } from '../expressions/index.js';
import { exprAs } from '../expressions/number-kinds.js';

export interface Parameters {
  /** the text between the parentheses */
  list: string;
  /** statements the body starts with (turning collected arguments into Python values) */
  prologue: string[];
  /** statements that must run where the `def` stands: defaults Python evaluates once, at definition */
  preamble: string[];
}

/** `owner`: the function's TS name, when its non-constant defaults may be evaluated once beside it. */
export function parameters(
  args: ast.Arguments,
  info: FunctionInfo | null,
  ctx: TranslateContext,
  skipFirst: boolean,
  owner?: string,
): Parameters {
  const typeOf = (a: ast.Arg): PyType => info?.params.find((p) => p.arg === a)?.type ?? { k: 'unknown' };
  const name = (a: ast.Arg) => {
    const b = ctx.analysis.types.bindingOf(a);
    return b ? ctx.tsName(b) : a.arg;
  };
  const positional = [...args.posonlyargs, ...args.args];
  const firstDefault = positional.length - args.defaults.length;
  const out: string[] = [];
  const prologue: string[] = [];
  const preamble: string[] = [];
  positional.forEach((a, i) => {
    if (i === 0 && skipFirst) return;
    const d = i >= firstDefault ? args.defaults[i - firstDefault]! : null;
    if (d) {
      const t = isNone(d) ? join(typeOf(a), NONE) : typeOf(a);
      let value = exprAs(d, t, ctx);
      if (!isStableDefault(d, ctx)) {
        // evaluated once, where `def` runs, and shared by every call: Python's (famous) mutable-default rule
        if (owner === undefined) throw new Untranslatable('a default argument that is not a constant (Python evaluates it once, at definition)', d);
        const shared = ctx.analysis.names.claim(`${owner}${a.arg[0]!.toUpperCase()}${ctx.tsName(ctx.analysis.types.bindingOf(a)!).slice(1)}Default`);
        preamble.push(`const ${shared}: ${ctx.ts(t)} = ${value};`);
        ctx.sharedDefaults.set(d, shared);
        value = shared;
      }
      out.push(`${name(a)}: ${ctx.ts(t)} = ${value}`);
    } else out.push(`${name(a)}: ${ctx.ts(typeOf(a))}`);
  });
  const hasOptions = args.kwonlyargs.length > 0 || args.kwarg !== null;
  const options = hasOptions ? optionsPattern(args, ctx, typeOf, name) : null;
  if (args.vararg) {
    const rest = ctx.analysis.names.claim('rest');
    const elementType = ctx.ts(typeOf(args.vararg));
    if (options) {
      out.push(`...${rest}: unknown[]`);
      const positionalRest = ctx.analysis.names.claim('positional');
      prologue.push(
        `const [${positionalRest}, ${options.pattern}] = ${ctx.rt('splitKw')}(${rest}) as [${elementType}[], ${options.shape}];`,
      );
      prologue.push(`const ${name(args.vararg)} = ${ctx.rt('tupleFrom')}(${positionalRest});`);
    } else {
      out.push(`...${rest}: ${elementType}[]`);
      prologue.push(`const ${name(args.vararg)} = ${ctx.rt('tupleFrom')}(${rest});`);
    }
  } else if (options) {
    out.push(`${options.pattern}: ${options.shape}${options.allOptional ? ' = {}' : ''}`);
  }
  if (options?.kwargsRest)
    prologue.push(`const ${options.kwargsName} = ${ctx.rt('dict')}(Object.entries(${options.kwargsRest}));`);
  return { list: out.join(', '), prologue, preamble };
}

interface OptionsPattern {
  pattern: string;
  shape: string;
  allOptional: boolean;
  /** the destructured rest object holding `**kwargs`, and the Python name of the dict made from it */
  kwargsRest: string | null;
  kwargsName: string;
}

function optionsPattern(
  args: ast.Arguments,
  ctx: TranslateContext,
  typeOf: (a: ast.Arg) => PyType,
  name: (a: ast.Arg) => string,
): OptionsPattern {
  const fields = args.kwonlyargs.map((a, i) => {
    const d = args.kwDefaults[i] ?? null;
    if (d) checkDefault(d, ctx);
    return { a, d };
  });
  const kwargsRest = args.kwarg ? ctx.analysis.names.claim(`${name(args.kwarg)}Given`) : null;
  const parts = fields.map(({ a, d }) => (d ? `${name(a)} = ${exprAs(d, typeOf(a), ctx)}` : name(a)));
  if (kwargsRest) parts.push(`...${kwargsRest}`);
  const shapeParts = fields.map(
    ({ a, d }) => `${name(a)}${d ? '?' : ''}: ${ctx.ts(d && isNone(d) ? join(typeOf(a), NONE) : typeOf(a))}`,
  );
  if (kwargsRest) shapeParts.push('[key: string]: any');
  return {
    pattern: `{ ${parts.join(', ')} }`,
    shape: `{ ${shapeParts.join('; ')} }`,
    allOptional: fields.every((f) => f.d),
    kwargsRest,
    kwargsName: args.kwarg ? name(args.kwarg) : '',
  };
}

function isNone(e: ast.Expr): boolean {
  return e.kind === 'Constant' && e.value.type === 'None';
}

/**
 * Python evaluates a default once, when `def` runs; TypeScript at every call. The two agree only for values that
 * cannot change: literals, and names or attributes bound once.
 */
function isStableDefault(d: ast.Expr, ctx: TranslateContext): boolean {
  if (d.kind === 'Constant') return true;
  if (d.kind === 'UnaryOp' && d.operand.kind === 'Constant') return true;
  if (d.kind === 'Tuple' && d.elts.every((e) => e.kind === 'Constant')) return true;
  if (d.kind === 'Attribute' && d.value.kind === 'Name') return true;
  if (d.kind === 'Name') {
    const b = ctx.analysis.types.bindingOf(d);
    return !b || b.stores.length <= 1;
  }
  return false;
}

function checkDefault(d: ast.Expr, ctx: TranslateContext): void {
  if (!isStableDefault(d, ctx)) throw new Untranslatable('a default argument that is not a constant (Python evaluates it once, at definition)', d);
}
