// `pyts check SRC --out-dir OUT`: are the committed translations up to date? Writes nothing.
import { compareOutputs } from '../output-comparison.js';
import type { DiagnosticFormat } from '../report.js';

/**
 * Prints one line per output that is missing or stale (and per source with errors), then a summary; returns 1 when
 * there is any, else 0.
 */
export async function check(
  sourceRoot: string,
  options: { outDir: string; format: DiagnosticFormat; debug: boolean },
): Promise<number> {
  const comparisons = await compareOutputs(sourceRoot, options.outDir, options);
  const problems = comparisons.filter((c) => c.state !== 'up to date');
  for (const { source, target, state } of problems) {
    process.stdout.write(state === 'error' ? `${source}: has errors\n` : `${target}: ${state}\n`);
  }
  const total = comparisons.length;
  process.stdout.write(
    problems.length === 0
      ? `All ${total} outputs are up to date.\n`
      : `${problems.length} of ${total} outputs are missing, stale or have errors.\n`,
  );
  return problems.length === 0 ? 0 : 1;
}
