// Lays a compiled program out on disk, module files side by side as their relative imports expect.
import { createHash } from 'node:crypto';
import { access, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, posix, sep } from 'node:path';
import { writeFileAtomic } from '../write-atomic.js';
import type { ProgramModule } from './program-graph.js';

/**
 * Writes the program's modules under `<cache>/programs/<hash of the modules>/` (once: the folder is content-addressed,
 * so concurrent runs of the same program write identical bytes) and returns the main module's file path.
 */
export async function writeProgramFolder(cache: string, modules: readonly ProgramModule[]): Promise<string> {
  const [main] = modules;
  if (main === undefined) throw new Error('a program has at least its main module');
  const prefix = mainFolderPrefix(main.sourcePath, modules);
  const files = modules.map((m) => ({ path: posix.join(prefix, m.importPath), module: m }));
  const hash = createHash('sha256');
  for (const { path, module } of files) hash.update(`${path}\0${module.key}\0`);
  const folder = join(cache, 'programs', hash.digest('hex').slice(0, 32));
  const mainFile = join(folder, ...posix.join(prefix, main.importPath).split('/'));
  const completeMarker = join(folder, '.complete');
  if (
    await access(completeMarker).then(
      () => true,
      () => false,
    )
  )
    return mainFile;
  // The emitted code is ESM in `.js` files, as its own `./helper.js` imports name them.
  await writeFileAtomic(join(folder, 'package.json'), '{ "type": "module" }\n');
  for (const { path, module } of files) {
    const file = join(folder, ...path.split('/'));
    if (module.sourceMap === null) {
      await writeFileAtomic(file, module.javascript);
      continue;
    }
    // the map beside the module, linked the standard way; tracebacks read it (src/runtime/builtins/source-locations.ts)
    await writeFileAtomic(`${file}.map`, module.sourceMap);
    await writeFileAtomic(file, `${module.javascript}//# sourceMappingURL=${posix.basename(path)}.map\n`);
  }
  await mkdir(dirname(completeMarker), { recursive: true });
  await writeFile(completeMarker, '');
  return mainFile;
}

/**
 * Imports such as `../shared.js` climb above the main module's folder; the main module then sits as many folders
 * deep as the highest climb, under the names its real folders have, so every relative import lands inside.
 */
function mainFolderPrefix(mainSource: string, modules: readonly ProgramModule[]): string {
  const climb = Math.max(0, ...modules.map((m) => m.importPath.split('/').findIndex((part) => part !== '..')));
  if (climb === 0) return '';
  return dirname(mainSource).split(sep).filter(Boolean).slice(-climb).join('/');
}
