// emit: the TypeScript text of a translated module (its imports, then the body translate wrote), formatted with
// prettier, and mapped back to the Python when asked. The imports are written with the same CodeBlockWriter
// translate uses: building a ts-morph SourceFile here re-parsed the whole body with TypeScript's parser and loaded
// the compiler (about half of an unformatted translation's time, and most of the start-up of `pyts convert`), for
// text that was already final.
import CodeBlockWriter from '../translate/writer.js';
import type { Options as PrettierOptions } from 'prettier';
import type { ModuleImport, TranslatedModule } from '../translate/index.js';
import { buildSourceMap, scannedLineOrigins, stripSourceMarkers, type EncodedSourceMap } from './source-map.js';

export type { EncodedSourceMap } from './source-map.js';

export interface EmitOptions {
  /** format with prettier (default true) */
  format?: boolean;
  /** prettier options found in the user's project, merged over pyts's defaults */
  prettierOptions?: PrettierOptions;
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

/**
 * The module's text before formatting: its imports, then the body translate wrote (with the source markers, when
 * translated with them). Plain text, so that `finishModule` can run in another thread.
 */
export function assembleModule(module: TranslatedModule): string {
  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2 });
  for (const declaration of module.imports) writeImport(declaration, writer);
  return writer.toString() + module.body;
}

/** An assembled module formatted (unless `format` is false) and mapped back to the Python when asked. */
export async function finishModule(marked: string, options: EmitOptions = {}): Promise<EmittedModule> {
  if (options.format === false) {
    if (options.sourceMap === undefined) return { code: stripSourceMarkers(marked), map: null };
    const { code, origins } = scannedLineOrigins(marked);
    return { code, map: buildSourceMap(origins, options.sourceMap) };
  }
  const code = await format(stripSourceMarkers(marked), options.prettierOptions ?? {});
  if (options.sourceMap === undefined) return { code, map: null };
  const { formattedLineOrigins } = await import('./formatted-lines.js');
  const origins = formattedLineOrigins(marked, code);
  return { code, map: origins === null ? null : buildSourceMap(origins, options.sourceMap) };
}

/**
 * Formats with prettier's `babel-ts` parser, which gives the same text as its `typescript` parser 1.5 times as fast
 * (every stdlib file both accept came out identical). It refuses some code only a type-checker would (`super()` in a
 * class without a base), which then goes through the `typescript` parser. A parser set in the project's config wins.
 */
async function format(text: string, projectOptions: PrettierOptions): Promise<string> {
  // Loaded on first use: `pyts run` never formats.
  const prettier = await import('prettier');
  // Embedded languages (css`…`, graphql`…`, `/* HTML */` template literals) never occur in translated code, and
  // looking for them walks the whole tree once more (about 5 % of a format).
  const options: PrettierOptions = { printWidth: 100, embeddedLanguageFormatting: 'off', ...projectOptions };
  if (projectOptions.parser !== undefined) return prettier.format(text, options);
  try {
    return await prettier.format(text, { ...options, parser: 'babel-ts' });
  } catch {
    return prettier.format(text, { ...options, parser: 'typescript' });
  }
}

/** `import * as ns from "m";` and/or `import { a, b as c } from "m";` (one declaration cannot hold both). */
function writeImport(declaration: ModuleImport, writer: CodeBlockWriter): void {
  const from = ` from ${JSON.stringify(declaration.specifier)};`;
  if (declaration.namespace !== null) writer.writeLine(`import * as ${declaration.namespace}${from}`);
  if (declaration.named.length > 0) {
    const names = declaration.named.map(([name, alias]) => (name === alias ? name : `${name} as ${alias}`));
    writer.writeLine(`import { ${names.join(', ')} }${from}`);
  }
}
