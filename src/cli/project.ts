// What convert, check and diff share for a tree of sources: where each output goes (never outside OUT), the
// project's prettier options for it, and its translation: from the cache, or by the translator, on every core.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/codes.js';
import { readCachedTranslation, translationKey, writeCachedTranslation } from './convert-cache.js';
import { placeOutput } from './out-dir.js';
import { linkSourceMap, type LinkedOutput } from './source-map-file.js';
import { cacheFolder } from './run/translation-cache.js';
import type { SourceFile } from './sources.js';
import { translateFile, type FileOptions, type FileTranslation } from './translate.js';
import { configureV8ForWorkerThreads, translatingThreadLimits } from './worker-v8.js';

export interface ProjectOptions {
  /** the output folder, as the user named it */
  outDir: string;
  runtimeImport?: string;
  /** translate in this many worker threads at most (1: in this thread) */
  jobs: number;
  /** read and write the translation cache */
  cache: boolean;
  /** make each file's source map too */
  sourceMap?: boolean;
  debug: boolean;
  /** called after each file, for a progress bar */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** One source with its translation and the output path it is due at (null when that path was refused). */
export interface FileOutcome {
  file: SourceFile;
  output: string | null;
  translation: FileTranslation;
  /** whether the translation came from the cache */
  cached: boolean;
  /** with `sourceMap`: the map file due beside the output (the translation's code then ends with its link) */
  sourceMap?: LinkedOutput['map'];
}

/** Below this many files to translate, starting worker threads (each loads the translator) costs more than it saves. */
const minFilesForWorkers = 16;

/** Translates `files` (in their order) for output under `options.outDir`. Writes nothing but cache entries. */
export async function translateProject(files: readonly SourceFile[], options: ProjectOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  const pending: Array<{ outcome: FileOutcome; fileOptions: FileOptions; key: string | null }> = [];
  const cache = options.cache ? await cacheFolder() : null;
  const duplicates = duplicateOutputs(files, options.outDir);
  const prettier = await import('prettier');
  let done = 0;
  const progress = (file: string): void => options.onProgress?.(++done, files.length, file);

  for (const file of files) {
    const place = placeOutput(options.outDir, file.target, file.source);
    const refusal = place.refusal ?? duplicates.get(file.absolute) ?? null;
    if (refusal !== null) {
      outcomes.push({ file, output: null, translation: failed(file.source, refusal), cached: false });
      progress(file.source);
      continue;
    }
    const output = place.path!;
    const prettierOptions = (await prettier.resolveConfig(resolve(output), { editorconfig: false })) ?? undefined;
    const fileOptions: FileOptions = {
      debug: options.debug,
      ...(options.runtimeImport !== undefined ? { runtimeImport: options.runtimeImport } : {}),
      ...(prettierOptions !== undefined ? { prettierOptions: prettierOptions as Record<string, unknown> } : {}),
      ...(options.sourceMap ? { sourceMap: true } : {}),
    };
    const bytes = await readFile(file.source).catch(() => null);
    const key =
      cache === null || bytes === null
        ? null
        : translationKey(file.source, bytes, [
            options.runtimeImport ?? null,
            prettierOptions ?? null,
            ...(options.sourceMap ? ['source-map'] : []),
          ]);
    const cached = key === null ? null : await readCachedTranslation(cache!, key, file.source);
    const outcome: FileOutcome = { file, output, translation: cached ?? failed(file.source), cached: cached !== null };
    outcomes.push(outcome);
    if (cached !== null) progress(file.source);
    else pending.push({ outcome, fileOptions, key });
  }

  const translate = await translator(pending.length, options.jobs);
  try {
    // A few files in flight per thread keep every thread busy. Handing the pools all files at once let translations
    // pile up in front of the (slower) formatting threads: hundreds of unformatted texts held at a time.
    let next = 0;
    const work = async (): Promise<void> => {
      while (next < pending.length) {
        const item = pending[next++]!;
        item.outcome.translation = await translate(item.outcome.file.source, item.fileOptions);
        if (cache !== null && item.key !== null)
          await writeCachedTranslation(cache, item.key, item.outcome.translation);
        progress(item.outcome.file.source);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, translate.threads * 4) }, work));
  } finally {
    await translate.close();
  }
  if (options.sourceMap) for (const outcome of outcomes) linkOutcome(outcome);
  return outcomes;
}

/** The outcome's code as written with a map: linked to it, and the map's file. */
function linkOutcome(outcome: FileOutcome): void {
  const { output, translation } = outcome;
  if (output === null || translation.code === null || !translation.map) return;
  const linked = linkSourceMap(output, outcome.file.source, translation.code, translation.map);
  outcome.translation = { ...translation, code: linked.code };
  outcome.sourceMap = linked.map;
}

/** Whether a file's translation failed or has errors (warnings do not count). */
export function hasErrorDiagnostics(outcome: FileOutcome): boolean {
  return outcome.translation.code === null || outcome.translation.diagnostics.some((d) => d.severity === 'error');
}

/**
 * Splits `files` for `--shard i/n` (1-based): each file goes to the shard its path hashes to, so every machine of a
 * CI matrix computes the same split, and adding a file moves no other.
 */
export function shardOf(files: readonly SourceFile[], shard: { index: number; count: number }): SourceFile[] {
  return files.filter((file) => {
    const path = file.source.split('\\').join('/');
    const hash = createHash('sha1').update(path).digest().readUInt32BE(0);
    return hash % shard.count === shard.index - 1;
  });
}

type Translator = ((path: string, options: FileOptions) => Promise<FileTranslation>) & {
  /** worker threads translating and formatting (0: in this thread) */
  threads: number;
  close(): Promise<void>;
};

/**
 * In this thread for a few files; in worker threads (one per core by default) for many. Half of the threads
 * translate and the other half format (prettier), each file going from the first pool to the second: every thread
 * then loads and JIT-compiles only one of the two, and that warm-up is most of the cost of a thread that does both
 * on a few hundred files (measured on the standard library: prettier formats the first hundred files at half the
 * rate of the later ones).
 */
async function translator(count: number, jobs: number): Promise<Translator> {
  const threads = Math.min(jobs, Math.ceil(count / 4));
  if (count < minFilesForWorkers || threads < 2) {
    return Object.assign((path: string, options: FileOptions) => translateFile(path, options), {
      threads: 0,
      close: async () => {},
    });
  }
  configureV8ForWorkerThreads();
  const { default: Tinypool } = await import('tinypool');
  const filename = new URL('./translate-worker.js', import.meta.url).href;
  const translators = Math.floor(threads / 2);
  const translating = new Tinypool({
    filename,
    minThreads: translators,
    maxThreads: translators,
    resourceLimits: translatingThreadLimits,
  });
  const formatters = threads - translators;
  const formatting = new Tinypool({ filename, name: 'formatInWorker', minThreads: formatters, maxThreads: formatters });
  const translate = async (path: string, options: FileOptions): Promise<FileTranslation> => {
    const translation = (await translating.run({
      path,
      options: { ...options, formatLater: true },
    })) as FileTranslation;
    if (translation.unformatted === undefined) return translation;
    return (await formatting.run({ translation, debug: options.debug })) as FileTranslation;
  };
  return Object.assign(translate, {
    threads,
    close: async () => {
      await Promise.all([translating.destroy(), formatting.destroy()]);
    },
  });
}

/** PYTS6004 for every source whose output another source also maps to. */
function duplicateOutputs(files: readonly SourceFile[], outDir: string): Map<string, Diagnostic> {
  const byOutput = new Map<string, SourceFile[]>();
  for (const file of files) {
    const output = resolve(outDir, file.target);
    byOutput.set(output, [...(byOutput.get(output) ?? []), file]);
  }
  const refusals = new Map<string, Diagnostic>();
  for (const [, sharing] of byOutput) {
    if (sharing.length < 2) continue;
    const [first, second] = sharing as [SourceFile, SourceFile];
    for (const file of sharing) {
      const args = [first.source, second.source, join(outDir, file.target)];
      refusals.set(file.absolute, createDiagnostic('duplicate-output', { file: file.source, range: null, args }));
    }
  }
  return refusals;
}

function failed(file: string, diagnostic?: Diagnostic): FileTranslation {
  return { file, source: null, code: null, diagnostics: diagnostic ? [diagnostic] : [], lookups: [] };
}
