// From the command line and the project's config to the list of files a tree command works on: flags override
// the config, and the config's paths are relative to its own folder.
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { loadConfig, type ProjectConfig } from './config.js';
import { shardOf, type ProjectOptions } from './project.js';
import { collectSources, type SourceFile } from './sources.js';
import { UsageError } from './usage-error.js';

/** The flags convert, check and diff share. */
export interface TreeFlags {
  outDir?: string;
  rootDir?: string;
  exclude?: string[];
  config?: string;
  runtimeImport?: string;
  jobs?: string;
  cache?: boolean;
  shard?: string;
  /** write (convert) or expect (check, diff) X.ts.map beside each X.ts */
  sourceMap?: boolean;
  debug: boolean;
}

export interface ProjectPlan {
  config: ProjectConfig;
  /** the sources as named (for --watch), relative to the current folder */
  specs: string[];
  files: SourceFile[];
  options: ProjectOptions;
}

/** Reads the config, expands the sources and applies `--shard`. `outDir` must come from a flag or the config. */
export async function planProject(sources: readonly string[], flags: TreeFlags): Promise<ProjectPlan> {
  const cwd = process.cwd();
  const config = await loadConfig(cwd, flags.config);
  const fromConfig = (path: string): string => relative(cwd, resolve(config.folder, path)) || '.';
  const specs = sources.length > 0 ? [...sources] : (config.include ?? []).map(fromConfig);
  if (specs.length === 0) {
    throw new UsageError('name the files or folders to translate, or list them in the config\'s "include"');
  }
  const outDir = flags.outDir ?? (config.outDir !== undefined ? fromConfig(config.outDir) : undefined);
  if (outDir === undefined) throw new UsageError('give --out-dir, or set "outDir" in pyts.config.json');
  const rootDir = flags.rootDir ?? (config.rootDir !== undefined ? fromConfig(config.rootDir) : undefined);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const jobs = parseJobs(flags.jobs);
  let files = await collectSources(specs, {
    cwd,
    ...(rootDir !== undefined ? { rootDir: resolve(cwd, rootDir) } : {}),
    outDir: resolve(cwd, outDir),
    exclude: [
      { folder: config.folder, patterns: config.exclude ?? [] },
      { folder: cwd, patterns: flags.exclude ?? [] },
    ],
  });
  if (shard !== undefined) files = shardOf(files, shard);
  const runtimeImport = flags.runtimeImport ?? config.runtimeImport;
  return {
    config,
    specs,
    files,
    options: {
      outDir,
      ...(runtimeImport !== undefined ? { runtimeImport } : {}),
      jobs,
      cache: flags.cache !== false,
      ...(flags.sourceMap ? { sourceMap: true } : {}),
      debug: flags.debug,
    },
  };
}

/** `--shard 2/3` → { index: 2, count: 3 }. */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes INDEX/COUNT with 1 <= INDEX <= COUNT, e.g. 1/3 (got '${text}')`);
  }
  return { index, count };
}

function parseJobs(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  const jobs = Number(text);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a positive whole number (got '${text}')`);
  return jobs;
}
