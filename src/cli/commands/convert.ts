// `pyts convert`: Python in, TypeScript out: one file to stdout or -o, or files, folders and globs into --out-dir.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createDiagnostic } from '../../diagnostics/codes.js';
import { loadConfig } from '../config.js';
import { planProject, type TreeFlags } from '../project-plan.js';
import { hasErrorDiagnostics, translateProject, type FileOutcome } from '../project.js';
import { startProgress } from '../progress.js';
import { reportDiagnostics, type DiagnosticFormat } from '../report.js';
import { sourceTexts, translateFile } from '../translate.js';
import { linkSourceMap } from '../source-map-file.js';
import { removeTemporaries, writeFileAtomic } from '../write-atomic.js';
import { UsageError } from '../usage-error.js';
import { statSync } from 'node:fs';

export interface ConvertOptions extends TreeFlags {
  /** write the one input's TypeScript to this file instead of stdout */
  output?: string;
  watch?: boolean;
  format: DiagnosticFormat;
}

/**
 * Returns the exit code: 1 when any file has an error diagnostic, else 0 (warnings do not count). One file named
 * without --out-dir is printed (or written to -o); anything else is written under the output folder.
 */
export async function convert(sources: readonly string[], options: ConvertOptions): Promise<number> {
  if (options.output !== undefined && options.outDir !== undefined) {
    throw new UsageError("options '-o, --output' and '--out-dir' cannot be used together");
  }
  const single = sources.length === 1 && options.outDir === undefined && isSingleFile(sources[0]!);
  if (options.output !== undefined && !single) throw new UsageError('-o takes one file; use --out-dir for more');
  if (single) {
    if (options.watch === true) throw new UsageError('--watch needs --out-dir');
    return convertOne(sources[0]!, options);
  }
  const exitCode = await convertTree(sources, options);
  if (options.watch !== true) return exitCode;
  const { watchTree } = await import('../watch.js');
  return watchTree(sources, options, () => convertTree(sources, options));
}

/** A file, standard input, or a name that is neither a folder nor a glob (reading it will say what is wrong). */
function isSingleFile(source: string): boolean {
  if (source === '-') return true;
  try {
    return !statSync(source).isDirectory();
  } catch {
    return !/[*?[\]{}]/.test(source);
  }
}

async function convertOne(input: string, options: ConvertOptions): Promise<number> {
  const config = await loadConfig(process.cwd(), options.config);
  const runtimeImport = options.runtimeImport ?? config.runtimeImport;
  // The output follows the prettier config of where it goes: the -o file, else beside the source.
  const { resolveConfig } = await import('prettier');
  const prettierOptions = await resolveConfig(resolve(options.output ?? (input === '-' ? 'stdin.ts' : input)), {
    editorconfig: false,
  });
  if (options.sourceMap && options.output === undefined) {
    throw new UsageError("option '--source-map' writes files: give -o or --out-dir");
  }
  const translation = await translateFile(input, {
    debug: options.debug,
    ...(options.sourceMap ? { sourceMap: true } : {}),
    ...(runtimeImport !== undefined ? { runtimeImport } : {}),
    ...(prettierOptions !== null ? { prettierOptions: prettierOptions as Record<string, unknown> } : {}),
  });
  await reportDiagnostics(translation.diagnostics, sourceTexts([translation]), options.format);
  if (translation.code === null) return 1;
  if (options.output !== undefined && translation.map) {
    const linked = linkSourceMap(options.output, input === '-' ? null : input, translation.code, translation.map);
    await writeFileAtomic(linked.map.path, linked.map.content);
    await writeFileAtomic(options.output, linked.code);
  } else if (options.output !== undefined) {
    await writeFileAtomic(options.output, translation.code);
  } else {
    process.stdout.write(translation.code);
  }
  return translation.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** Converts every source of the plan, then reports all diagnostics and a summary line. */
async function convertTree(sources: readonly string[], options: ConvertOptions): Promise<number> {
  const plan = await planProject(sources, options);
  const progress = await startProgress(plan.files.length);
  let outcomes: FileOutcome[];
  try {
    outcomes = await translateProject(plan.files, {
      ...plan.options,
      ...(progress !== null ? { onProgress: progress.onProgress } : {}),
    });
  } finally {
    progress?.stop();
  }
  const stopOnSignal = (signal: NodeJS.Signals): void => {
    removeTemporaries();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', stopOnSignal).once('SIGTERM', stopOnSignal);
  let written = 0;
  try {
    for (const outcome of outcomes) {
      const { output, translation, sourceMap } = outcome;
      if (output === null || translation.code === null) continue;
      try {
        // An unchanged output keeps its timestamp, so that watchers and build tools downstream see no change.
        if (
          sourceMap !== undefined &&
          (await readFile(sourceMap.path, 'utf8').catch(() => null)) !== sourceMap.content
        ) {
          await writeFileAtomic(sourceMap.path, sourceMap.content);
        }
        if ((await readFile(output, 'utf8').catch(() => null)) !== translation.code) {
          await writeFileAtomic(output, translation.code);
        }
        written++;
      } catch (error) {
        // One output that cannot be written (a file where a folder should be, no permission) does not stop the rest.
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        const diagnostic = createDiagnostic('output-not-writable', {
          file: outcome.file.source,
          range: null,
          args: [output, reason],
        });
        outcome.translation = { ...translation, code: null, diagnostics: [...translation.diagnostics, diagnostic] };
      }
    }
  } finally {
    process.off('SIGINT', stopOnSignal).off('SIGTERM', stopOnSignal);
  }
  // One report for the whole tree, so that `--format json` prints one document.
  const translations = outcomes.map((o) => o.translation);
  await reportDiagnostics(
    translations.flatMap((t) => t.diagnostics),
    sourceTexts(translations),
    options.format,
  );
  const failed = outcomes.filter(hasErrorDiagnostics).length;
  const errors = failed === 0 ? '' : `; ${plural(failed, 'file')} with errors`;
  const cached = outcomes.filter((o) => o.cached).length;
  const fromCache = cached === 0 ? '' : ` (${cached} unchanged since the last run)`;
  process.stdout.write(
    `Converted ${plural(written, 'file')} of ${outcomes.length} into ${plan.options.outDir}${fromCache}${errors}.\n`,
  );
  return failed === 0 ? 0 : 1;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
