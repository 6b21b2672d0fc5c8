// What `pyts check` and `pyts diff` share: translate each source and compare with the output already on disk.
import { readFile } from 'node:fs/promises';
import { planProject, type TreeFlags } from './project-plan.js';
import { hasErrorDiagnostics, translateProject, type FileOutcome } from './project.js';

/** The state of one output, named as `check --format json` prints it. */
export type OutputStatus = 'ok' | 'stale' | 'missing' | 'error' | 'internal-error';

export interface OutputComparison extends FileOutcome {
  status: OutputStatus;
  /** the output's current content (null when it does not exist) */
  actual: string | null;
}

/** Translates every source of the plan and compares it with its output. Writes nothing but cache entries. */
export async function compareOutputs(sources: readonly string[], flags: TreeFlags): Promise<OutputComparison[]> {
  const plan = await planProject(sources, flags);
  const outcomes = await translateProject(plan.files, plan.options);
  return Promise.all(
    outcomes.map(async (outcome): Promise<OutputComparison> => {
      const actual = outcome.output === null ? null : await readFile(outcome.output, 'utf8').catch(() => null);
      const status = statusOf(outcome, actual);
      // with --source-map the map is an output too: a missing or different one makes the file stale
      if (status === 'ok' && outcome.sourceMap !== undefined) {
        const map = await readFile(outcome.sourceMap.path, 'utf8').catch(() => null);
        if (map !== outcome.sourceMap.content) return { ...outcome, status: 'stale', actual };
      }
      return { ...outcome, status, actual };
    }),
  );
}

function statusOf(outcome: FileOutcome, actual: string | null): OutputStatus {
  if (outcome.translation.diagnostics.some((d) => d.code.startsWith('PYTS9'))) return 'internal-error';
  if (hasErrorDiagnostics(outcome)) return 'error';
  if (actual === null) return 'missing';
  return actual === outcome.translation.code ? 'ok' : 'stale';
}
