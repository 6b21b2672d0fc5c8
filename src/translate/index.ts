// translate: the typed Python tree plus its analysis → the TypeScript module's parts (imports and body text),
// ready for emit/. Dispatch by construct family lives in statements/index.ts and expressions/index.ts.
import CodeBlockWriter from './writer.js';
import type { Analysis } from '../analyze/index.js';
import { containsYield } from '../analyze/infer.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type * as ast from '../parse/ast.js';
import { TranslateContext } from './context.js';
import { functionsNeedingSignature, signatureText } from './functions/signature.js';
import { writeBlock } from './statements/index.js';

export interface ModuleImport {
  specifier: string;
  namespace: string | null;
  named: [exported: string, local: string][];
}

export interface TranslatedModule {
  imports: ModuleImport[];
  /** the module's statements as TypeScript text */
  body: string;
  diagnostics: Diagnostic[];
}

export interface TranslateOptions {
  /** the file name diagnostics show */
  file: string;
  /** how emitted code names the Python file (api.ts TranspileOptions.pythonFile) */
  pythonFile: string;
  runtimeSpecifier: string;
  /** whether `import name` (level: leading dots) is a module ('module') or package of the user's program */
  resolveModule?: (name: string, level: number) => 'module' | 'package' | null;
  /** export top-level functions, classes and variables */
  exportTopLevel?: boolean;
  /** mark each statement with its Python position, for emit's source map (translate/source-markers.ts) */
  sourceMarkers?: boolean;
}

export function translateModule(module: ast.Module, analysis: Analysis, options: TranslateOptions): TranslatedModule {
  const ctx = new TranslateContext(analysis, options.file, options.runtimeSpecifier, options.resolveModule, module.comments);
  ctx.pythonFile = options.pythonFile;
  ctx.exportTopLevel = options.exportTopLevel ?? false;
  ctx.sourceMarkers = options.sourceMarkers ?? false;
  ctx.moduleBody = module.body;
  const signatures = functionsNeedingSignature(module, ctx);
  ctx.signed = signatures.functions;
  ctx.signedClasses = signatures.classes;
  const w = new CodeBlockWriter({ indentNumberOfSpaces: 2 });
  // the file's header comments come first, then what the runtime must know about its functions
  const first = module.body[0];
  const headerEnd = first ? ctx.writeCommentsBefore(first.range.start.line, w) : null;
  const described = describedFunctions(module, ctx);
  if (described) {
    if (headerEnd !== null) w.blankLineIfLastNot();
    w.writeLine(described);
  }
  writeBlock(module.body, ctx, w);
  ctx.writeCommentsBefore(Infinity, w, module.body.at(-1)?.range.end.line ?? null);
  if (ctx.frame.temps?.length) {
    return {
      imports: ctx.importList(),
      body: `let ${ctx.frame.temps.join(', ')}: any;\n${w.toString()}`,
      diagnostics: ctx.diagnostics,
    };
  }
  return { imports: ctx.importList(), body: w.toString(), diagnostics: ctx.diagnostics };
}

/**
 * `pythonFunctions(file, [fn, name, line], …)` for the module-level functions whose Python identity the runtime
 * can show: coroutine functions (task reprs name them and their `def` line), renamed functions (`do_work` →
 * `doWork`; callback messages and warnings use Python's name), and functions that need their signature. Function declarations are hoisted, so this one
 * statement can stand right after the imports.
 */
function describedFunctions(module: ast.Module, ctx: TranslateContext): string | null {
  const entries: string[] = [];
  for (const s of module.body) {
    if (s.kind !== 'FunctionDef' || s.decorators.length || containsYield(s.body)) continue;
    const binding = ctx.analysis.types.bindingOf(s.name);
    if (!binding || binding.stores.length !== 1) continue;
    const ts = ctx.tsName(binding);
    const signature = ctx.signed.has(s) ? `, ${signatureText(s.args, ctx)}` : '';
    if (!s.isAsync && ts === s.name.id && !signature) continue;
    entries.push(`[${ts}, ${JSON.stringify(s.name.id)}, ${s.range.start.line}${signature}]`);
    if (signature) ctx.signedAtTop.add(s);
  }
  if (entries.length === 0) return null;
  return `${ctx.rt('pythonFunctions')}(${JSON.stringify(ctx.pythonFile)}, ${entries.join(', ')});`;
}
