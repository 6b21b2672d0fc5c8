// Which functions carry their Python signature at run time, and its text. A call the translator can place itself
// needs none; a function that leaves the translator's sight (passed to a decorator or another function, returned,
// stored) or that is called with `**mapping` can be called with keywords known only at run time, which the
// runtime's binder (runtime/builtins/signature.ts) places by the signature `"(a, b=…, *args, c, **kw)"`.
import type * as ast from '../../parse/ast.js';
import { forEachChild } from '../../parse/ast-children.js';
import type { TranslateContext } from '../context.js';
import { methodThroughMro } from '../classes/mro.js';

/** What needs its signature at run time: plain functions (not methods, not lambdas), and module-level classes
 *  with the `__init__` (their own or inherited) whose parameters a call binds. */
export interface RunTimeSignatures {
  functions: Set<ast.FunctionDef>;
  classes: Map<ast.ClassDef, ast.FunctionDef>;
}

export function functionsNeedingSignature(module: ast.Module, ctx: TranslateContext): RunTimeSignatures {
  // a binding's loads are names: only names are worth keeping in these sets
  const callees = new Set<ast.Node>();
  const unpackedInto = new Set<ast.Node>();
  const handedOn = new Set<ast.Node>();
  const addName = (set: Set<ast.Node>, e: ast.Expr): void => {
    if (e.kind === 'Name') set.add(e);
  };
  const defs: ast.FunctionDef[] = [];
  const classes: ast.ClassDef[] = [];
  const visit = (node: ast.Node, inClass: boolean): void => {
    switch (node.kind) {
      case 'Call': {
        addName(callees, node.func);
        if (node.keywords.some((k) => k.arg === null) || spreadsIntoFixedArity(node, ctx)) addName(unpackedInto, node.func);
        // a function handed to asyncio or to a builtin (a callback, a sort key) is only ever called positionally
        // (functools.partial given keywords passes them on: its function needs its signature)
        const passed = isRuntimeCallee(node.func, ctx) && !(node.keywords.length && isPartial(node.func, ctx)) ? callees : handedOn;
        for (const a of node.args) addName(passed, a);
        for (const k of node.keywords) addName(passed, k.value);
        break;
      }
      // where a class value goes on to be called elsewhere (its uses as a base, in isinstance or `Cls.attr` do not)
      case 'List':
      case 'Tuple':
      case 'Set':
        for (const x of node.elts) addName(handedOn, x);
        break;
      case 'Dict':
        for (const x of node.values) addName(handedOn, x);
        break;
      case 'Assign':
      case 'Return':
        if (node.value) addName(handedOn, node.value);
        break;
      // `@decorator` calls the decorator with one positional argument
      case 'FunctionDef':
        if (!inClass) defs.push(node);
        for (const d of node.decorators) addName(callees, d);
        break;
      case 'ClassDef':
        if (!inClass) classes.push(node);
        for (const d of node.decorators) addName(callees, d);
        break;
      default:
        break;
    }
    forEachChild(node, visit, node.kind === 'ClassDef' ? true : node.kind === 'FunctionDef' ? false : inClass);
  };
  forEachChild(module, visit, false);
  const out = new Set<ast.FunctionDef>();
  for (const def of defs) {
    const b = ctx.analysis.types.bindingOf(def.name);
    const escapes = def.decorators.length > 0 || !b || b.loads.some((l) => !callees.has(l.node) || unpackedInto.has(l.node));
    if (escapes && hasParameters(def.args)) out.add(def);
  }
  // a class passed around (`make(Worker, size=2)`, `kinds[k](**options)`) is constructed by callPython, which binds
  // keywords by its `__init__`'s signature
  const classSignatures = new Map<ast.ClassDef, ast.FunctionDef>();
  for (const cls of classes) {
    const b = ctx.analysis.types.bindingOf(cls.name);
    const escapes = b !== null && b !== undefined && b.loads.some((l) => handedOn.has(l.node) || unpackedInto.has(l.node));
    const init = escapes ? methodThroughMro(cls, '__init__', ctx)?.node : undefined;
    if (init?.kind === 'FunctionDef' && hasParameters(withoutSelf(init.args))) classSignatures.set(cls, init);
  }
  return { functions: out, classes: classSignatures };
}

/** A method's parameters after `self`. */
export function withoutSelf(a: ast.Arguments): ast.Arguments {
  return a.posonlyargs.length ? { ...a, posonlyargs: a.posonlyargs.slice(1) } : { ...a, args: a.args.slice(1) };
}

/** `functools.partial`, by module attribute or imported name. */
function isPartial(func: ast.Expr, ctx: TranslateContext): boolean {
  const types = ctx.analysis.types;
  if (func.kind === 'Attribute') return func.attr.id === 'partial' && func.value.kind === 'Name' && types.isModule(func.value, 'functools');
  const target = func.kind === 'Name' ? types.importOf(func) : null;
  return target?.module === 'functools' && target.member === 'partial';
}

function isRuntimeCallee(func: ast.Expr, ctx: TranslateContext): boolean {
  const types = ctx.analysis.types;
  if (types.asyncioEntryOf(func)) return true;
  if (func.kind === 'Name') return !types.bindingOf(func);
  return func.kind === 'Attribute' && types.methodEntryOf(types.typeOf(func.value), func.attr.id) !== null;
}

function hasParameters(a: ast.Arguments): boolean {
  return a.posonlyargs.length + a.args.length + a.kwonlyargs.length > 0 || a.vararg !== null || a.kwarg !== null;
}

/** `"(a, b=…, /, c, *args, d, e=…, **kw)"`; a keyword-only parameter whose TS name differs reads `name:tsName`. */
export function signatureText(a: ast.Arguments, ctx: TranslateContext): string {
  const positional = [...a.posonlyargs, ...a.args];
  const firstDefault = positional.length - a.defaults.length;
  const parts = positional.map((p, i) => `${p.arg}${i >= firstDefault ? '=…' : ''}`);
  if (a.posonlyargs.length) parts.splice(a.posonlyargs.length, 0, '/');
  if (a.vararg) parts.push(`*${a.vararg.arg}`);
  else if (a.kwonlyargs.length) parts.push('*');
  a.kwonlyargs.forEach((p, i) => {
    const b = ctx.analysis.types.bindingOf(p);
    const ts = b ? ctx.tsName(b) : p.arg;
    parts.push(`${p.arg}${ts === p.arg ? '' : `:${ts}`}${a.kwDefaults[i] ? '=…' : ''}`);
  });
  if (a.kwarg) parts.push(`**${a.kwarg.arg}`);
  return JSON.stringify(`(${parts.join(', ')})`);
}

/**
 * Whether a call binds to parameters `a` as Python would bind it: false when it certainly raises TypeError,
 * null when its `*`/`**` arguments leave it to run time. `selfGiven`: a method called on an instance (its
 * first parameter is bound already).
 */
export function bindsStatically(e: ast.Call, a: ast.Arguments, selfGiven: boolean): boolean | null {
  if (e.args.some((x) => x.kind === 'Starred') || e.keywords.some((k) => k.arg === null)) return null;
  const positional = [...a.posonlyargs, ...a.args];
  const given = e.args.length + (selfGiven ? 1 : 0);
  if (given > positional.length && !a.vararg) return false;
  const filled = positional.map((_, i) => i < given);
  const keywordOnly = new Set<string>();
  for (const k of e.keywords) {
    const name = k.arg!.id;
    const index = positional.findIndex((p, i) => i >= a.posonlyargs.length && p.arg === name);
    if (index >= 0) {
      if (filled[index]) return false;
      filled[index] = true;
    } else if (a.kwonlyargs.some((p) => p.arg === name)) keywordOnly.add(name);
    else if (!a.kwarg) return false;
  }
  const firstDefault = positional.length - a.defaults.length;
  if (positional.some((_, i) => !filled[i] && i < firstDefault)) return false;
  return a.kwonlyargs.every((p, i) => a.kwDefaults[i] || keywordOnly.has(p.arg));
}

/** `f(*values)` for a `def f` without `*args`: how many values there are is known only at run time, where
 *  CPython checks them against the parameters. */
export function spreadsIntoFixedArity(e: ast.Call, ctx: TranslateContext): boolean {
  if (e.func.kind !== 'Name' || !e.args.some((a) => a.kind === 'Starred')) return false;
  const b = ctx.analysis.types.bindingOf(e.func);
  const info = b ? ctx.analysis.types.functionOfBinding(b) : null;
  return info?.node.kind === 'FunctionDef' && !info.node.decorators.length && !info.node.args.vararg && !info.isAsync;
}
