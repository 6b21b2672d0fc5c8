// The project's pyts settings: `pyts.config.json`, or a `[tool.pyts]` table in `pyproject.toml`, found in the
// current folder or the nearest one above it (as prettier and ruff look for theirs). Flags override every setting.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/** The settings a config file may hold; paths in it are relative to the file's folder. */
export interface ProjectConfig {
  /** the file it was read from, null when none was found */
  file: string | null;
  /** the folder paths are relative to: the config file's, else the current folder */
  folder: string;
  /** sources (files, folders or globs) used when the command line names none */
  include?: string[];
  /** globs of files and folders never translated */
  exclude?: string[];
  /** where translations are written */
  outDir?: string;
  /** the module specifier emitted imports use for the runtime (default 'pyts/runtime') */
  runtimeImport?: string;
  /** the folder whose tree is mirrored under outDir (default: each source's own folder) */
  rootDir?: string;
}

const configFileName = 'pyts.config.json';
const pyprojectFileName = 'pyproject.toml';

/** The keys a config may set, with the type each must have. */
const settings: Record<string, 'string' | 'string[]'> = {
  include: 'string[]',
  exclude: 'string[]',
  outDir: 'string',
  runtimeImport: 'string',
  rootDir: 'string',
};

/**
 * Reads the config named by `explicit` (a path), else the first one found from `cwd` upwards. A malformed config is
 * a usage error: translating with settings the user did not mean would be worse than stopping.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<ProjectConfig> {
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UsageError(`cannot read the config file '${explicit}'`);
    });
    const found = await parseConfig(file, text);
    if (found === null) throw new UsageError(`'${explicit}' has no [tool.pyts] table`);
    return found;
  }
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    for (const name of [configFileName, pyprojectFileName]) {
      const file = join(folder, name);
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text === null) continue;
      const found = await parseConfig(file, text);
      if (found !== null) return found;
    }
    if (dirname(folder) === folder) return { file: null, folder: resolve(cwd) };
  }
}

/** The settings in `text`; null for a pyproject.toml without `[tool.pyts]` (the search then goes on). */
async function parseConfig(file: string, text: string): Promise<ProjectConfig | null> {
  let raw: unknown;
  if (file.endsWith('.toml')) {
    const table = await parseToml(file, text);
    const tool = table['tool'];
    raw = isRecord(tool) ? tool['pyts'] : undefined;
    if (raw === undefined) return null;
  } else {
    try {
      raw = JSON.parse(text) as unknown;
    } catch (error) {
      throw new UsageError(`${file}: ${(error as Error).message}`);
    }
  }
  if (!isRecord(raw)) throw new UsageError(`${file}: the pyts settings must be a table of keys`);
  const config: ProjectConfig = { file, folder: dirname(file) };
  for (const [key, value] of Object.entries(raw)) {
    // pyproject.toml keys are conventionally kebab-case (`out-dir`); both spellings are accepted.
    const name = key.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    const type = settings[name];
    if (type === undefined) {
      throw new UsageError(`${file}: unknown setting '${key}' (known: ${Object.keys(settings).join(', ')})`);
    }
    const valid =
      type === 'string' ? typeof value === 'string' : Array.isArray(value) && value.every((v) => typeof v === 'string');
    if (!valid)
      throw new UsageError(`${file}: '${key}' must be ${type === 'string' ? 'a string' : 'a list of strings'}`);
    (config as unknown as Record<string, unknown>)[name] = value;
  }
  return config;
}

async function parseToml(file: string, text: string): Promise<Record<string, unknown>> {
  // Loaded only when a pyproject.toml is found.
  const { parse } = await import('smol-toml');
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message.split('\n')[0]}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
