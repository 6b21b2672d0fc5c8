// Names and attribute access: user bindings, Python builtins, and the asyncio module through the mapping table.
import {
  ASYNCIO_MODULE,
  camelCase,
  CLASS_METHODS,
  FUTURE_METHODS,
  HANDLE_METHODS,
  LOOP_METHODS,
  TASK_METHODS,
  tsName,
} from '../../asyncio-map/table.js';
import { readsUnbound } from '../../analyze/scopes.js';
import { joinAll, UNKNOWN } from '../../analyze/types.js';
import { suggestAsyncioName } from '../../asyncio-map/suggest.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { BUILTIN_MODULE, BUILTIN_NAMES } from './builtins.js';
import { PYTHON_BUILTINS } from './python-builtins.js';
import { knownAttributes } from '../classes/attributes.js';
import { cooperativeSuper, isBareSuper, isCooperative } from '../classes/cooperative.js';
import { annotationsOf } from '../typing/annotations.js';
import { typingConstant } from '../typing/index.js';
import { printable } from './builtin-calls.js';
import { expr, paren, Untranslatable } from './index.js';
import { LIST_ARITY, STR_HELPERS, strHelperName } from './methods.js';

export function translateName(e: ast.Name, ctx: TranslateContext): string {
  if (ctx.isVerbatim(e)) return e.id;
  const binding = ctx.analysis.types.bindingOf(e);
  if (binding?.kind === 'import') {
    const constant = typingConstant(e, ctx);
    if (constant !== null) return constant;
  }
  if (binding) {
    if (ctx.frame.selfName !== null && binding.kind === 'param' && binding.name === ctx.frame.selfName) {
      // `this` cannot be rebound in TypeScript
      if (e.ctx !== 'Load') throw new Untranslatable(`rebinding the method's '${e.id}' parameter`, e);
      return 'this';
    }
    if (e.ctx === 'Load' && readsUnbound(binding, e)) return `${ctx.rt('unboundLocal')}(${JSON.stringify(e.id)})`;
    return ctx.tsName(binding);
  }
  const builtin = BUILTIN_NAMES[e.id];
  if (builtin !== undefined) return builtin === null ? e.id : ctx.rt(builtin, BUILTIN_MODULE[e.id] ?? '');
  if (e.id === '__name__') return stringOfModuleName(ctx);
  // the module's path as CPython gives it, which the runtime makes from the translated module's own place
  if (e.id === '__file__') return `${ctx.rt('moduleFile')}(import.meta.url, ${JSON.stringify(ctx.pythonFile)})`;
  if (PYTHON_BUILTINS.has(e.id)) {
    ctx.report('PYTS3002', e, [e.id]);
    throw new Untranslatable(`the builtin '${e.id}'`, e);
  }
  ctx.report('PYTS2001', e, [e.id], 'Translated as the NameError CPython raises when the line runs.');
  return `${ctx.rt('undefinedName')}(${JSON.stringify(e.id)})`;
}

function stringOfModuleName(ctx: TranslateContext): string {
  return `${ctx.rt('moduleName')}(import.meta.url)`;
}

export function translateAttribute(e: ast.Attribute, ctx: TranslateContext): string {
  const named = ctx.analysis.types.asyncioEntryOf(e);
  if (named) return asyncioReference(named.name, named.entry, e, ctx);
  rejectUnknownAsyncioName(e, ctx);
  const cls = ctx.frame.info?.classNode;
  if (e.ctx === 'Load' && cls && isBareSuper(e.value, ctx) && isCooperative(cls, ctx)) {
    // `super().label`: a property (or any attribute) of the next class in the MRO
    return `${cooperativeSuper(cls, ctx)}.${attributeName(e.attr.id)}`;
  }
  if (
    e.value.kind === 'Call' &&
    e.value.func.kind === 'Name' &&
    e.value.func.id === 'type' &&
    !ctx.analysis.types.bindingOf(e.value.func)
  ) {
    if (e.attr.id === '__name__' || e.attr.id === '__qualname__') {
      // `type(6 / 3).__name__` is 'float': a value known to be a float is marked as one
      return `${ctx.rt('typeName')}(${e.value.args.map((a) => printable(a, ctx)).join(', ')})`;
    }
  }
  if ((e.attr.id === '__name__' || e.attr.id === '__qualname__') && e.ctx === 'Load' && ctx.analysis.types.typeOf(e.value).k !== 'module') {
    // JS names an arrow function after the variable it is assigned to; Python calls every lambda '<lambda>'
    if (isLambdaVariable(e.value, ctx)) return JSON.stringify('<lambda>');
    return `${ctx.rt('nameOf')}(${expr(e.value, ctx)})`;
  }
  if (e.attr.id === '__doc__' && e.ctx === 'Load') return docOf(e.value, ctx);
  if (e.attr.id === '__annotations__' && e.ctx === 'Load') {
    const annotations = annotationsOf(e.value, ctx);
    if (annotations !== null) return annotations;
  }
  if (e.attr.id === '__defaults__' && e.ctx === 'Load') {
    const defaults = defaultsOf(e.value, ctx);
    if (defaults !== null) return defaults;
  }
  const unbound = e.ctx === 'Load' ? unboundStrMethod(e, ctx) : null;
  if (unbound !== null) return unbound;
  const reflected = e.ctx === 'Load' ? REFLECTION[e.attr.id] : undefined;
  if (reflected && ctx.analysis.types.typeOf(e.value).k !== 'module') {
    return `${ctx.rt(reflected)}(${expr(e.value, ctx)})`;
  }
  if (e.ctx === 'Load' && !e.attr.id.startsWith('__') && !isKnownAttribute(e, ctx)) {
    return `${ctx.rt('getattr')}(${expr(e.value, ctx)}, ${JSON.stringify(e.attr.id)})`;
  }
  const receiver = paren(expr(e.value, ctx));
  const name = attributeName(e.attr.id);
  // an attribute set on a function (`wrapper.calls = 0`, as decorators do): Python functions carry any attribute
  const isFunction =
    ctx.analysis.types.typeOf(e.value).k === 'function' ||
    (e.value.kind === 'Name' && ctx.analysis.types.bindingOf(e.value)?.kind === 'function');
  if (isFunction && !e.attr.id.startsWith('__')) return `(${receiver} as any).${name}`;
  if (e.ctx === 'Load' && isMethodReference(e, ctx)) {
    // Python's bound method: `loop.call_soon(fut.set_result, 1)` must keep `fut` as `this`; a list's methods
    // (`order.append` as a callback) are the runtime's, arrays having none of those names with Python's meaning
    return /^[\w$.]+$/.test(receiver) && !isListReceiver(e, ctx)
      ? `${receiver}.${name}.bind(${receiver})`
      : `${ctx.rt('bound')}(${receiver}, ${JSON.stringify(name)})`;
  }
  return `${receiver}.${name}`;
}

/** False when `e` reads an attribute that the class of its receiver (a class of this module) does not define. */
function isKnownAttribute(e: ast.Attribute, ctx: TranslateContext): boolean {
  const t = ctx.analysis.types.typeOf(e.value);
  if (t.k !== 'instance' && t.k !== 'class') return true;
  const cls = ctx.analysis.types.classes.get(t.name);
  if (!cls) return true;
  return knownAttributes(cls, t.k === 'instance', ctx)?.has(e.attr.id) ?? true;
}

/** Attributes Python computes from the class machinery, read through the runtime's function of the same meaning. */
const REFLECTION: Readonly<Record<string, string>> = { __mro__: 'mro', __bases__: 'bases', __dict__: 'vars' };

function isListReceiver(e: ast.Attribute, ctx: TranslateContext): boolean {
  return ctx.analysis.types.typeOf(e.value).k === 'list';
}

const DICT_METHODS = new Set('get keys values items pop popitem setdefault update copy clear'.split(' '));
const SET_METHODS = new Set(
  'add discard remove pop clear copy update union intersection difference issubset issuperset isdisjoint'.split(' '),
);

/** A method taken as a value (not called): known from the receiver's type or from the asyncio method tables. */
function isMethodReference(e: ast.Attribute, ctx: TranslateContext): boolean {
  const types = ctx.analysis.types;
  let receiverType = types.typeOf(e.value);
  // an Optional[...] receiver (current_task() may give None): the method of what it is when it is not None
  if (receiverType.k === 'union') receiverType = joinAll(receiverType.types.filter((t) => t.k !== 'None')) ?? UNKNOWN;
  if (types.methodEntryOf(receiverType, e.attr.id)) return true;
  // unknown receiver, a name only asyncio's objects have as a method (`fut.set_result` passed as a callback)
  if (receiverType.k === 'unknown' && ASYNCIO_METHOD_NAMES.has(e.attr.id)) return true;
  // `key=scores.get`: the runtime's dict and set classes keep Python's method names
  if (receiverType.k === 'list') return Object.hasOwn(LIST_ARITY, e.attr.id);
  if (receiverType.k === 'dict') return DICT_METHODS.has(e.attr.id);
  if (receiverType.k === 'set') return SET_METHODS.has(e.attr.id);
  if (receiverType.k === 'instance') {
    return ctx.methodsNamed(e.attr.id).some(
      (f) => f.classNode!.name.id === receiverType.name && !(f.node as ast.FunctionDef).decorators.length,
    );
  }
  return false;
}

/** `asyncio.<name>` where asyncio has no such name: say what the user probably meant, and stop. */
export function rejectUnknownAsyncioName(e: ast.Attribute, ctx: TranslateContext): void {
  if (e.value.kind !== 'Name' || !ctx.analysis.types.isModule(e.value, 'asyncio') || ctx.analysis.types.asyncioEntryOf(e)) return;
  const guess = suggestAsyncioName(e.attr.id);
  ctx.report('PYTS4001', e.attr, [e.attr.id, guess ? ` Did you mean 'asyncio.${guess}'?` : '']);
  throw new Untranslatable(`asyncio.${e.attr.id}`, e);
}

/** `asyncio.gather` → `asyncio.gather`, a removed API → its replacement with a warning, a planned one → error. */
export function asyncioReference(
  pythonName: string,
  entry: (typeof ASYNCIO_MODULE)[string],
  node: { range: ast.Range },
  ctx: TranslateContext,
): string {
  if (entry.removed) {
    const replacement = `asyncio.${entry.removed.use}`;
    if (entry.kind === 'planned') {
      ctx.report('PYTS4004', node, [`asyncio.${pythonName}`], entry.note);
      throw new Untranslatable(`asyncio.${pythonName}`, node);
    }
    ctx.report('PYTS4002', node, [`asyncio.${pythonName}`, entry.removed.in], `Translated as '${replacement}'.`);
  }
  if (entry.kind === 'planned') {
    ctx.report('PYTS4004', node, [`asyncio.${pythonName}`]);
    throw new Untranslatable(`asyncio.${pythonName}`, node);
  }
  return `${ctx.namespace('asyncio')}.${tsName(pythonName.split('.').pop()!, entry)}`;
}

/** Method names of asyncio's objects (futures, tasks, loops, handles, queues, locks…), from the mapping table. */
const ASYNCIO_METHOD_NAMES = new Set(
  [FUTURE_METHODS, TASK_METHODS, LOOP_METHODS, HANDLE_METHODS, ...Object.values(CLASS_METHODS)].flatMap((table) => Object.keys(table)),
);

/** Attribute names follow the same camelCase rule as everything else, dunders excepted. */
export function attributeName(python: string): string {
  return camelCase(python);
}

/** A variable assigned once, a lambda. */
function isLambdaVariable(e: ast.Expr, ctx: TranslateContext): boolean {
  const b = e.kind === 'Name' ? ctx.analysis.types.bindingOf(e) : null;
  const statement = b?.stores.length === 1 ? b.stores[0]!.statement : null;
  return statement?.kind === 'Assign' && statement.value.kind === 'Lambda' && statement.targets.length === 1;
}

/** `str.upper` taken as a value (`map(str.upper, names)`): Python's unbound method, a function of the string. */
function unboundStrMethod(e: ast.Attribute, ctx: TranslateContext): string | null {
  if (e.value.kind !== 'Name' || e.value.id !== 'str' || ctx.analysis.types.bindingOf(e.value)) return null;
  const name = e.attr.id;
  if (name === 'upper') return '((s: string) => s.toUpperCase())';
  if (name === 'lower') return '((s: string) => s.toLowerCase())';
  return STR_HELPERS.has(name) ? ctx.rt(strHelperName(name)) : null;
}

/** `f.__defaults__` of a function defined once: the tuple of its positional defaults (the very objects the calls
 *  share, for defaults evaluated at `def`), or None. */
function defaultsOf(e: ast.Expr, ctx: TranslateContext): string | null {
  const b = e.kind === 'Name' ? ctx.analysis.types.bindingOf(e) : null;
  const statement = b?.kind === 'function' && b.stores.length === 1 ? b.stores[0]!.statement : null;
  if (statement?.kind !== 'FunctionDef' || statement.decorators.length) return null;
  const defaults = statement.args.defaults;
  if (!defaults.length) return 'null';
  // the others are values that cannot change (functions/parameters.ts isStableDefault): evaluating them again is exact
  const values = defaults.map((d) => ctx.sharedDefaults.get(d) ?? expr(d, ctx));
  return `${ctx.rt('tuple')}(${values.join(', ')})`;
}

/** `f.__doc__`: the docstring of a function defined once and not decorated; otherwise read at run time. */
function docOf(e: ast.Expr, ctx: TranslateContext): string {
  const b = e.kind === 'Name' ? ctx.analysis.types.bindingOf(e) : null;
  const statement = b?.kind === 'function' && b.stores.length === 1 ? b.stores[0]!.statement : null;
  if (statement?.kind === 'FunctionDef' && !statement.decorators.length) {
    return statement.docstring === null ? 'null' : JSON.stringify(statement.docstring);
  }
  return `${ctx.rt('docOf')}(${expr(e, ctx)})`;
}
