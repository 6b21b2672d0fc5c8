// A content-addressed cache of compiled modules, so that running an unchanged program again skips the translator.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ModuleLookup } from '../module-lookups.js';
import { packageVersion } from '../package-info.js';
import { writeFileAtomic } from '../write-atomic.js';
import { installationId } from './runtime-location.js';

/** What the cache keeps of a successful compilation (failed ones are never cached). */
export interface CachedModule {
  javascript: string;
  /** the module's source map (JSON text), written beside it for tracebacks */
  sourceMap: string | null;
  localImports: string[];
  /** the program-module lookups of its translation: it is stale when one of them finds something else now */
  lookups: ModuleLookup[];
  /** warnings, shown again on every run as the first run showed them */
  diagnostics: Diagnostic[];
}

/** Bump when the layout of cached entries changes. */
const cacheFormat = 3;

/**
 * The cache folder: `$PYTS_CACHE_DIR`, else `$XDG_CACHE_HOME/pyts`, else `~/.cache/pyts` (the temp folder when there
 * is no home). Private to the user (mode 0700).
 */
export async function cacheFolder(): Promise<string> {
  const configured = process.env.PYTS_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : tmpdir());
  const folder = configured || join(base, 'pyts');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  return folder;
}

/**
 * The key of one module's compilation: its bytes, the names diagnostics and `__file__` give it, and everything that changes the
 * output without changing the source (the pyts version, the build of dist/, the installation the runtime imports
 * point at). Null when dist/ has no build id (it was not built by scripts/build.mjs): nothing is cached then.
 */
export function moduleKey(filename: string, pythonFile: string, source: Uint8Array): string | null {
  if (buildId === null) return null;
  return createHash('sha256')
    .update(JSON.stringify([cacheFormat, packageVersion, buildId, installationId, filename, pythonFile]))
    .update(source)
    .digest('hex');
}

/** dist/build-id, written by scripts/build.mjs: a hash of the compiled JavaScript (null when dist/ was built otherwise). */
export const buildId = readBuildId();

function readBuildId(): string | null {
  try {
    return readFileSync(new URL('../../build-id', import.meta.url), 'utf8').trim();
  } catch {
    return null;
  }
}

export async function readCachedModule(folder: string, key: string): Promise<CachedModule | null> {
  try {
    return JSON.parse(await readFile(entryPath(folder, key), 'utf8')) as CachedModule;
  } catch {
    return null;
  }
}

export async function writeCachedModule(folder: string, key: string, entry: CachedModule): Promise<void> {
  await writeFileAtomic(entryPath(folder, key), JSON.stringify(entry));
}

function entryPath(folder: string, key: string): string {
  return join(folder, 'modules', key.slice(0, 2), `${key}.json`);
}
