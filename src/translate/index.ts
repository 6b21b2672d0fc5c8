// translate: the typed Python tree plus its analysis → the TypeScript module's parts (imports and body text),
// ready for emit/. Dispatch by construct family lives in statements/index.ts and expressions/index.ts.
import { CodeBlockWriter } from 'ts-morph';
import type { Analysis } from '../analyze/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type * as ast from '../parse/ast.js';
import { TranslateContext } from './context.js';
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
  file: string;
  runtimeSpecifier: string;
  /** whether `import name` refers to a module of the user's program (a sibling file or package) */
  isLocalModule?: (name: string) => boolean;
}

export function translateModule(module: ast.Module, analysis: Analysis, options: TranslateOptions): TranslatedModule {
  const ctx = new TranslateContext(analysis, options.file, options.runtimeSpecifier, options.isLocalModule);
  const w = new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: false });
  writeBlock(module.body, ctx, w);
  if (ctx.frame.temps?.length) {
    return {
      imports: ctx.importList(),
      body: `let ${ctx.frame.temps.join(', ')}: any;\n${w.toString()}`,
      diagnostics: ctx.diagnostics,
    };
  }
  return { imports: ctx.importList(), body: w.toString(), diagnostics: ctx.diagnostics };
}
