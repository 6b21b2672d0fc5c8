// The output folder's one rule: nothing is ever written outside it, neither through `..` in a computed path nor
// through a symbolic link inside it that leads elsewhere.
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/codes.js';
import { isInside } from './sources.js';

/** Where a source's translation goes, or why it may not be written. */
export type OutputPlace = { path: string; refusal: null } | { path: null; refusal: Diagnostic };

/**
 * The path of `target` (relative to `outDir`) when writing it stays inside `outDir` once every symbolic link on the
 * way is followed; otherwise a PYTS6003 diagnostic for `source`.
 */
export function placeOutput(outDir: string, target: string, source: string): OutputPlace {
  // The refusal names the path as computed (`out/../a.ts`), not normalised, so that the reader sees the climb.
  const refuse = (hint: string): OutputPlace => ({
    path: null,
    refusal: createDiagnostic('output-outside-out-dir', {
      file: source,
      range: null,
      args: [`${outDir}${sep}${target}`, outDir],
      hint,
    }),
  });
  const normal = normalize(target);
  if (isAbsolute(normal) || normal === '..' || normal.startsWith(`..${sep}`)) {
    return refuse('Its path climbs out of the output folder; name sources below --root-dir.');
  }
  const path = resolve(outDir, normal);
  const realOut = realPathOfFuture(resolve(outDir));
  const realFolder = realPathOfFuture(dirname(path));
  if (realOut === null || realFolder === null || !isInside(realOut, realFolder)) {
    return refuse('A symbolic link inside the output folder leads out of it.');
  }
  return { path: join(outDir, normal), refusal: null };
}

/**
 * The real path `path` will have once created: its deepest existing ancestor (a dangling link counts as existing)
 * resolved, then the rest appended; null when a link on the way leads nowhere.
 */
function realPathOfFuture(path: string): string | null {
  let existing = path;
  while (!exists(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    return join(realpathSync(existing), relative(existing, path));
  } catch {
    return null;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
