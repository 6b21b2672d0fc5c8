// Operators with Python's meaning. Plain JS operators where the operand types make them provably identical
// (numbers, strings, booleans); runtime helpers where JS differs (`//`, `%` with a negative operand, `/` by zero,
// `==` on containers, truthiness of empty containers, `and`/`or` returning an operand).
import { carriesKind, isNumberType, type PyType } from '../../analyze/types.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr } from './index.js';
import { numberHolds } from './literals.js';
import { exprAs } from './number-kinds.js';

const typeOf = (e: ast.Expr, ctx: TranslateContext): PyType => ctx.analysis.types.typeOf(e);
const isNum = isNumberType;
const isInt = (t: PyType) => t.k === 'int' || t.k === 'bool';
/** JS truthiness equals Python's for these: false, 0, '', null agree; NaN is the one documented exception. */
const jsTruthinessAgrees = (t: PyType): boolean =>
  t.k === 'bool' ||
  t.k === 'int' ||
  t.k === 'float' ||
  t.k === 'str' ||
  t.k === 'None' ||
  t.k === 'coroutine' ||
  t.k === 'task' ||
  t.k === 'future' ||
  t.k === 'runtime' ||
  t.k === 'function' ||
  t.k === 'class' ||
  // a float that carries its kind may be a boxed 0.0, which JS takes as true
  (t.k === 'union' && t.types.every(jsTruthinessAgrees) && !carriesKind(t));

function isPositiveLiteral(e: ast.Expr): boolean {
  return (
    e.kind === 'Constant' &&
    (e.value.type === 'int' ? e.value.value > 0n : e.value.type === 'float' ? e.value.value > 0 : false)
  );
}

/** JS bitwise operators work on 32 bits; the runtime keeps Python's unbounded ints. */
export const BITWISE_HELPERS = { '<<': 'lshift', '>>': 'rshift', '&': 'bitAnd', '|': 'bitOr', '^': 'bitXor' } as const;

/** The value of an int expression made of literals only (`10 ** 20`, `-2 ** 63`), or null. */
function constantInt(e: ast.Expr): bigint | null {
  if (e.kind === 'Constant') return e.value.type === 'int' ? e.value.value : null;
  if (e.kind === 'UnaryOp' && (e.op === '-' || e.op === '+')) {
    const v = constantInt(e.operand);
    return v === null ? null : e.op === '-' ? -v : v;
  }
  if (e.kind !== 'BinOp') return null;
  const l = constantInt(e.left);
  const r = constantInt(e.right);
  if (l === null || r === null) return null;
  switch (e.op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    // a negative power is a float; a huge shift or power is not worth computing to know it is too large
    case '**':
      return r >= 0n && r <= 4096n && l < 2n ** 64n && l > -(2n ** 64n) ? l ** r : null;
    case '<<':
      return r >= 0n && r <= 4096n ? l << r : null;
    default:
      return null;
  }
}

/** `10 ** 20` as the diagnostic names it. */
function constantText(e: ast.Expr): string {
  if (e.kind === 'Constant' && e.value.type === 'int') return e.value.value.toString();
  if (e.kind === 'UnaryOp') return `${e.op}${constantText(e.operand)}`;
  if (e.kind === 'BinOp') {
    const side = (x: ast.Expr) => (x.kind === 'BinOp' ? `(${constantText(x)})` : constantText(x));
    return `${side(e.left)} ${e.op} ${side(e.right)}`;
  }
  return '…';
}

const bigintAtRunTime = (v: bigint | null) => v !== null && !numberHolds(v);

/** PYTS3003 at the operation on literals whose int result no number holds (`2 ** 64 - 1`), once: where the
 *  operands are numbers and the result is not. At run time the runtime's helpers give the exact bigint. */
function reportInexactConstant(e: ast.BinOp, ctx: TranslateContext): void {
  if (bigintAtRunTime(constantInt(e)) && !bigintAtRunTime(constantInt(e.left)) && !bigintAtRunTime(constantInt(e.right))) {
    ctx.report('PYTS3003', e, [constantText(e)]);
  }
}

/** The runtime's exact int helpers, for `+ - *` on two ints that analysis cannot bound below 2**53. */
export const EXACT_INT_HELPERS = { '+': 'addInt', '-': 'subInt', '*': 'mulInt' } as const;

/** Below this magnitude `Math.floor(a / b)` of two ints is exact (the runtime's floorDiv has the reason). */
const EXACT_QUOTIENT_LIMIT = 2 ** 52;

export function translateBinOp(e: ast.BinOp, ctx: TranslateContext): string {
  reportInexactConstant(e, ctx);
  const lt = typeOf(e.left, ctx);
  const rt = typeOf(e.right, ctx);
  const l = expr(e.left, ctx);
  const r = expr(e.right, ctx);
  const bothNum = isNum(lt) && isNum(rt);
  // ints are exact past 2**53 (a bigint there): plain JS arithmetic only where analysis bounds the result
  if ((e.op === '+' || e.op === '-' || e.op === '*') && isInt(lt) && isInt(rt) && !ctx.analysis.intBounds.isExact(e)) {
    return `${ctx.rt(EXACT_INT_HELPERS[e.op])}(${l}, ${r})`;
  }
  // a float operand changes CPython's zero-division message ('float division by zero')
  const floatFlag = lt.k === 'float' || rt.k === 'float' ? ', true' : '';
  switch (e.op) {
    case '+':
      if (bothNum || (lt.k === 'str' && rt.k === 'str')) return `(${l} + ${r})`;
      if (lt.k === 'list' && rt.k === 'list') return `[...${l}, ...${r}]`;
      return `${ctx.rt('add')}(${l}, ${r})`;
    case '-':
      if (bothNum) return `(${l} - ${r})`;
      if (lt.k === 'set') return `${l}.difference(${r})`;
      return `${ctx.rt('sub')}(${l}, ${r})`;
    case '*':
      if (bothNum) return `(${l} * ${r})`;
      if (lt.k === 'str' && isInt(rt)) return `${l}.repeat(Math.max(0, ${r}))`;
      return `${ctx.rt('mul')}(${l}, ${r})`;
    case '/':
      // JS gives Infinity where Python raises ZeroDivisionError; a nonzero literal divisor is safe
      // (an int past 2**53 is a bigint, which only the runtime's trueDiv divides)
      if (bothNum && isPositiveLiteral(e.right) && (!isInt(lt) || ctx.analysis.intBounds.isExact(e.left))) return `(${l} / ${r})`;
      // a quotient analysis does not know to be a float (operands of unknown type) carries its kind; an operand
      // known not to be a number divides objects (`Path('/tmp') / 'x'`)
      if (typeOf(e, ctx).k !== 'float' && [lt, rt].every((t) => t.k === 'unknown' || isNum(t) || carriesKind(t))) {
        return `${ctx.rt('pyTrueDiv')}(${l}, ${r})`;
      }
      return `${ctx.rt('trueDiv')}(${l}, ${r}${floatFlag})`;
    // operands of unknown kind: helpers that give the result's kind from the values (a float result that is
    // integral is boxed, see the runtime's py-float.ts)
    case '//':
      if (bothNum && isPositiveLiteral(e.right) && (!isInt(lt) || quotientIsExact(e.left, ctx))) {
        return `Math.floor(${l} / ${r})`;
      }
      if (!bothNum) return `${ctx.rt('pyFloorDiv')}(${l}, ${r})`;
      return `${ctx.rt('floorDiv')}(${l}, ${r}${floatFlag})`;
    case '%':
      if (lt.k === 'str') return `${ctx.rt('percentFormat')}(${l}, ${r})`;
      if (!bothNum) return `${ctx.rt('pyMod')}(${l}, ${r})`;
      return `${ctx.rt('mod')}(${l}, ${r}${floatFlag})`;
    case '**':
      return `${ctx.rt(bothNum ? 'pow' : 'pyPow')}(${l}, ${r})`;
    case '<<':
    case '>>':
    case '&':
    case '|':
    case '^': {
      // sets: Python's operators are the set algebra
      const setMethod = { '&': 'intersection', '|': 'union', '^': 'symmetricDifference' }[e.op as '&' | '|' | '^'];
      if (lt.k === 'set' && setMethod) return `${l}.${setMethod}(${r})`;
      // JS bitwise operators work on 32 bits; the runtime keeps Python's unbounded ints
      if (isInt(lt) && isInt(rt)) return `${ctx.rt(BITWISE_HELPERS[e.op])}(${l}, ${r})`;
      // not known to be ints: the runtime dispatches (Counter.__and__, dict | dict, set operators…)
      return `${ctx.rt('bitOp')}(${l}, ${JSON.stringify(e.op)}, ${r})`;
    }
    case '@':
      return `${ctx.rt('matmul')}(${l}, ${r})`;
  }
}

function quotientIsExact(dividend: ast.Expr, ctx: TranslateContext): boolean {
  const b = ctx.analysis.intBounds.boundOf(dividend);
  return b.lo > -EXACT_QUOTIENT_LIMIT && b.hi < EXACT_QUOTIENT_LIMIT;
}

export function translateUnaryOp(e: ast.UnaryOp, ctx: TranslateContext): string {
  switch (e.op) {
    case 'not':
      return `!${truthinessTest(e.operand, ctx)}`;
    case '-':
      return isNum(typeOf(e.operand, ctx)) ? `(-${expr(e.operand, ctx)})` : `${ctx.rt('neg')}(${expr(e.operand, ctx)})`;
    case '+': {
      const t = typeOf(e.operand, ctx);
      // `+n` is n for an int (JS's unary + would refuse a bigint, an int past 2**53); True becomes 1
      if (t.k === 'int') return expr(e.operand, ctx);
      return isNum(t) ? `(+${expr(e.operand, ctx)})` : `${ctx.rt('pos')}(${expr(e.operand, ctx)})`;
    }
    case '~':
      return `${ctx.rt('bitNot')}(${expr(e.operand, ctx)})`;
  }
}

/** A JS boolean expression equal to Python's `bool(e)`. */
export function truthinessTest(e: ast.Expr, ctx: TranslateContext): string {
  if (e.kind === 'BoolOp') {
    const op = e.op === 'and' ? ' && ' : ' || ';
    return `(${e.values.map((v) => truthinessTest(v, ctx)).join(op)})`;
  }
  if (e.kind === 'UnaryOp' && e.op === 'not') return `!${truthinessTest(e.operand, ctx)}`;
  const t = typeOf(e, ctx);
  const code = expr(e, ctx);
  if (t.k === 'bool') return code;
  if (t.k === 'list') return `(${code}.length > 0)`;
  if (t.k === 'str') return `(${code} !== "")`;
  if (t.k === 'int' || t.k === 'float') return `(${code} !== 0)`;
  if (t.k === 'None') return 'false';
  if (jsTruthinessAgrees(t)) return `Boolean(${code})`;
  return `${ctx.rt('truthy')}(${code})`;
}

/**
 * `a and b` / `a or b` as values: Python returns one of the operands. Where JS's falsy values agree with Python's
 * for the operand types, `&&`/`||` are the same thing; otherwise the runtime decides with Python truthiness.
 */
/** `operand` translates the operands that may become the result (printing marks floats among them). */
export function translateBoolOp(e: ast.BoolOp, ctx: TranslateContext, operand = fittedTo(e, ctx)): string {
  // operands of different number kinds: each becomes the result as it is, so each is fitted (number-kinds.ts)
  const agree = e.values.every((v) => jsTruthinessAgrees(typeOf(v, ctx))) && !carriesKind(typeOf(e, ctx));
  const last = e.values.length - 1;
  // with native operators only the last operand may be marked: JS tests the others' truthiness itself
  if (agree) return `(${e.values.map((v, i) => (i === last ? operand : expr)(v, ctx)).join(e.op === 'and' ? ' && ' : ' || ')})`;
  // fold right: a and b and c → and(a, () => and(b, () => c))
  const helper = ctx.rt(e.op === 'and' ? 'and' : 'or');
  const values = e.values.map((v) => operand(v, ctx));
  let code = values[values.length - 1]!;
  for (let i = values.length - 2; i >= 0; i--) code = `${helper}(${values[i]}, () => ${code})`;
  return code;
}

export function translateIfExp(e: ast.IfExp, ctx: TranslateContext, branch = fittedTo(e, ctx)): string {
  return `(${truthinessTest(e.test, ctx)} ? ${branch(e.body, ctx)} : ${branch(e.orelse, ctx)})`;
}

/** Translates an operand that may become the value of `whole`, fitted to its type (see number-kinds.ts). */
function fittedTo(whole: ast.Expr, ctx: TranslateContext): (e: ast.Expr, ctx: TranslateContext) => string {
  const t = typeOf(whole, ctx);
  return carriesKind(t) ? (e, c) => exprAs(e, t, c) : expr;
}

const isPrimitive = (t: PyType) =>
  t.k === 'int' || t.k === 'float' || t.k === 'bool' || t.k === 'str' || t.k === 'None';
const isSimple = (e: ast.Expr) => e.kind === 'Name' || e.kind === 'Constant';

/** `a < b <= c` → `a < b && b <= c`, evaluating `b` once (a temporary when it is not a plain name). */
export function translateCompare(e: ast.Compare, ctx: TranslateContext): string {
  const parts: string[] = [];
  let left = e.left;
  let leftCode = expr(left, ctx);
  const temps: string[] = [];
  e.ops.forEach((op, i) => {
    const right = e.comparators[i]!;
    let rightCode = expr(right, ctx);
    const needsTemp = i < e.ops.length - 1 && !isSimple(right);
    if (needsTemp) {
      const temp = ctx.analysis.names.claim('value');
      temps.push(temp);
      parts.push(compareOne(op, left, leftCode, right, `(${temp} = ${rightCode})`, ctx));
      rightCode = temp;
    } else {
      parts.push(compareOne(op, left, leftCode, right, rightCode, ctx));
    }
    left = right;
    leftCode = rightCode;
  });
  if (temps.length) ctx.declareTemps(temps);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' && ')})`;
}

function compareOne(
  op: ast.CompareOperator,
  le: ast.Expr,
  l: string,
  re: ast.Expr,
  r: string,
  ctx: TranslateContext,
): string {
  const lt = typeOf(le, ctx);
  const rt = typeOf(re, ctx);
  switch (op) {
    case '==':
    case '!=': {
      const js = op === '==' ? '===' : '!==';
      // True == 1 in Python; JS's === says no: a bool compared with a number compares as a number
      if ((lt.k === 'bool') !== (rt.k === 'bool') && isNum(lt) && isNum(rt)) return `(Number(${l}) ${js} Number(${r}))`;
      if (isPrimitive(lt) && isPrimitive(rt) && (lt.k === rt.k || (isNum(lt) && isNum(rt)))) return `(${l} ${js} ${r})`;
      if (re.kind === 'Constant' && re.value.type === 'None') return `(${l} ${op === '==' ? '==' : '!='} null)`;
      return op === '==' ? `${ctx.rt('eq')}(${l}, ${r})` : `!${ctx.rt('eq')}(${l}, ${r})`;
    }
    case 'is':
    case 'is not': {
      // a JS function without `return` gives undefined where Python gives None: compare None loosely
      if (re.kind === 'Constant' && re.value.type === 'None') return `(${l} ${op === 'is' ? '==' : '!='} null)`;
      if (le.kind === 'Constant' && le.value.type === 'None') return `(${r} ${op === 'is' ? '==' : '!='} null)`;
      return `(${l} ${op === 'is' ? '===' : '!=='} ${r})`;
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      if ((isNum(lt) && isNum(rt)) || (lt.k === 'str' && rt.k === 'str')) return `(${l} ${op} ${r})`;
      return `${ctx.rt('compare')}(${l}, ${r}) ${op} 0`;
    case 'in':
    case 'not in': {
      const test = containsTest(l, r, lt, rt, ctx);
      return op === 'in' ? test : `!${test}`;
    }
  }
}

function containsTest(
  item: string,
  container: string,
  itemType: PyType,
  containerType: PyType,
  ctx: TranslateContext,
): string {
  if (containerType.k === 'str' && itemType.k === 'str') return `${container}.includes(${item})`;
  if ((containerType.k === 'list' || containerType.k === 'tuple') && isPrimitive(itemType) && itemType.k !== 'float') {
    return `${container}.includes(${item})`;
  }
  if (containerType.k === 'dict' || containerType.k === 'set') return `${container}.has(${item})`;
  return `${ctx.rt('contains')}(${container}, ${item})`;
}
