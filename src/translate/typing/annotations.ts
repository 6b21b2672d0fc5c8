// `__annotations__` of a class or function of this module, read at run time: a dict from each annotated name to
// its annotation's value. Plain classes (`int`, a class of the module) are those values; anything subscripted
// (`Optional[int]`, `ClassVar[int]`, `list[str]`) is a typing object printing as CPython's repr; a string
// annotation is the string.
import type { Binding } from '../../analyze/scopes.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { BUILTIN_NAMES } from '../expressions/builtins.js';

/** The `__annotations__` dict of what `e` names, or null when it is not a class or function of this module. */
export function annotationsOf(e: ast.Expr, ctx: TranslateContext): string | null {
  if (e.kind !== 'Name') return null;
  const binding = ctx.analysis.types.bindingOf(e);
  const entries: [string, ast.Expr][] = [];
  if (binding?.kind === 'class') {
    const cls = ctx.analysis.types.classes.get(e.id);
    if (!cls) return null;
    for (const s of cls.body)
      if (s.kind === 'AnnAssign' && s.target.kind === 'Name') entries.push([s.target.id, s.annotation]);
  } else if (binding?.kind === 'function') {
    const f = ctx.analysis.types.functionOfBinding(binding)?.node;
    if (f?.kind !== 'FunctionDef') return null;
    const a = f.args;
    const params = [
      ...a.posonlyargs,
      ...a.args,
      ...(a.vararg ? [a.vararg] : []),
      ...a.kwonlyargs,
      ...(a.kwarg ? [a.kwarg] : []),
    ];
    for (const p of params) if (p.annotation) entries.push([p.arg, p.annotation]);
    if (f.returns) entries.push(['return', f.returns]);
  } else {
    return null;
  }
  const items = entries.map(([name, annotation]) => `[${JSON.stringify(name)}, ${annotationValue(annotation, ctx)}]`);
  return `${ctx.rt('dict')}<string, unknown>([${items.join(', ')}])`;
}

function annotationValue(a: ast.Expr, ctx: TranslateContext): string {
  if (a.kind === 'Constant' && a.value.type === 'None') return 'null';
  if (a.kind === 'Constant' && a.value.type === 'str') return JSON.stringify(a.value.value);
  if (a.kind === 'Name') {
    const binding = bindingOf(a, ctx);
    if (binding?.kind === 'class') {
      // a TypedDict is only a TypeScript type: its class is shown by name
      if (ctx.analysis.types.typedDictType(a.id)) return form(`<class '__main__.${a.id}'>`, ctx);
      return ctx.tsName(binding);
    }
    if (!binding && BUILTIN_NAMES[a.id]) return ctx.rt(BUILTIN_NAMES[a.id]!);
  }
  return form(formText(a, ctx), ctx);
}

/** The run-time value of a module name TypeScript only knows as a type (a typing import, an alias, a TypedDict),
 *  for `globals()`: a typing object printing as CPython's repr. */
export function typeOnlyValue(binding: Binding, ctx: TranslateContext): string {
  const node = binding.stores[0]!.node;
  const name: ast.Name = { kind: 'Name', id: binding.name, ctx: 'Load', range: node.range };
  return annotationValue(name, ctx);
}

function form(text: string, ctx: TranslateContext): string {
  return `${ctx.rt('typeForm', 'typing')}(${JSON.stringify(text)})`;
}

/** A name in an annotation: class-body annotations are not references the scope analysis resolves. */
function bindingOf(a: ast.Name, ctx: TranslateContext): Binding | null {
  return ctx.analysis.types.bindingOf(a) ?? ctx.analysis.scopes.module.bindings.get(a.id) ?? null;
}

/** CPython's repr of a typing construct: `typing.Optional[int]`, `list[str]`, `int | None`. */
function formText(a: ast.Expr, ctx: TranslateContext): string {
  const member = ctx.analysis.types.typingName(a);
  if (member !== null) return `typing.${member}`;
  switch (a.kind) {
    case 'Name': {
      const binding = bindingOf(a, ctx);
      const imported = binding ? ctx.analysis.types.imports.get(binding) : undefined;
      if (imported && (imported.module === 'typing' || imported.module === 'typing_extensions') && imported.member) {
        return `typing.${imported.member}`;
      }
      // an alias stands for what it was assigned
      const alias = binding?.stores.length === 1 ? binding.stores[0]!.statement : null;
      if (alias && ctx.analysis.types.isTypeAlias(alias)) return formText(alias.value, ctx);
      return binding?.kind === 'class' ? `__main__.${a.id}` : a.id;
    }
    case 'Attribute':
      return `${formText(a.value, ctx)}.${a.attr.id}`;
    case 'Subscript': {
      const args = a.slice.kind === 'Tuple' ? a.slice.elts : [a.slice];
      return `${formText(a.value, ctx)}[${args.map((x) => formText(x, ctx)).join(', ')}]`;
    }
    case 'List':
      return `[${a.elts.map((x) => formText(x, ctx)).join(', ')}]`;
    case 'BinOp':
      return `${formText(a.left, ctx)} | ${formText(a.right, ctx)}`;
    case 'Constant':
      if (a.value.type === 'str') return `'${a.value.value}'`;
      if (a.value.type === 'int' || a.value.type === 'float' || a.value.type === 'bool') {
        return a.value.type === 'bool' ? (a.value.value ? 'True' : 'False') : String(a.value.value);
      }
      return a.value.type === 'None' ? 'None' : '...';
    default:
      return '...';
  }
}
