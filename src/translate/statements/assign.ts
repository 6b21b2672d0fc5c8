// Assignments. A binding is declared (`const`/`let`) where analysis placed its declaration; an annotation is
// added where TypeScript could not infer the type analysis knows (empty containers, later wider assignments).
import type { Binding } from '../../analyze/scopes.js';
import { sameType, type PyType } from '../../analyze/types.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, paren, Untranslatable } from '../expressions/index.js';
import { attributeName } from '../expressions/names.js';
import { exprAs } from '../expressions/number-kinds.js';
import { isGlobalsCall } from '../module/globals.js';
import { translateBinOp } from '../expressions/operators.js';
import { assignmentTarget, assignTo, targetNames } from './targets.js';

export function translateAssign(s: ast.Assign, ctx: TranslateContext): string {
  const value = fittedValue(s.targets[0]!, s.value, ctx);
  if (s.targets.length === 1) return assignOne(s.targets[0]!, s.value, value, ctx);
  // `a = b = value`: evaluate once, into the first target, then copy
  const [first, ...rest] = s.targets;
  if (first!.kind !== 'Name') throw new Untranslatable('chained assignment to this target', s);
  const lines = [assignOne(first!, s.value, value, ctx)];
  const source = assignmentTarget(first!, ctx);
  for (const t of rest) lines.push(assignOne(t, s.value, source, ctx));
  return lines.join('\n');
}

export function translateAnnAssign(s: ast.AnnAssign, ctx: TranslateContext): string | null {
  if (!s.value) {
    // `x: int` alone declares nothing at run time
    return null;
  }
  return assignOne(s.target, s.value, fittedValue(s.target, s.value, ctx), ctx);
}

/** The value fitted to the variable or attribute it is stored in: a float stored where ints and floats meet is
 *  boxed (see number-kinds.ts). */
function fittedValue(target: ast.Expr, value: ast.Expr, ctx: TranslateContext): string {
  if (target.kind !== 'Name' && target.kind !== 'Attribute' && target.kind !== 'Subscript') return expr(value, ctx);
  return exprAs(value, ctx.analysis.types.typeOf(target), ctx);
}

export function translateAugAssign(s: ast.AugAssign, ctx: TranslateContext): string {
  const combined = () =>
    translateBinOp({ kind: 'BinOp', left: s.target, op: s.op, right: s.value, range: s.range }, ctx);
  const simple = ['+', '-', '*'];
  const t = ctx.analysis.types.typeOf(s.target);
  const num = t.k === 'int' || t.k === 'float';
  // `f *= i` on ints that analysis cannot bound below 2**53: `f = mulInt(f, i)`, exact (operators.ts)
  if (simple.includes(s.op) && t.k === 'int' && isIntType(ctx.analysis.types.typeOf(s.value))) {
    const whole: ast.BinOp = { kind: 'BinOp', left: s.target, op: s.op, right: s.value, range: s.range };
    if (!ctx.analysis.intBounds.isExact(whole)) return assignTo(s.target, combined(), ctx);
  }
  if (s.target.kind === 'Name' && simple.includes(s.op) && (num || (s.op === '+' && t.k === 'str'))) {
    return `${assignmentTarget(s.target, ctx)} ${s.op}= ${expr(s.value, ctx)};`;
  }
  if (s.target.kind === 'Attribute' && simple.includes(s.op) && num) {
    return `${paren(expr(s.target.value, ctx))}.${attributeName(s.target.attr.id)} ${s.op}= ${expr(s.value, ctx)};`;
  }
  const inPlace = inPlaceAssign(s, t, ctx);
  if (inPlace) return inPlace;
  return assignTo(s.target, combined(), ctx);
}

const isIntType = (t: PyType) => t.k === 'int' || t.k === 'bool';

/** Python's in-place operator helpers, named as in the `operator` module. */
const IN_PLACE: Partial<Record<ast.BinaryOperator, string>> = {
  '+': 'iadd',
  '-': 'isub',
  '*': 'imul',
  '|': 'ior',
  '&': 'iand',
  '^': 'ixor',
};
const SET_UPDATES: Partial<Record<ast.BinaryOperator, string>> = {
  '|': 'update',
  '&': 'intersectionUpdate',
  '-': 'differenceUpdate',
  '^': 'symmetricDifferenceUpdate',
};

const IMMUTABLE = new Set(['int', 'float', 'bool', 'str', 'bytes', 'tuple', 'None']);

/** A variable whose every plain assignment is a number, string or tuple (`total = 0` then `total += x`): `+=`
 *  on it makes a new value, whatever the other operand is. */
function startsImmutable(target: ast.Expr, ctx: TranslateContext): boolean {
  if (target.kind !== 'Name') return false;
  const b = ctx.analysis.types.bindingOf(target);
  const plain = b?.stores.filter((r) => r.statement?.kind === 'Assign' || r.statement?.kind === 'AnnAssign') ?? [];
  return (
    plain.length > 0 &&
    plain.length === b!.stores.filter((r) => r.statement?.kind !== 'AugAssign').length &&
    plain.every((r) => {
      const st = r.statement as ast.Assign | ast.AnnAssign;
      return st.value !== null && (st.kind === 'AnnAssign' || st.targets.every((x) => x.kind === 'Name')) &&
        IMMUTABLE.has(ctx.analysis.types.typeOf(st.value).k);
    })
  );
}

/**
 * `a += [5]` changes the list itself (every alias sees it), as `s |= t` changes the set: a list extended by a list
 * is a `push`, a set updated by a set its update method, and a value of another or unknown type goes through the
 * runtime's `iadd`/`ior`…, which mutate what Python mutates and fall back to the plain operator. Null for values
 * that are never changed in place (numbers, strings, tuples, frozensets).
 */
function inPlaceAssign(s: ast.AugAssign, t: PyType, ctx: TranslateContext): string | null {
  const helper = IN_PLACE[s.op];
  if (!helper || IMMUTABLE.has(t.k) || startsImmutable(s.target, ctx)) return null;
  const valueType = ctx.analysis.types.typeOf(s.value);
  const simpleTarget = s.target.kind === 'Name' || s.target.kind === 'Attribute';
  if (simpleTarget && t.k === 'list' && s.op === '+') {
    const list = expr(s.target, ctx);
    if (s.value.kind === 'List' && !s.value.elts.some((x) => x.kind === 'Starred')) {
      return `${list}.push(${s.value.elts.map((x) => expr(x, ctx)).join(', ')});`;
    }
    if (valueType.k === 'list') return `${list}.push(...${paren(expr(s.value, ctx))});`;
  }
  const setUpdate = SET_UPDATES[s.op];
  if (simpleTarget && t.k === 'set' && valueType.k === 'set' && setUpdate) {
    return `${paren(expr(s.target, ctx))}.${setUpdate}(${expr(s.value, ctx)});`;
  }
  return assignTo(s.target, `${ctx.rt(helper)}(${expr(s.target, ctx)}, ${expr(s.value, ctx)})`, ctx);
}

export function translateDelete(s: ast.Delete, ctx: TranslateContext): string {
  return s.targets
    .map((t) => {
      if (t.kind === 'Subscript' && t.slice.kind === 'Slice') {
        const part = (x: ast.Expr | null) => (x ? expr(x, ctx) : 'null');
        return `${ctx.rt('delSlice')}(${expr(t.value, ctx)}, ${part(t.slice.lower)}, ${part(t.slice.upper)}, ${part(t.slice.step)});`;
      }
      if (t.kind === 'Subscript') {
        if (isGlobalsCall(t.value, ctx)) throw new Untranslatable('deleting from globals()', t);
        const tt = ctx.analysis.types.typeOf(t.value);
        if (tt.k === 'dict') return `${paren(expr(t.value, ctx))}.delItem(${expr(t.slice, ctx)});`;
        return `${ctx.rt('delItem')}(${expr(t.value, ctx)}, ${expr(t.slice, ctx)});`;
      }
      if (t.kind === 'Name') {
        // JS cannot unbind a variable; dropping its value is what matters (the object can be collected)
        return `${assignmentTarget(t, ctx)} = undefined as never;`;
      }
      if (t.kind === 'Attribute') return `${ctx.rt('delattr')}(${expr(t.value, ctx)}, ${JSON.stringify(attributeName(t.attr.id))});`;
      throw new Untranslatable("'del' of this target", t);
    })
    .join('\n');
}

function assignOne(target: ast.Expr, valueNode: ast.Expr, value: string, ctx: TranslateContext): string {
  if (target.kind === 'Name') {
    const b = ctx.analysis.types.bindingOf(target);
    const decl = b?.declaration;
    if (b && decl?.at === 'store' && decl.node === target) {
      return `${decl.keyword} ${ctx.tsName(b)}${annotation(b, valueNode, ctx)} = ${value};`;
    }
    return assignTo(target, value, ctx);
  }
  if (target.kind === 'Tuple' || target.kind === 'List') {
    const names = targetNames(target);
    const declaredHere = names.filter((n) => {
      const b = ctx.analysis.types.bindingOf(n);
      return b?.declaration.at === 'store' && b.declaration.node === n;
    });
    const valueType = ctx.analysis.types.typeOf(valueNode);
    const destructurable = fitsPattern(target, valueType, true);
    if (
      destructurable &&
      declaredHere.length === names.length &&
      names.every((n) => n.kind === 'Name') &&
      target.elts.every((e) => e.kind === 'Name' || e.kind === 'Starred')
    ) {
      const keyword = declaredHere.every(
        (n) => (ctx.analysis.types.bindingOf(n)!.declaration as { keyword: string }).keyword === 'const',
      )
        ? 'const'
        : 'let';
      return `${keyword} ${assignmentTarget(target, ctx)} = ${unpackSource(target, valueNode, value, ctx)};`;
    }
    const declarations = declaredHere.map((n) => {
      const b = ctx.analysis.types.bindingOf(n)!;
      return `let ${ctx.tsName(b)}: ${ctx.ts(ctx.analysis.types.typeOfBinding(b))};`;
    });
    if (destructurable) {
      return [...declarations, `${assignmentTarget(target, ctx)} = ${unpackSource(target, valueNode, value, ctx)};`].join('\n');
    }
    // nested patterns and subscripts: each level's length checked, the targets stored left to right
    const values = ctx.analysis.names.claim('values');
    const literal = valueNode.kind === 'Tuple' && valueNode.elts.length === target.elts.length && !target.elts.some((e) => e.kind === 'Starred') && !valueNode.elts.some((e) => e.kind === 'Starred');
    const first = literal ? `[${valueNode.elts.map((e) => expr(e, ctx)).join(', ')}]` : unpackCall(target, value, ctx);
    return [...declarations, `const ${values}${literal ? ': any[]' : ''} = ${first};`, ...storeEach(target, values, ctx)].join('\n');
  }
  return assignTo(target, value, ctx);
}

/**
 * True when a JS array pattern assigns `target` as Python would: names and attributes, a starred name only in last
 * place (JS allows no rest element elsewhere), and nested patterns only where the value's type is a tuple of that
 * length (JS destructuring checks no length). The top level's length is checked by `unpackSource`.
 */
function fitsPattern(target: ast.Tuple | ast.List, t: PyType, top: boolean): boolean {
  if (!top && !(t.k === 'tuple' && t.elts && t.elts.length === target.elts.length)) return false;
  return target.elts.every((e, i) => {
    if (e.kind === 'Name' || e.kind === 'Attribute') return true;
    if (e.kind === 'Starred') return i === target.elts.length - 1 && e.value.kind === 'Name';
    if (e.kind === 'Tuple' || e.kind === 'List') {
      const inner = t.k === 'tuple' && t.elts && !target.elts.some((x) => x.kind === 'Starred') ? t.elts[i] : undefined;
      return inner !== undefined && fitsPattern(e, inner, false);
    }
    return false;
  });
}

function unpackCall(target: ast.Tuple | ast.List, value: string, ctx: TranslateContext): string {
  const starred = target.elts.some((e) => e.kind === 'Starred');
  return `${ctx.rt('unpack')}(${value}, ${target.elts.length}${starred ? ', true' : ''})`;
}

/** Statements storing the items of the array `values` into the elements of `target`, left to right. */
function storeEach(target: ast.Tuple | ast.List, values: string, ctx: TranslateContext): string[] {
  const n = target.elts.length;
  const star = target.elts.findIndex((e) => e.kind === 'Starred');
  return target.elts.flatMap((e, i) => {
    const item =
      star < 0 || i < star
        ? `${values}[${i}]`
        : i === star
          ? `${values}.slice(${i}, ${values}.length - ${n - i - 1})`
          : `${values}[${values}.length - ${n - i}]`;
    const element = e.kind === 'Starred' ? e.value : e;
    if (element.kind === 'Tuple' || element.kind === 'List') {
      const inner = ctx.analysis.names.claim('values');
      return [`const ${inner} = ${unpackCall(element, item, ctx)};`, ...storeEach(element, inner, ctx)];
    }
    return [assignTo(element, item, ctx)];
  });
}

/** The right side of an unpacking: as is when its length is known to match, else checked by `unpack`. */
function unpackSource(target: ast.Tuple | ast.List, valueNode: ast.Expr, value: string, ctx: TranslateContext): string {
  const starred = target.elts.some((e) => e.kind === 'Starred');
  const t = ctx.analysis.types.typeOf(valueNode);
  const knownLength =
    (valueNode.kind === 'Tuple' || valueNode.kind === 'List') && !valueNode.elts.some((e) => e.kind === 'Starred')
      ? valueNode.elts.length
      : t.k === 'tuple' && t.elts
        ? t.elts.length
        : null;
  if (!starred && knownLength === target.elts.length) {
    // `a, b = b, a` swaps: a plain array literal evaluates both sides first, as Python does
    if (valueNode.kind === 'Tuple') return `[${valueNode.elts.map((e) => expr(e, ctx)).join(', ')}]`;
    return value;
  }
  return `${ctx.rt('unpack')}(${value}, ${target.elts.length}${starred ? ', true' : ''})`;
}

/** `: T` when TypeScript would infer something narrower than the binding's Python type. */
function annotation(b: Binding, valueNode: ast.Expr, ctx: TranslateContext): string {
  const bindingType = ctx.analysis.types.typeOfBinding(b);
  const valueType = ctx.analysis.types.typeOf(valueNode);
  const empty =
    (valueNode.kind === 'List' || valueNode.kind === 'Set' || valueNode.kind === 'Dict') && valueNode.kind !== 'Dict'
      ? (valueNode as ast.List).elts.length === 0
      : valueNode.kind === 'Dict' && valueNode.keys.length === 0;
  const isNoneLiteral = valueNode.kind === 'Constant' && valueNode.value.type === 'None';
  if (
    empty ||
    isNoneLiteral ||
    (b.stores.length > 1 && !sameType(bindingType, valueType) && !numericSame(bindingType, valueType)) ||
    // `d = {"n": 0}` then `d["names"] = []`: the dict holds values of both types
    (bindingType.k === 'dict' && !sameType(bindingType, valueType)) ||
    // `xs = [1]` then `xs.append(2.0)`: the list holds ints and floats (`PyNumber[]`)
    (bindingType.k === 'list' && !sameType(bindingType, valueType))
  ) {
    return `: ${ctx.ts(bindingType)}`;
  }
  return '';
}

function numericSame(a: PyType, b: PyType): boolean {
  return (a.k === 'int' || a.k === 'float') && (b.k === 'int' || b.k === 'float');
}
