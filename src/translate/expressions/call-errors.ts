// Calls that certainly raise TypeError: arguments that do not fit a function the translator knows (`f(1)` for
// `def f(a, b)`), a builtin's argument count, calling None. JavaScript would call on with `undefined` for the missing
// parameter and ignore extra arguments; the translation raises CPython's TypeError where the call stands (after
// evaluating the arguments, as Python does), and pyts warns about the line.
import type { FunctionInfo } from '../../analyze/infer.js';
import type { PyType } from '../../analyze/types.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { dataclassInitFields, dataclassRequiredFields } from '../classes/dataclass.js';
import { bindsStatically, signatureText } from '../functions/signature.js';
import { expr } from './index.js';

/** Builtins CPython declares with exactly one positional argument (METH_O). */
const ONE_ARGUMENT = new Set(['len', 'abs', 'repr', 'ord', 'hash', 'id', 'callable', 'chr', 'ascii']);
/** The keyword arguments of builtins whose others are refused as "'x' is an invalid keyword argument for int()". */
const BUILTIN_KEYWORDS: Readonly<Record<string, readonly string[]>> = { int: ['base'], str: ['object', 'encoding', 'errors'] };
/** Methods of builtin types that take no arguments (METH_NOARGS). */
const NO_ARGUMENTS: Readonly<Record<string, ReadonlySet<string>>> = {
  str: new Set(
    'upper lower casefold capitalize swapcase title isalpha isalnum isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper'.split(
      ' ',
    ),
  ),
  list: new Set(['copy', 'clear', 'reverse']),
};
/** The Python type names of values that cannot be called. */
const NOT_CALLABLE: Partial<Record<PyType['k'], string>> = {
  None: 'NoneType',
  int: 'int',
  float: 'float',
  bool: 'bool',
  str: 'str',
  list: 'list',
  tuple: 'tuple',
  dict: 'dict',
  set: 'set',
};

/** The translation of a call that cannot succeed, or null. */
export function callError(e: ast.Call, ctx: TranslateContext): string | null {
  const types = ctx.analysis.types;
  const f = e.func;
  if (f.kind === 'Name') {
    const b = types.bindingOf(f);
    if (!b) return builtinError(e, f.id, ctx);
    // (a name defined more than once may be either definition when the call runs)
    const fn = b.stores.length !== 1 ? null : b.kind === 'function' ? types.functionOfBinding(b) : lambdaOf(b.stores, ctx);
    if (fn && !(fn.node.kind === 'FunctionDef' && fn.node.decorators.length) && bindsStatically(e, fn.node.args, false) === false) {
      const name = fn.node.kind === 'Lambda' ? '<lambda>' : fn.node.name.id;
      return refused(e, `${ctx.rt('badCall')}(${JSON.stringify(name)}, ${signatureText(fn.node.args, ctx)}, ${argumentList(e, [], ctx)})`, ctx);
    }
    if (b.kind === 'class') return constructorError(e, f.id, ctx);
    const typeName = NOT_CALLABLE[types.typeOfBinding(b).k];
    if (typeName) return refused(e, fails(`'${typeName}' object is not callable`, e, ctx), ctx);
    return null;
  }
  if (f.kind !== 'Attribute') return null;
  const receiverType = types.typeOf(f.value);
  const noArguments = NO_ARGUMENTS[receiverType.k];
  if (noArguments?.has(f.attr.id) && e.args.length && !e.keywords.length) {
    const message = `${receiverType.k}.${f.attr.id}() takes no arguments (${e.args.length} given)`;
    return refused(e, fails(message, e, ctx, [f.value]), ctx);
  }
  if (receiverType.k !== 'instance' && receiverType.k !== 'class') return null;
  const method = plainMethod(receiverType.name, f.attr.id, ctx);
  if (!method) return null;
  const onInstance = receiverType.k === 'instance';
  if (bindsStatically(e, method.node.args, onInstance) !== false) return null;
  const name = `${receiverType.name}.${f.attr.id}`;
  const self = onInstance ? [f.value] : [];
  return refused(e, `${ctx.rt('badCall')}(${JSON.stringify(name)}, ${signatureText(method.node.args, ctx)}, ${argumentList(e, self, ctx)})`, ctx);
}

function builtinError(e: ast.Call, name: string, ctx: TranslateContext): string | null {
  if (ONE_ARGUMENT.has(name)) {
    if (e.keywords.length) return refused(e, fails(`${name}() takes no keyword arguments`, e, ctx), ctx);
    if (e.args.length !== 1 && !e.args.some((a) => a.kind === 'Starred'))
      return refused(e, fails(`${name}() takes exactly one argument (${e.args.length} given)`, e, ctx), ctx);
  }
  const accepted = BUILTIN_KEYWORDS[name];
  const unknown = accepted ? e.keywords.find((k) => k.arg !== null && !accepted.includes(k.arg.id)) : undefined;
  if (unknown) return refused(e, fails(`'${unknown.arg!.id}' is an invalid keyword argument for ${name}()`, e, ctx), ctx);
  return null;
}

/** `C(…)` for a class with neither `__init__` nor `__new__` nor bases: `object()` takes no arguments. */
function constructorError(e: ast.Call, name: string, ctx: TranslateContext): string | null {
  const dataclassError = missingFieldsError(e, name, ctx);
  if (dataclassError) return dataclassError;
  const cls = ctx.analysis.types.classes.get(name);
  if (!cls || cls.bases.length || cls.keywords.length || cls.decorators.length || !(e.args.length || e.keywords.length)) return null;
  const defines = (m: string) => cls.body.some((s) => s.kind === 'FunctionDef' && s.name.id === m);
  if (defines('__init__') || defines('__new__')) {
    const init = plainMethod(name, '__init__', ctx);
    if (!init || bindsStatically(e, init.node.args, true) !== false) return null;
    const call = `${ctx.rt('badCall')}(${JSON.stringify(`${name}.__init__`)}, ${signatureText(init.node.args, ctx)}, ${argumentList(e, [], ctx, 'null')})`;
    return refused(e, call, ctx);
  }
  return refused(e, fails(`${name}() takes no arguments`, e, ctx), ctx);
}

/** A dataclass called without a field its generated `__init__` requires (Python/ceval.c missing_arguments). */
function missingFieldsError(e: ast.Call, name: string, ctx: TranslateContext): string | null {
  const required = dataclassRequiredFields(name, ctx);
  const fields = dataclassInitFields(name, ctx);
  if (!required || !fields || e.args.some((a) => a.kind === 'Starred') || e.keywords.some((k) => k.arg === null)) return null;
  const given = new Set([...fields.slice(0, e.args.length), ...e.keywords.map((k) => k.arg!.id)]);
  const missing = required.filter((f) => !given.has(f)).map((f) => `'${f}'`);
  if (missing.length === 0) return null;
  const names = missing.length === 1 ? missing[0]! : missing.length === 2 ? missing.join(' and ') : `${missing.slice(0, -1).join(', ')}, and ${missing.at(-1)}`;
  const message = `${name}.__init__() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${names}`;
  return refused(e, fails(message, e, ctx), ctx);
}

/** A method defined with `def` in class `className`, neither static nor a class method. */
function plainMethod(className: string, name: string, ctx: TranslateContext): (FunctionInfo & { node: ast.FunctionDef }) | null {
  // a method of the same name in another class may be what runs (a subclass's override)
  const candidates = ctx.methodsNamed(name);
  const f = candidates.length === 1 ? candidates[0]! : null;
  if (!f || f.classNode!.name.id !== className || (f.node as ast.FunctionDef).decorators.length) return null;
  return f as FunctionInfo & { node: ast.FunctionDef };
}

function lambdaOf(stores: readonly { statement: ast.Stmt | null }[], ctx: TranslateContext): FunctionInfo | null {
  const statement = stores.length === 1 ? stores[0]!.statement : null;
  if (statement?.kind !== 'Assign' || statement.value.kind !== 'Lambda' || statement.targets.length !== 1) return null;
  return ctx.analysis.types.functions.get(statement.value) ?? null;
}

/** `[self?, args…], { keywords }` as badCall takes them; `self` is `selfStandIn` when there is no object yet. */
function argumentList(e: ast.Call, self: ast.Expr[], ctx: TranslateContext, selfStandIn?: string): string {
  const values = [...(selfStandIn ? [selfStandIn] : []), ...self.map((s) => expr(s, ctx)), ...e.args.map((a) => expr(a, ctx))];
  const keywords = e.keywords.map((k) => `${k.arg!.id}: ${expr(k.value, ctx)}`);
  return `[${values.join(', ')}]${keywords.length ? `, { ${keywords.join(', ')} }` : ''}`;
}

function fails(message: string, e: ast.Call, ctx: TranslateContext, before: ast.Expr[] = []): string {
  const values = [...before, ...e.args, ...e.keywords.map((k) => k.value)].map((a) => expr(a, ctx));
  return `${ctx.rt('callFails')}(${[JSON.stringify(message), ...values].join(', ')})`;
}

function refused(e: ast.Call, code: string, ctx: TranslateContext): string {
  ctx.report('PYTS3005', e);
  return code;
}
