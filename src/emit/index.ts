// emit: build the TypeScript source file once with ts-morph (imports as structures, the body as text written by
// translate), then format it with prettier, and map it back to the Python when asked. One in-memory Project is
// reused for every file: creating a Project loads TypeScript's compiler, which is the expensive part.
import { Project, StructureKind, type ImportDeclarationStructure } from 'ts-morph';
import * as prettier from 'prettier';
import type { TranslatedModule } from '../translate/index.js';
import { buildSourceMap, scannedLineOrigins, stripSourceMarkers, type EncodedSourceMap } from './source-map.js';

export type { EncodedSourceMap } from './source-map.js';

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
  /**
   * Build a source map; the module must have been translated with source markers. `source` names the Python file
   * in the map, `file` the TypeScript file, and `sourceContent` (optional) embeds the Python text.
   */
  sourceMap?: { file: string; source: string; sourceContent?: string };
}

export interface EmittedModule {
  code: string;
  /** the source map when one was asked for; null when none was, or when pyts could not line the statements up */
  map: EncodedSourceMap | null;
}

/** The module as TypeScript text, with its source map when asked. */
export async function emitModule(module: TranslatedModule, options: EmitOptions = {}): Promise<EmittedModule> {
  const imports: ImportDeclarationStructure[] = module.imports.map((i) => ({
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: i.specifier,
    ...(i.namespace ? { namespaceImport: i.namespace } : {}),
    ...(i.named.length ? { namedImports: i.named.map(([name, alias]) => (name === alias ? { name } : { name, alias })) } : {}),
  }));
  const file = sharedProject().createSourceFile('module.ts', { statements: [...imports, module.body] }, { overwrite: true });
  const marked = file.getFullText();
  sharedProject().removeSourceFile(file);
  if (options.format === false) {
    if (options.sourceMap === undefined) return { code: stripSourceMarkers(marked), map: null };
    const { code, origins } = scannedLineOrigins(marked);
    return { code, map: buildSourceMap(origins, options.sourceMap) };
  }
  const code = await prettier.format(stripSourceMarkers(marked), {
    parser: 'typescript',
    printWidth: 100,
    ...options.prettierOptions,
  });
  if (options.sourceMap === undefined) return { code, map: null };
  const { formattedLineOrigins } = await import('./formatted-lines.js');
  const origins = formattedLineOrigins(marked, code);
  return { code, map: origins === null ? null : buildSourceMap(origins, options.sourceMap) };
}
