// Calls of Python builtins. Plain TypeScript where it is provably the same (`len(list)` → `.length`,
// `isinstance(e, MyError)` → `instanceof`); otherwise the runtime's builtin of the same name.
import { carriesKind, isNumberType, mayBeFloat, type PyType } from '../../analyze/types.js';
import { camelCase } from '../../asyncio-map/table.js';
import { isNanText } from '../../analyze/infer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { BUILTIN_EXCEPTIONS, BUILTIN_MODULE, BUILTIN_NAMES, BUILTIN_PARAMS } from './builtins.js';
import { translateComprehension } from '../comprehensions/index.js';
import { translateGlobals } from '../module/globals.js';
import { expr, Untranslatable } from './index.js';
import { exprAs } from './number-kinds.js';
import { translateBoolOp, translateIfExp } from './operators.js';

/** The translation of a builtin call, or null when `e` is not a call of a builtin. */
export function builtinCall(e: ast.Call, ctx: TranslateContext): string | null {
  if (e.func.kind !== 'Name' || ctx.analysis.types.bindingOf(e.func)) return null;
  const name = e.func.id;
  if (name === 'globals') return translateGlobals(e, ctx);
  if (BUILTIN_NAMES[name] === undefined) return null;
  const types = ctx.analysis.types;
  const arg = (i: number) => e.args[i]!;
  const one = e.args.length === 1 && e.keywords.length === 0 && e.args[0]!.kind !== 'Starred';
  let argumentText = (a: ast.Expr) => expr(a, ctx);
  if (EAGER_CONSUMERS.has(name))
    argumentText = (a) => (a.kind === 'GeneratorExp' ? translateComprehension(a, ctx, true) : expr(a, ctx));
  if (BUILTIN_EXCEPTIONS.has(name)) return `new ${ctx.rt(name)}(${e.args.map((a) => expr(a, ctx)).join(', ')})`;
  // a NaN is boxed so that it has an identity, as in CPython (see carriesKind)
  if (name === 'float' && isNanText(e.args[0])) return `${ctx.rt('asFloat')}(${ctx.rt('float')}(${expr(arg(0), ctx)}))`;
  switch (name) {
    case 'print':
      return `${ctx.rt('print')}(${[...e.args.map((a) => printable(a, ctx)), ...keywordOptions(e, ctx)].join(', ')})`;
    case 'len':
      if (one) {
        const t = types.typeOf(arg(0));
        if (t.k === 'list' || t.k === 'tuple') return `${expr(arg(0), ctx)}.length`;
      }
      break;
    case 'str':
      if (one) {
        const t = types.typeOf(arg(0));
        if (t.k === 'str') return expr(arg(0), ctx);
        if (t.k === 'int') return `String(${expr(arg(0), ctx)})`;
        return `${ctx.rt('str')}(${printable(arg(0), ctx)})`;
      }
      break;
    case 'repr':
      if (one) return `${ctx.rt('repr')}(${printable(arg(0), ctx)})`;
      break;
    case 'isinstance':
      if (e.args.length === 2) {
        const test = instanceTest(expr(arg(0), ctx), arg(1), ctx);
        if (test) return test;
        // a value known to be a float is one even when integral (`isinstance(6 / 3, float)`)
        if (mayBeFloat(types.typeOf(arg(0)))) return `${ctx.rt('isinstance')}(${printable(arg(0), ctx)}, ${expr(arg(1), ctx)})`;
      }
      break;
    case 'divmod':
      // operands whose kind is carried at run time: the runtime gives the result's kinds from the values
      if (e.args.length === 2 && e.keywords.length === 0 && e.args.some((a) => !isNumberType(types.typeOf(a)))) {
        return `${ctx.rt('pyDivmod')}(${expr(arg(0), ctx)}, ${expr(arg(1), ctx)})`;
      }
      // a float operand changes CPython's zero-division message ('float divmod()')
      if (e.args.length === 2 && e.keywords.length === 0 && e.args.some((a) => types.typeOf(a).k === 'float')) {
        return `${ctx.rt('divmod')}(${expr(arg(0), ctx)}, ${expr(arg(1), ctx)}, true)`;
      }
      break;
    case 'pow':
      // as `a ** b`: operands whose kind is carried at run time give the result's kind from the values
      if (e.args.length === 2 && e.keywords.length === 0 && e.args.some((a) => !isNumberType(types.typeOf(a)))) {
        return `${ctx.rt('pyPow')}(${expr(arg(0), ctx)}, ${expr(arg(1), ctx)})`;
      }
      break;
    case 'min':
    case 'max': {
      // `max(1, 2.5)` is one of its arguments: of either kind, so each carries its kind
      const t = types.typeOf(e);
      if (carriesKind(t) && e.args.length > 1 && !e.args.some((a) => a.kind === 'Starred')) {
        return `${ctx.rt(name)}(${[...e.args.map((a) => exprAs(a, t, ctx)), ...keywordOptions(e, ctx)].join(', ')})`;
      }
      break;
    }
    case 'type':
      if (one && mayBeFloat(types.typeOf(arg(0)))) return `${ctx.rt('type')}(${printable(arg(0), ctx)})`;
      break;
    case 'slice':
      if (e.keywords.length === 0 && e.args.length >= 1 && e.args.length <= 3 && !e.args.some((a) => a.kind === 'Starred')) {
        // slice(stop), slice(start, stop[, step])
        const [start, stop, step] = e.args.length === 1 ? [null, arg(0), null] : [arg(0), arg(1), e.args[2] ?? null];
        const part = (x: ast.Expr | null) => (x ? expr(x, ctx) : 'null');
        return `${ctx.rt('sliceObject')}(${part(start)}, ${part(stop)}, ${part(step)})`;
      }
      break;
    case 'tuple':
      return e.args.length === 0 ? `${ctx.rt('tuple')}()` : `${ctx.rt('tupleFrom')}(${expr(arg(0), ctx)})`;
    default:
      break;
  }
  const args = e.args.map(argumentText);
  const params = BUILTIN_PARAMS[name] ?? [];
  const rest: ast.Keyword[] = [];
  for (const k of e.keywords) {
    const index = k.arg ? params.indexOf(k.arg.id) : -1;
    if (index < 0) {
      rest.push(k);
      continue;
    }
    while (args.length < index) args.push('undefined');
    args[index] = expr(k.value, ctx);
  }
  const options = keywordOptions({ ...e, keywords: rest }, ctx);
  return `${ctx.rt(BUILTIN_NAMES[name] ?? name, BUILTIN_MODULE[name] ?? '')}(${[...args, ...options].join(', ')})`;
}

/** Builtins that take every element of their iterable argument at once. */
const EAGER_CONSUMERS = new Set(['sorted', 'list', 'tuple', 'set', 'frozenset', 'sum', 'min', 'max', 'dict']);

/** A value handed to printing or formatting: floats are marked so `1.0` prints as `1.0`. */
export function printable(e: ast.Expr, ctx: TranslateContext): string {
  const t = ctx.analysis.types.typeOf(e);
  // `0 and 1 / 0` is an int or a float, whichever operand it gives: each is marked by its own type
  const someFloat = mayBeFloat(t) || (t.k === 'union' && t.types.some((x) => x.k === 'float'));
  if (e.kind === 'BoolOp' && someFloat && !e.values.every((v) => ctx.analysis.types.typeOf(v).k === 'float'))
    return translateBoolOp(e, ctx, printable);
  if (e.kind === 'IfExp' && someFloat && !(typeOfIs(e.body, 'float', ctx) && typeOfIs(e.orelse, 'float', ctx)))
    return translateIfExp(e, ctx, printable);
  const code = expr(e, ctx);
  if (mayBeFloat(t)) return `${ctx.rt('asFloat')}(${code})`;
  // a tuple of floats and other things (`math.frexp(8)` is `(0.5, 4)`): only the float places are marked
  if (t.k === 'tuple' && t.elts && t.elts.some(mayBeFloat) && !t.elts.every(mayBeFloat)) {
    return `${ctx.rt('asFloats')}(${code}, [${t.elts.map((x) => mayBeFloat(x)).join(', ')}])`;
  }
  // a list/tuple/set of floats, or a dict with float values: the runtime marks the elements when printing
  const element = t.k === 'list' || t.k === 'set' || t.k === 'tuple' ? t.elt : t.k === 'dict' ? t.value : null;
  if (element && mayBeFloat(element)) return `${ctx.rt('asFloats')}(${code})`;
  return code;
}

/** Keyword arguments of a builtin as the runtime's branded options object: `kw({ sep: "" })`. */
function keywordOptions(e: ast.Call, ctx: TranslateContext): string[] {
  if (e.keywords.length === 0) return [];
  if (e.keywords.some((k) => k.arg === null)) throw new Untranslatable('**keyword arguments', e);
  const fields = e.keywords.map((k) => `${camelCase(k.arg!.id)}: ${expr(k.value, ctx)}`);
  return [`${ctx.rt('kw')}({ ${fields.join(', ')} })`];
}

/** `isinstance(x, C)` as `x instanceof C` when every class is a user class or a builtin exception. */
function instanceTest(value: string, classes: ast.Expr, ctx: TranslateContext): string | null {
  const list = classes.kind === 'Tuple' ? classes.elts : [classes];
  const tests: string[] = [];
  for (const c of list) {
    if (c.kind !== 'Name' && c.kind !== 'Attribute') return null;
    if (c.kind === 'Name') {
      const b = ctx.analysis.types.bindingOf(c);
      if (b ? b.kind !== 'class' : !BUILTIN_EXCEPTIONS.has(c.id)) return null;
    } else if (!ctx.analysis.types.asyncioEntryOf(c)) return null;
    tests.push(`${value} instanceof ${expr(c, ctx)}`);
  }
  return tests.length === 1 ? `(${tests[0]})` : `(${tests.join(' || ')})`;
}

function typeOfIs(e: ast.Expr, k: PyType['k'], ctx: TranslateContext): boolean {
  return ctx.analysis.types.typeOf(e).k === k;
}
