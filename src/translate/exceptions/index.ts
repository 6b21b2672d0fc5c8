// try / except / else / finally and raise. Handlers test the caught value with `instanceof` in order and rethrow
// when none matches, so `except Exception` never catches CancelledError or KeyboardInterrupt (BaseExceptions, as in
// Python). Broad handlers first convert native JS errors (a stack overflow becomes RecursionError).
import type CodeBlockWriter from '../writer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, Untranslatable } from '../expressions/index.js';
import { writeBlock } from '../statements/index.js';

/** Handler classes a native JS error may stand for (after toPyException). */
const NATIVE_ERROR_CLASSES = new Set([
  'BaseException',
  'Exception',
  'RecursionError',
  'RuntimeError',
  'TypeError',
  'ReferenceError',
  'NameError',
  'AttributeError',
]);

export function translateTry(s: ast.Try, ctx: TranslateContext, w: CodeBlockWriter): void {
  if (s.isStar && (s.orelse.length || s.handlers.some((h) => !h.type)))
    throw new Untranslatable("'except*' with 'else' or a bare clause", s);
  const hasElse = s.orelse.length > 0;
  const succeeded = hasElse ? ctx.analysis.names.claim('succeeded') : null;
  const writeTryCatch = () => {
    if (succeeded) w.writeLine(`let ${succeeded} = false;`);
    w.write('try ').inlineBlock(() => {
      writeBlock(s.body, ctx, w);
      if (succeeded) w.writeLine(`${succeeded} = true;`);
    });
    if (s.handlers.length) (s.isStar ? writeStarHandlers : writeHandlers)(s.handlers, ctx, w);
    if (!hasElse && s.finalbody.length) w.write(' finally ').inlineBlock(() => writeBlock(s.finalbody, ctx, w));
    w.newLine();
    if (succeeded) w.write(`if (${succeeded}) `).block(() => writeBlock(s.orelse, ctx, w));
  };
  if (hasElse && s.finalbody.length) {
    // the else part runs before finally and outside the handlers' reach
    w.write('try ').inlineBlock(writeTryCatch);
    w.write(' finally ').block(() => writeBlock(s.finalbody, ctx, w));
  } else {
    writeTryCatch();
  }
}

function writeHandlers(handlers: readonly ast.ExceptHandler[], ctx: TranslateContext, w: CodeBlockWriter): void {
  // one name for the caught value: the handlers' own `as` name when they agree, else `error`
  const asNames = new Set(handlers.map((h) => h.name?.id).filter((n): n is string => n !== undefined));
  const shared = asNames.size === 1 ? [...asNames][0]! : null;
  const sharedBinding = shared ? handlers.find((h) => h.name?.id === shared)!.name! : null;
  const caught = sharedBinding ? tsNameOf(sharedBinding, ctx) : ctx.analysis.names.claim('error');
  const broad = handlers.some((h) => h.type === null || classNames(h.type).some((n) => NATIVE_ERROR_CLASSES.has(n)));
  w.write(` catch (${broad ? `${caught}_` : caught}) `).inlineBlock(() => {
    if (broad) w.writeLine(`const ${caught} = ${ctx.rt('toPyException')}(${caught}_);`);
    ctx.frame.caught.push(caught);
    let chain = '';
    let closedWithElse = false;
    for (const h of handlers) {
      const test = h.type ? handlerTest(h.type, caught, ctx) : null;
      const body = () => {
        if (h.name && h.name.id !== shared) w.writeLine(`const ${tsNameOf(h.name, ctx)} = ${caught};`);
        writeBlock(h.body, ctx, w);
      };
      if (test === null) {
        if (chain) w.write(' else ').inlineBlock(body);
        else body();
        closedWithElse = true;
        break;
      }
      w.write(`${chain}if (${test}) `).inlineBlock(body);
      chain = ' else ';
    }
    if (!closedWithElse) w.write(` else `).inlineBlock(() => w.writeLine(`throw ${caught};`));
    w.newLine();
    ctx.frame.caught.pop();
  });
}

/**
 * `except*`: each clause takes the part of the exception group its classes match (ExceptionGroup.split) and
 * the rest goes on to the next clause; whatever no clause took is raised again.
 */
function writeStarHandlers(handlers: readonly ast.ExceptHandler[], ctx: TranslateContext, w: CodeBlockWriter): void {
  const caught = ctx.analysis.names.claim('error');
  const rest = ctx.analysis.names.claim('unhandled');
  w.write(` catch (${caught}) `).inlineBlock(() => {
    w.writeLine(`let ${rest}: unknown = ${caught};`);
    for (const h of handlers) {
      const classes = (h.type!.kind === 'Tuple' ? h.type!.elts : [h.type!]).map((c) => expr(c, ctx));
      const matched = h.name ? tsNameOf(h.name, ctx) : ctx.analysis.names.claim('matched');
      w.write('').block(() => {
        w.writeLine(
          `const [${matched}, remaining] = ${ctx.rt('splitExceptionGroup', 'asyncio')}(${rest}, [${classes.join(', ')}]);`,
        );
        w.writeLine(`${rest} = remaining;`);
        w.write(`if (${matched}) `).block(() => {
          ctx.frame.caught.push(matched);
          writeBlock(h.body, ctx, w);
          ctx.frame.caught.pop();
        });
      });
    }
    w.writeLine(`if (${rest}) throw ${rest};`);
  });
}

function tsNameOf(id: ast.Identifier, ctx: TranslateContext): string {
  const b = ctx.analysis.types.bindingOf(id);
  return b ? ctx.tsName(b) : id.id;
}

function classNames(t: ast.Expr): string[] {
  const list = t.kind === 'Tuple' ? t.elts : [t];
  return list.map((e) => (e.kind === 'Name' ? e.id : e.kind === 'Attribute' ? e.attr.id : ''));
}

/** The `instanceof` test for a handler's class or tuple of classes; null when it catches everything. */
function handlerTest(t: ast.Expr, caught: string, ctx: TranslateContext): string | null {
  const list = t.kind === 'Tuple' ? t.elts : [t];
  if (list.some((e) => e.kind === 'Name' && e.id === 'BaseException' && !ctx.analysis.types.bindingOf(e))) return null;
  return list
    .map((e) =>
      holdsClasses(e, ctx)
        ? `${ctx.rt('isinstance')}(${caught}, ${expr(e, ctx)})`
        : `${caught} instanceof ${expr(e, ctx)}`,
    )
    .join(' || ');
}

/** A handler's expression that is a value holding classes rather than a class (`except retry_on`, a tuple passed to
 *  a decorator): the test is Python's isinstance, which takes a tuple too. */
function holdsClasses(e: ast.Expr, ctx: TranslateContext): boolean {
  const t = ctx.analysis.types.typeOf(e);
  if (t.k === 'tuple' || t.k === 'list') return true;
  const binding = e.kind === 'Name' ? ctx.analysis.types.bindingOf(e) : null;
  return t.k === 'unknown' && binding !== null && binding.kind !== 'class' && binding.kind !== 'import';
}

export function translateRaise(s: ast.Raise, ctx: TranslateContext): string {
  if (!s.exc) {
    const caught = ctx.frame.caught[ctx.frame.caught.length - 1];
    if (!caught) throw new Untranslatable("bare 'raise' outside an except clause", s);
    return `throw ${caught};`;
  }
  let exc = exceptionValue(s.exc, ctx);
  if (s.cause) {
    const cause = s.cause.kind === 'Constant' && s.cause.value.type === 'None' ? 'null' : exceptionValue(s.cause, ctx);
    exc = `${exc}.withCause(${cause})`;
  }
  // raised while a handler runs: the handled exception becomes `__context__` (implicit chaining)
  const handled = ctx.frame.caught[ctx.frame.caught.length - 1];
  if (handled) exc = `${exc}.withContext(${handled})`;
  return `throw ${exc};`;
}

/** `raise ValueError` (a class) raises an instance made without arguments, as in Python. */
function exceptionValue(e: ast.Expr, ctx: TranslateContext): string {
  const code = expr(e, ctx);
  const isClassName =
    (e.kind === 'Name' &&
      (ctx.analysis.types.bindingOf(e)?.kind === 'class' ||
        (!ctx.analysis.types.bindingOf(e) &&
          /Error$|Exception$|^KeyboardInterrupt$|^SystemExit$|^StopIteration$|^GeneratorExit$/.test(e.id)))) ||
    (e.kind === 'Attribute' && ctx.analysis.types.asyncioEntryOf(e)?.entry.kind === 'exception');
  return isClassName ? `new ${code}()` : code;
}
