// What `pyts check` and `pyts diff` share: translate each source and compare with the output already on disk.
import { readFile } from 'node:fs/promises';
import { findSourceTargets } from './python-files.js';
import { reportDiagnostics, type DiagnosticFormat } from './report.js';
import { sourceTexts, translateFile, type FileTranslation } from './translate.js';
import { hasErrors } from './cli-diagnostics.js';

export type OutputState = 'up to date' | 'stale' | 'missing' | 'error';

export interface OutputComparison {
  source: string;
  target: string;
  state: OutputState;
  /** the TypeScript the source translates to now (null on error) */
  expected: string | null;
  /** the target's current content (null when it does not exist) */
  actual: string | null;
}

/**
 * Translates every `.py` under `sourceRoot` and compares it with its `.ts` under `outDir`, then reports the
 * translation diagnostics to stderr. Writes nothing.
 */
export async function compareOutputs(
  sourceRoot: string,
  outDir: string,
  options: { format: DiagnosticFormat; debug: boolean },
): Promise<OutputComparison[]> {
  const comparisons: OutputComparison[] = [];
  const translations: FileTranslation[] = [];
  for (const { source, target } of await findSourceTargets(sourceRoot, outDir)) {
    const translation = await translateFile(source, options.debug);
    translations.push(translation);
    const actual = await readFile(target, 'utf8').catch(() => null);
    const expected = translation.code;
    const state: OutputState =
      expected === null || hasErrors(translation.diagnostics)
        ? 'error'
        : actual === null
          ? 'missing'
          : actual === expected
            ? 'up to date'
            : 'stale';
    comparisons.push({ source, target, state, expected, actual });
  }
  // One report for all files, so that `--format json` prints one document.
  await reportDiagnostics(
    translations.flatMap((t) => t.diagnostics),
    sourceTexts(translations),
    options.format,
  );
  return comparisons;
}
