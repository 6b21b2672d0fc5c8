// Turns one Python module into JavaScript Node can import: translate (unformatted), then strip the types.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasErrors } from '../cli-diagnostics.js';
import { recordingLookups, type ModuleLookup } from '../module-lookups.js';
import { translateSource } from '../translate.js';
import { runtimeFileUrl, runtimeSpecifier } from './runtime-location.js';

export interface CompiledModule {
  /** the ES module, with runtime imports pointing at this installation's dist/runtime; null on error */
  javascript: string | null;
  /** its source map back to the Python (for tracebacks), as JSON text; null on error */
  sourceMap: string | null;
  /** the relative import specifiers of the module (`./helper.js`): the program's other Python modules */
  localImports: string[];
  /** the lookups of the program's modules the translation made (for the cache to re-check) */
  lookups: ModuleLookup[];
  diagnostics: Diagnostic[];
}

/**
 * Translates `source` with `format: false` (prettier is wasted work here) and strips the types with esbuild. Every
 * import stays external: runtime imports are rewritten to file URLs, relative ones are reported in `localImports`.
 */
export async function compileModule(
  source: string,
  filename: string,
  pythonFile: string,
  debug: boolean,
): Promise<CompiledModule> {
  const { lookups, options: lookupOptions } = await recordingLookups(filename);
  const translation = await translateSource(
    source,
    // exported: any module of the program may be imported by another, as in Python
    { filename, pythonFile, runtimeImport: runtimeSpecifier, format: false, exportTopLevel: true, sourceMap: true, ...lookupOptions },
    debug,
  );
  if (translation.code === null || hasErrors(translation.diagnostics)) {
    return { javascript: null, sourceMap: null, localImports: [], lookups, diagnostics: translation.diagnostics };
  }
  // esbuild reads an inline map on its input and composes it into its output's: JavaScript → TypeScript → Python
  const inlineMap = translation.map
    ? `\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(translation.map)).toString('base64')}\n`
    : '';
  const localImports = new Set<string>();
  const esbuild = await import('esbuild');
  compilerStarted = true;
  // `build` rather than `transform`: only a build lets a plugin see (and rewrite) each import. With every import
  // external, the "bundle" is the one module, type-stripped.
  const result = await esbuild.build({
    stdin: { contents: translation.code + inlineMap, loader: 'ts', sourcefile: filename },
    outfile: 'module.js',
    // the traceback reads the Python text from the file, as CPython's linecache does
    sourcemap: 'external',
    sourcesContent: false,
    bundle: true,
    treeShaking: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // names are behaviour in Python (reprs, tracebacks show class and function names): a bundle must not rename them
    keepNames: true,
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'pyts-imports',
        setup(build) {
          build.onResolve({ filter: /.*/ }, ({ path }) => {
            const runtimeUrl = runtimeFileUrl(path);
            if (runtimeUrl !== undefined) return { path: runtimeUrl, external: true };
            if (path.startsWith('./') || path.startsWith('../')) localImports.add(path);
            return { path, external: true };
          });
        },
      },
    ],
  });
  const output = (suffix: string) => result.outputFiles.find((f) => f.path.endsWith(suffix))?.text ?? null;
  return {
    javascript: output('.js') ?? '',
    sourceMap: output('.js.map'),
    localImports: [...localImports],
    lookups,
    diagnostics: translation.diagnostics,
  };
}

let compilerStarted = false;

/** Ends esbuild's helper process, if this run started it, so that only the program keeps Node alive. */
export async function stopCompiler(): Promise<void> {
  if (!compilerStarted) return;
  const esbuild = await import('esbuild');
  await esbuild.stop();
}
