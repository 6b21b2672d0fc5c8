// The typing module where a program uses it as values. Its names exist for the type checker, and TypeScript has
// its own for each: `cast(T, x)` is `x as T`, `TYPE_CHECKING` is `false`, a TypeVar declaration is nothing (its
// uses are typed by analysis), `Generic[T]` and `Protocol` bases are dropped, a Protocol class is an `interface`
// (with a run-time value for `isinstance` when it is `@runtime_checkable`), and `NewType("Id", int)` is an
// identity function.
import type CodeBlockWriter from '../writer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { builtinCall } from '../expressions/builtin-calls.js';
import { expr } from '../expressions/index.js';
import { attributeName } from '../expressions/names.js';

const TYPING_MODULES = new Set(['typing', 'typing_extensions']);

/** The member of `typing` that `e` names (`cast`, or `typing.cast`), else null. */
export function typingMember(e: ast.Expr, ctx: TranslateContext): string | null {
  const types = ctx.analysis.types;
  if (e.kind === 'Name') {
    const imp = types.importOf(e);
    return imp && TYPING_MODULES.has(imp.module) ? imp.member : null;
  }
  if (e.kind === 'Attribute' && e.value.kind === 'Name') {
    const imp = types.importOf(e.value);
    return imp && TYPING_MODULES.has(imp.module) && imp.member === null ? e.attr.id : null;
  }
  if (e.kind === 'Subscript') return typingMember(e.value, ctx);
  return null;
}

/** `T = TypeVar("T")` (also ParamSpec, TypeVarTuple): a declaration for the type checker only. */
export function isTypeVariableDeclaration(s: ast.Assign, ctx: TranslateContext): boolean {
  return s.value.kind === 'Call' && ['TypeVar', 'ParamSpec', 'TypeVarTuple'].includes(typingMember(s.value.func, ctx) ?? '');
}

/** `Mode = Literal["r", "w"]` (analysis decides what a type alias is): a TypeScript `type`. */
export function typeAlias(s: ast.Assign, ctx: TranslateContext): string {
  const target = s.targets[0] as ast.Name;
  const binding = ctx.analysis.types.bindingOf(target);
  const t = ctx.analysis.types.typeOfAnnotation(s.value);
  return `type ${binding ? ctx.tsName(binding) : target.id} = ${t ? ctx.ts(t) : 'any'};`;
}

/** A class base that only speaks to the type checker: `Generic[T]`, `Protocol`, `Protocol[T]`. */
export function isTypingBase(base: ast.Expr, ctx: TranslateContext): boolean {
  const member = typingMember(base, ctx);
  return member === 'Generic' || member === 'Protocol';
}

export function isProtocolClass(s: ast.ClassDef, ctx: TranslateContext): boolean {
  return s.bases.some((b) => typingMember(b, ctx) === 'Protocol');
}

/** `Stack[int]` where `Stack` is a `Generic[T]` class of this module: called, it constructs a `Stack`. */
export function genericClassOf(e: ast.Expr, ctx: TranslateContext): ast.Name | null {
  if (e.kind !== 'Subscript' || e.value.kind !== 'Name') return null;
  if (ctx.analysis.types.bindingOf(e.value)?.kind !== 'class') return null;
  const cls = ctx.analysis.types.classes.get(e.value.id);
  return cls?.bases.some((b) => b.kind === 'Subscript' && typingMember(b, ctx) === 'Generic') ? e.value : null;
}

/** `TYPE_CHECKING` read as a value: false at run time. */
export function typingConstant(e: ast.Name | ast.Attribute, ctx: TranslateContext): string | null {
  return typingMember(e, ctx) === 'TYPE_CHECKING' ? 'false' : null;
}

/** `cast(T, x)`, `NewType("Name", T)` and a TypedDict called (a plain dict), or null for any other call. */
export function typingCall(e: ast.Call, ctx: TranslateContext): string | null {
  if (e.func.kind === 'Name' && ctx.analysis.types.bindingOf(e.func)?.kind === 'class' && ctx.analysis.types.typedDictType(e.func.id)) {
    const dictName: ast.Name = { ...e.func, id: 'dict' };
    return builtinCall({ ...e, func: dictName }, ctx);
  }
  const member = typingMember(e.func, ctx);
  if (member === 'cast' && e.args.length === 2 && e.keywords.length === 0) {
    const target = ctx.analysis.types.typeOfAnnotation(e.args[0]!);
    const value = expr(e.args[1]!, ctx);
    const ts = target ? ctx.ts(target) : 'any';
    if (ts === 'any') return value;
    // cast asserts without converting: through `unknown` when TypeScript sees the value as another type
    const known = ctx.analysis.types.typeOf(e.args[1]!);
    if (ctx.ts(known) === ts) return value;
    return known.k === 'unknown' ? `(${value} as ${ts})` : `(${value} as unknown as ${ts})`;
  }
  if (member === 'NewType' && e.args.length === 2) {
    const base = ctx.analysis.types.typeOfAnnotation(e.args[1]!);
    const ts = base ? ctx.ts(base) : 'any';
    return `(value: ${ts}): ${ts} => value`;
  }
  return null;
}

/**
 * A Protocol class: an `interface` of its methods and annotated attributes, plus, for a `@runtime_checkable` one,
 * a value of the same name that `isinstance` checks structurally.
 */
export function writeProtocol(s: ast.ClassDef, name: string, ctx: TranslateContext, w: CodeBlockWriter): void {
  const members: string[] = [];
  w.write(`interface ${name} `).block(() => {
    for (const stmt of s.body) {
      if (stmt.kind === 'FunctionDef') {
        const args = [...stmt.args.posonlyargs, ...stmt.args.args].slice(1);
        const params = args.map((a) => {
          const t = a.annotation ? ctx.analysis.types.typeOfAnnotation(a.annotation) : null;
          return `${attributeName(a.arg)}: ${t ? ctx.ts(t) : 'any'}`;
        });
        const returns = stmt.returns ? ctx.analysis.types.typeOfAnnotation(stmt.returns) : null;
        w.writeLine(`${attributeName(stmt.name.id)}(${params.join(', ')}): ${returns ? ctx.ts(returns) : 'any'};`);
        members.push(stmt.name.id);
      } else if (stmt.kind === 'AnnAssign' && stmt.target.kind === 'Name') {
        const t = ctx.analysis.types.typeOfAnnotation(stmt.annotation);
        w.writeLine(`${attributeName(stmt.target.id)}: ${t ? ctx.ts(t) : 'any'};`);
        members.push(stmt.target.id);
      }
    }
  });
  if (s.decorators.some((d) => typingMember(d, ctx) === 'runtime_checkable')) {
    const names = members.map((m) => JSON.stringify(attributeName(m))).join(', ');
    w.writeLine(`const ${name} = ${ctx.rt('runtimeCheckable', 'typing')}(${JSON.stringify(name)}, [${names}]);`);
  }
}
