// The lookups of the program's modules a translation makes (is `helpers` a module of the program, and what does
// it define), recorded so that the caches of translations can tell whether they still hold: an importer is
// translated again when a module it imports appears, disappears, or changes what it defines (`def` → `async def`).
import type { TranspileOptions } from '../api.js';
import { lookupBesideFile, moduleFileBeside, type ModuleKind } from '../parse/module-lookup.js';

/** `[name, level, what the lookup found, the key of that module's summary (null: not a module of the program)]` */
export type ModuleLookup = [name: string, level: number, kind: ModuleKind, summary: string | null];

/** Lookup functions for translating `file` (as `TranspileOptions` takes them), recording into `lookups`. */
export async function recordingLookups(
  file: string,
): Promise<{ lookups: ModuleLookup[]; options: Required<Pick<TranspileOptions, 'resolveModule' | 'moduleSummary'>> }> {
  // the parser is loaded here only: a cache hit never needs it
  const { summaryBesideFile } = await import('../parse/module-summary.js');
  const find = moduleFileBeside(file);
  const lookup = lookupBesideFile(file, find);
  const summary = summaryBesideFile(file, find);
  const lookups: ModuleLookup[] = [];
  const record = (name: string, level: number) => {
    if (!lookups.some(([n, l]) => n === name && l === level))
      lookups.push([name, level, lookup(name, level), summary(name, level)?.key ?? null]);
  };
  return {
    lookups,
    options: {
      resolveModule: (name, level) => {
        record(name, level);
        return lookup(name, level);
      },
      moduleSummary: (name, level) => {
        record(name, level);
        return summary(name, level);
      },
    },
  };
}

/** True when every lookup a cached translation of `file` made still finds the same module with the same summary. */
export async function lookupsStillHold(file: string, lookups: readonly ModuleLookup[]): Promise<boolean> {
  const find = moduleFileBeside(file);
  const lookup = lookupBesideFile(file, find);
  if (!lookups.every(([name, level, kind]) => lookup(name, level) === kind)) return false;
  if (lookups.every(([, , , key]) => key === null)) return true;
  const { summaryBesideFile } = await import('../parse/module-summary.js');
  const summary = summaryBesideFile(file, find);
  return lookups.every(([name, level, , key]) => (summary(name, level)?.key ?? null) === key);
}
