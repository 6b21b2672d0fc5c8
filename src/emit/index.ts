// emit: build the TypeScript source file once with ts-morph (imports as structures, the body as text written by
// translate), then format it with prettier. One in-memory Project is reused for every file: creating a Project
// loads TypeScript's compiler, which is the expensive part.
import { Project, StructureKind, type ImportDeclarationStructure } from 'ts-morph';
import * as prettier from 'prettier';
import type { TranslatedModule } from '../translate/index.js';

let project: Project | null = null;

function sharedProject(): Project {
  project ??= new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { noLib: true } });
  return project;
}

export interface EmitOptions {
  /** format with prettier (default true) */
  format?: boolean;
  /** prettier options found in the user's project, merged over pyts's defaults */
  prettierOptions?: prettier.Options;
}

/** The module as TypeScript text. */
export async function emitModule(module: TranslatedModule, options: EmitOptions = {}): Promise<string> {
  const imports: ImportDeclarationStructure[] = module.imports.map((i) => ({
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: i.specifier,
    ...(i.namespace ? { namespaceImport: i.namespace } : {}),
    ...(i.named.length ? { namedImports: i.named.map(([name, alias]) => (name === alias ? { name } : { name, alias })) } : {}),
  }));
  const file = sharedProject().createSourceFile('module.ts', { statements: [...imports, module.body] }, { overwrite: true });
  const text = file.getFullText();
  sharedProject().removeSourceFile(file);
  if (options.format === false) return text;
  return prettier.format(text, { parser: 'typescript', printWidth: 100, ...options.prettierOptions });
}
