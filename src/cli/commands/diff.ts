// `pyts diff SRC --out-dir OUT`: the unified diff `pyts convert` would apply to OUT. Writes nothing.
import { createTwoFilesPatch } from 'diff';
import { compareOutputs } from '../output-comparison.js';
import type { DiagnosticFormat } from '../report.js';

/** Prints a unified diff per output that would change; returns 1 when anything differs or has errors, else 0. */
export async function diff(
  sourceRoot: string,
  options: { outDir: string; format: DiagnosticFormat; debug: boolean },
): Promise<number> {
  const comparisons = await compareOutputs(sourceRoot, options.outDir, options);
  for (const { target, state, expected, actual } of comparisons) {
    if (state !== 'stale' && state !== 'missing') continue;
    const oldName = actual === null ? '/dev/null' : target;
    const patch = createTwoFilesPatch(oldName, target, actual ?? '', expected ?? '');
    // From the `---` header on, as `diff -u` and git print it (the library starts with Index/==== lines).
    process.stdout.write(patch.slice(patch.indexOf('--- ')));
  }
  return comparisons.every((c) => c.state === 'up to date') ? 0 : 1;
}
