// `pyts diff SRC... --out-dir OUT`: the unified diff `pyts convert` would apply to OUT. Writes nothing.
import { createTwoFilesPatch } from 'diff';
import { compareOutputs } from '../output-status.js';
import type { TreeFlags } from '../project-plan.js';
import { reportDiagnostics, type DiagnosticFormat } from '../report.js';
import { sourceTexts } from '../translate.js';

/** Prints a unified diff per output that would change; returns 1 when anything differs or has errors, else 0. */
export async function diff(
  sources: readonly string[],
  options: TreeFlags & { format: DiagnosticFormat },
): Promise<number> {
  const comparisons = await compareOutputs(sources, options);
  const translations = comparisons.map((c) => c.translation);
  await reportDiagnostics(
    translations.flatMap((t) => t.diagnostics),
    sourceTexts(translations),
    options.format,
  );
  const color = useColor(process.stdout);
  for (const { output, status, actual, translation } of comparisons) {
    if ((status !== 'stale' && status !== 'missing') || output === null) continue;
    const patch = createTwoFilesPatch(
      actual === null ? '/dev/null' : output,
      output,
      actual ?? '',
      translation.code ?? '',
    );
    // From the `---` header on, as `diff -u` and git print it (the library starts with Index/==== lines).
    const text = patch.slice(patch.indexOf('--- '));
    process.stdout.write(color ? colorize(text) : text);
  }
  return comparisons.every((c) => c.status === 'ok') ? 0 : 1;
}

/** Colour on a terminal, as git does; NO_COLOR turns it off and FORCE_COLOR on (https://no-color.org). */
function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/** git's colours: headers bold, hunk ranges cyan, removals red, additions green. */
function colorize(patch: string): string {
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('--- ') || line.startsWith('+++ ')) return `\u001b[1m${line}\u001b[0m`;
      if (line.startsWith('@@')) return `\u001b[36m${line}\u001b[0m`;
      if (line.startsWith('-')) return `\u001b[31m${line}\u001b[0m`;
      if (line.startsWith('+')) return `\u001b[32m${line}\u001b[0m`;
      return line;
    })
    .join('\n');
}
