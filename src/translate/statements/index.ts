// Statement dispatch and blocks. A statement pyts cannot translate faithfully is reported (PYTS3001) and
// replaced by a `throw` that names it, so the output can never run past it silently.
import CodeBlockWriter from '../writer.js';
import type * as ast from '../../parse/ast.js';
import { translateClass } from '../classes/index.js';
import type { TranslateContext } from '../context.js';
import { translateRaise, translateTry } from '../exceptions/index.js';
import { cond, expr, Untranslatable } from '../expressions/index.js';
import { exprAs } from '../expressions/number-kinds.js';
import { translateFunctionDef } from '../functions/def.js';
import { translateImport, translateImportFrom } from '../module/imports.js';
import { translateAnnAssign, translateAssign, translateAugAssign, translateDelete } from './assign.js';
import { translateFor, translateIf, translateWhile } from './control.js';
import { translateExprStmt } from './expression-statement.js';
import { translateMatch } from './match.js';
import { translateWith } from './with.js';
import { isTypeVariableDeclaration, typeAlias } from '../typing/index.js';

export function writeBlock(block: readonly ast.Stmt[], ctx: TranslateContext, w: CodeBlockWriter): void {
  // a module another module imports exports its top-level names, as every Python module does
  const exporting = ctx.exportTopLevel && block === ctx.moduleBody;
  const hoisted = ctx.analysis.scopes.hoisted.get(block);
  for (const b of hoisted ?? []) {
    const type = ctx.ts(ctx.analysis.types.typeOfBinding(b));
    // TypeScript cannot follow every path Python allows (assigned in a loop, in try/else…); where Python would
    // raise NameError, the definite-assignment mark keeps the type honest instead of widening it with undefined
    w.writeLine(`${exporting ? 'export ' : ''}let ${ctx.tsName(b)}${type === 'any' ? '' : '!'}: ${type};`);
  }
  let previousEnd: number | null = null;
  for (const s of block) {
    const last = ctx.writeCommentsBefore(s.range.start.line, w, previousEnd);
    // keep the source's blank lines between statements (prettier keeps one, drops the rest)
    if (last !== null && s.range.start.line > last + 1) w.blankLineIfLastNot();
    writeStatement(s, ctx, w, exporting);
    previousEnd = s.range.end.line;
  }
}

export function writeStatement(s: ast.Stmt, ctx: TranslateContext, w: CodeBlockWriter, exporting = false): void {
  const before = ctx.diagnostics.length;
  try {
    // a compound statement is written to a scratch writer first: one that fails halfway leaves nothing behind
    // (made on demand: most statements are simple and return their text)
    let scratch: CodeBlockWriter | undefined;
    const writer = (): CodeBlockWriter => (scratch ??= new CodeBlockWriter({ indentNumberOfSpaces: 2 }));
    if (exporting && (s.kind === 'FunctionDef' || s.kind === 'ClassDef')) writer().write('export ');
    let text = statementText(s, ctx, writer);
    if (exporting && text !== null && /^(const|let|type) /.test(text)) text = `export ${text}`;
    if (text !== null) {
      const trailing = ctx.takeTrailingComment(s.range.end.line);
      w.write(ctx.marker(s) + (trailing ? `${text} ${trailing}` : text)).newLineIfLastNot();
    } else if (scratch?.isEmpty() === false) {
      const marker = ctx.marker(s);
      if (marker) w.write(marker);
      w.writeFrom(scratch).newLineIfLastNot();
    } else {
      // a statement that wrote nothing (`pass`) must not lend its marker to the next one
      w.write('').newLineIfLastNot();
    }
  } catch (error) {
    if (!(error instanceof Untranslatable)) throw error;
    if (ctx.diagnostics.length === before || !ctx.diagnostics.slice(before).some((d) => d.severity === 'error')) {
      ctx.report('PYTS3001', error.node, [error.construct]);
    }
    w.writeLine(
      `${ctx.marker(s)}throw new ${ctx.rt('NotImplementedError')}(${JSON.stringify(`pyts could not translate ${error.construct} (line ${error.node.range.start.line})`)});`,
    );
  }
}

/** The statement's text, or null when it wrote itself to `w()` (compound statements). */
function statementText(s: ast.Stmt, ctx: TranslateContext, w: () => CodeBlockWriter): string | null {
  switch (s.kind) {
    case 'ExprStmt':
      return translateExprStmt(s, ctx);
    case 'Assign':
      if (isTypeVariableDeclaration(s, ctx)) return null;
      return ctx.analysis.types.isTypeAlias(s) ? typeAlias(s, ctx) : translateAssign(s, ctx);
    case 'AugAssign':
      return translateAugAssign(s, ctx);
    case 'AnnAssign':
      return translateAnnAssign(s, ctx);
    case 'Delete':
      return translateDelete(s, ctx);
    case 'Return':
      if (ctx.atModuleLevel) throw new Untranslatable("'return' outside function", s);
      // `return None` where the function returns nothing else is a bare return: its type is void, and the
      // runtime reads undefined as None
      if (!s.value || (isNoneConstant(s.value) && ctx.frame.info?.returns.k === 'None')) return 'return;';
      // fitted to what the function returns: a float among returns of either kind is boxed
      return `return ${ctx.frame.info && !ctx.frame.info.isGenerator ? exprAs(s.value, ctx.frame.info.returns, ctx) : expr(s.value, ctx)};`;
    case 'Pass':
    case 'Global':
    case 'Nonlocal':
      return null;
    case 'Break': {
      const label = ctx.frame.loopLabels[ctx.frame.loopLabels.length - 1];
      return label ? `break ${label};` : 'break;';
    }
    case 'Continue':
      return 'continue;';
    case 'If':
      translateIf(s, ctx, w());
      return null;
    case 'While':
      translateWhile(s, ctx, w());
      return null;
    case 'For':
      translateFor(s, ctx, w());
      return null;
    case 'Try':
      translateTry(s, ctx, w());
      return null;
    case 'Raise':
      return translateRaise(s, ctx);
    case 'Assert':
      return `if (!${paren(cond(s.test, ctx))}) throw new ${ctx.rt('AssertionError')}(${s.msg ? expr(s.msg, ctx) : ''});`;
    case 'With':
      translateWith(s, ctx, w());
      return null;
    case 'FunctionDef':
      translateFunctionDef(s, ctx, w());
      return null;
    case 'ClassDef':
      translateClass(s, ctx, w());
      return null;
    case 'Import':
      return translateImport(s, ctx);
    case 'ImportFrom':
      return translateImportFrom(s, ctx);
    case 'Match':
      translateMatch(s, ctx, w());
      return null;
  }
}

function paren(code: string): string {
  return code.startsWith('(') && code.endsWith(')') ? code : `(${code})`;
}

function isNoneConstant(e: ast.Expr): boolean {
  return e.kind === 'Constant' && e.value.type === 'None';
}
