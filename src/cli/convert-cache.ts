// A content-addressed cache of file translations for convert, check and diff: a file whose bytes, name and options
// are unchanged (and whose imports still resolve to modules defining the same things) is not translated again, so a re-run over an unchanged
// tree never loads the translator.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EncodedSourceMap } from '../api.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { packageVersion } from './package-info.js';
import { lookupsStillHold } from './module-lookups.js';
import { buildId } from './run/translation-cache.js';
import type { FileTranslation, ModuleLookup } from './translate.js';
import { writeFileAtomic } from './write-atomic.js';

interface CachedTranslation {
  code: string | null;
  /** present when the translation was asked for a source map */
  map?: EncodedSourceMap | null;
  diagnostics: Diagnostic[];
  /** kept only when there are diagnostics (their code frames need it) */
  source: string | null;
  lookups: ModuleLookup[];
}

/** Bump when the layout of cached entries changes. */
const cacheFormat = 2;

/**
 * The key of one file's translation: its bytes, the name its diagnostics use, the options that change the output,
 * and the pyts build. Null when dist/ has no build id: nothing is cached then.
 */
export function translationKey(file: string, bytes: Uint8Array, options: unknown): string | null {
  if (buildId === null) return null;
  return createHash('sha256')
    .update(JSON.stringify([cacheFormat, packageVersion, buildId, file, options]))
    .update(bytes)
    .digest('hex');
}

/** The cached translation of `file` under `key`, or null when there is none or a module lookup now differs. */
export async function readCachedTranslation(
  folder: string,
  key: string,
  file: string,
): Promise<FileTranslation | null> {
  let entry: CachedTranslation;
  try {
    entry = JSON.parse(await readFile(entryPath(folder, key), 'utf8')) as CachedTranslation;
  } catch {
    return null;
  }
  if (!(await lookupsStillHold(file, entry.lookups))) return null;
  return { file, ...entry };
}

/** Stores a translation; internal errors are not stored (they may not happen again). */
export async function writeCachedTranslation(folder: string, key: string, translation: FileTranslation): Promise<void> {
  if (translation.diagnostics.some((d) => d.code.startsWith('PYTS9'))) return;
  const entry: CachedTranslation = {
    code: translation.code,
    ...(translation.map ? { map: translation.map } : {}),
    diagnostics: translation.diagnostics,
    source: translation.diagnostics.length > 0 ? translation.source : null,
    lookups: translation.lookups,
  };
  await writeFileAtomic(entryPath(folder, key), JSON.stringify(entry));
}

function entryPath(folder: string, key: string): string {
  return join(folder, 'translations', key.slice(0, 2), `${key}.json`);
}
