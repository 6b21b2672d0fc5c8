// `pyts check SRC... --out-dir OUT`: are the committed translations up to date? Writes nothing.
import { escapeData, escapeProperty, renderGithub } from '../../diagnostics/render/github.js';
import { toJson } from '../../diagnostics/render/json.js';
import { compareOutputs, type OutputComparison, type OutputStatus } from '../output-status.js';
import type { TreeFlags } from '../project-plan.js';
import { reportDiagnostics, type DiagnosticFormat } from '../report.js';
import { sourceTexts } from '../translate.js';

const statuses: readonly OutputStatus[] = ['ok', 'stale', 'missing', 'error', 'internal-error'];

/** Returns 1 when any output is missing or stale or any source has errors, else 0. */
export async function check(
  sources: readonly string[],
  options: TreeFlags & { format: DiagnosticFormat },
): Promise<number> {
  const comparisons = await compareOutputs(sources, options);
  const summary: Record<string, number> = { total: comparisons.length };
  for (const status of statuses) summary[status] = comparisons.filter((c) => c.status === status).length;
  switch (options.format) {
    case 'json':
      process.stdout.write(`${JSON.stringify({ files: comparisons.map(fileEntry), summary }, null, 2)}\n`);
      break;
    case 'github':
      process.stdout.write(comparisons.flatMap(annotations).join(''));
      break;
    case 'pretty': {
      const translations = comparisons.map((c) => c.translation);
      await reportDiagnostics(
        translations.flatMap((t) => t.diagnostics),
        sourceTexts(translations),
        'pretty',
      );
      for (const { file, output, status } of comparisons) {
        if (status === 'stale' || status === 'missing') process.stdout.write(`${output}: ${status}\n`);
        else if (status !== 'ok') process.stdout.write(`${file.source}: has errors\n`);
      }
      const problems = comparisons.length - summary['ok']!;
      process.stdout.write(
        problems === 0
          ? `All ${comparisons.length} outputs are up to date.\n`
          : `${problems} of ${comparisons.length} outputs are missing, stale or have errors.\n`,
      );
    }
  }
  return comparisons.every((c) => c.status === 'ok') ? 0 : 1;
}

/** One file of `--format json`: its status and its diagnostics without the file name (the entry has it). */
function fileEntry(comparison: OutputComparison): unknown {
  return {
    file: comparison.file.source,
    status: comparison.status,
    diagnostics: comparison.translation.diagnostics.map((d) => {
      const { file: _file, ...rest } = toJson(d);
      return rest;
    }),
  };
}

/** GitHub Actions workflow commands: the diagnostics, and an error on each source whose output is out of date. */
function annotations(comparison: OutputComparison): string[] {
  const lines = [renderGithub(comparison.translation.diagnostics)];
  const { status, file, output } = comparison;
  if (status === 'stale' || status === 'missing') {
    const message = `${output} is ${status}: run pyts convert to update it.`;
    lines.push(
      `::error file=${escapeProperty(file.source)},title=${escapeProperty(`pyts check: ${status}`)}::${escapeData(message)}\n`,
    );
  }
  return lines;
}
