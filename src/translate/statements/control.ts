// if / while / for. A loop with an `else` clause becomes a labeled block: `break` leaves the block and so skips
// the `else` part, which is exactly Python's rule.
import type CodeBlockWriter from '../writer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { cond, expr } from '../expressions/index.js';
import { writeBlock } from './index.js';
import { assignmentTarget, targetNames } from './targets.js';

export function translateIf(s: ast.If, ctx: TranslateContext, w: CodeBlockWriter): void {
  w.write(`if (${isMainTest(s.test, ctx) ?? cond(s.test, ctx)}) `).inlineBlock(() => writeBlock(s.body, ctx, w));
  if (s.orelse.length === 1 && s.orelse[0]!.kind === 'If') {
    const elif = s.orelse[0] as ast.If;
    w.write(` else ${ctx.marker(elif)}`);
    translateIf(elif, ctx, w);
    return;
  }
  if (s.orelse.length) w.write(' else ').inlineBlock(() => writeBlock(s.orelse, ctx, w));
  w.newLine();
}

/** `__name__ == "__main__"` → `isMain(import.meta.url)`: true when this module is the program being run. */
function isMainTest(test: ast.Expr, ctx: TranslateContext): string | null {
  if (test.kind !== 'Compare' || test.ops.length !== 1 || test.ops[0] !== '==') return null;
  const [a, b] = [test.left, test.comparators[0]!];
  const isName = (e: ast.Expr) => e.kind === 'Name' && e.id === '__name__' && !ctx.analysis.types.bindingOf(e);
  const isMainStr = (e: ast.Expr) => e.kind === 'Constant' && e.value.type === 'str' && e.value.value === '__main__';
  return (isName(a) && isMainStr(b)) || (isName(b) && isMainStr(a)) ? `${ctx.rt('isMain')}(import.meta.url)` : null;
}

export function translateWhile(s: ast.While, ctx: TranslateContext, w: CodeBlockWriter): void {
  const always = s.test.kind === 'Constant' && s.test.value.type === 'bool' && s.test.value.value;
  withLoopElse(s.orelse, ctx, w, () => {
    w.write(`while (${always ? 'true' : cond(s.test, ctx)}) `).block(() => writeBlock(s.body, ctx, w));
  });
}

export function translateFor(s: ast.For, ctx: TranslateContext, w: CodeBlockWriter): void {
  const names = targetNames(s.target);
  const bindings = names.map((n) => ctx.analysis.types.bindingOf(n));
  const declaredHere = bindings.every((b, i) => b?.declaration.at === 'store' && b.declaration.node === names[i]);
  const keyword = declaredHere
    ? bindings.every((b) => (b!.declaration as { keyword: string }).keyword === 'const')
      ? 'const '
      : 'let '
    : '';
  if (!declaredHere && bindings.some((b, i) => b?.declaration.at === 'store' && b.declaration.node === names[i])) {
    // some names are new here, some not: declare the new ones before the loop
    for (const [i, b] of bindings.entries())
      if (b?.declaration.at === 'store' && b.declaration.node === names[i]) w.writeLine(`let ${ctx.tsName(b)};`);
  }
  const target = assignmentTarget(s.target, ctx);
  withLoopElse(s.orelse, ctx, w, () => {
    const counted = countedRange(s, keyword, target, ctx);
    if (s.isAsync) {
      w.write(`for await (${keyword}${target} of ${ctx.rt('aiter', 'asyncio')}(${expr(s.iter, ctx)})) `);
    } else {
      w.write(counted ?? `for (${keyword}${target} of ${expr(s.iter, ctx)}) `);
    }
    w.block(() => writeBlock(s.body, ctx, w));
  });
}

/**
 * `for i in range(a, b)` as a counting loop, when that is provably the same: the loop variable is never
 * reassigned in the body (`const` in Python's terms), and the bounds are ints. Python evaluates the bounds once: a
 * literal or a name assigned only once is re-read by the loop test as is; any other int expression (`range(n % 7)`,
 * `range(len(xs))`) is evaluated once into a variable of the loop's head.
 */
function countedRange(s: ast.For, keyword: string, target: string, ctx: TranslateContext): string | null {
  if (keyword !== 'const ' || s.target.kind !== 'Name' || s.iter.kind !== 'Call' || s.iter.func.kind !== 'Name')
    return null;
  if (s.iter.func.id !== 'range' || ctx.analysis.types.bindingOf(s.iter.func) || s.iter.keywords.length) return null;
  const args = s.iter.args;
  if (args.length < 1 || args.length > 3) return null;
  // A step must be a non-zero int literal: its sign decides the loop test.
  const step = args.length === 3 ? constantInt(args[2]!) : 1;
  if (step === null || step === 0) return null;
  const stable = (e: ast.Expr) => {
    if (e.kind === 'Constant') return e.value.type === 'int';
    if (e.kind === 'UnaryOp' && e.op === '-' && e.operand.kind === 'Constant') return e.operand.value.type === 'int';
    if (e.kind !== 'Name') return false;
    const b = ctx.analysis.types.bindingOf(e);
    return b !== null && b.stores.length === 1 && ctx.analysis.types.typeOfBinding(b).k === 'int';
  };
  if (!args.every((e) => stable(e) || ctx.analysis.types.typeOf(e).k === 'int')) return null;
  const [start, stop] = args.length === 1 ? [null, args[0]!] : [args[0]!, args[1]!];
  // `i++` rounds past 2**53: a start beyond it (`range(2**60, 2**60 + 3)`) iterates the runtime's exact range
  if (!ctx.analysis.intBounds.countsExactly(start, stop, step)) return null;
  // In Python's order: start, then stop, both before the first iteration.
  const head = [`${target} = ${start === null ? '0' : expr(start, ctx)}`];
  let bound = expr(stop, ctx);
  if (!stable(stop)) {
    const name = ctx.analysis.names.claim('stop');
    head.push(`${name} = ${bound}`);
    bound = name;
  }
  const [test, advance] =
    step === 1 ? ['<', `${target}++`] : step === -1 ? ['>', `${target}--`] : [step > 0 ? '<' : '>', `${target} += ${step}`];
  return `for (let ${head.join(', ')}; ${target} ${test} ${bound}; ${advance}) `;
}

function constantInt(e: ast.Expr): number | null {
  if (e.kind === 'Constant' && e.value.type === 'int') return Number(e.value.value);
  if (e.kind === 'UnaryOp' && e.op === '-' && e.operand.kind === 'Constant' && e.operand.value.type === 'int')
    return -Number(e.operand.value.value);
  return null;
}

function withLoopElse(orelse: readonly ast.Stmt[], ctx: TranslateContext, w: CodeBlockWriter, loop: () => void): void {
  if (orelse.length === 0) {
    ctx.frame.loopLabels.push(null);
    loop();
    ctx.frame.loopLabels.pop();
    return;
  }
  const label = ctx.analysis.names.claim('loop');
  w.write(`${label}: `).block(() => {
    ctx.frame.loopLabels.push(label);
    loop();
    ctx.frame.loopLabels.pop();
    writeBlock(orelse, ctx, w);
  });
}
