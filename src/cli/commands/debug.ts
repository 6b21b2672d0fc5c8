// `pyts debug tree FILE.py`: the parser's typed Python tree, for people working on pyts.
import { reportDiagnostics, type DiagnosticFormat } from '../report.js';
import { readPythonInput, stdinName } from '../source-input.js';
import { hasErrors } from '../cli-diagnostics.js';

/** Prints the tree of `path` ('-' for stdin); returns 1 when the file cannot be read or has syntax errors. */
export async function debugTree(path: string, options: { format: DiagnosticFormat }): Promise<number> {
  const file = path === '-' ? stdinName : path;
  const input = await readPythonInput(path);
  if (input.source === null) {
    await reportDiagnostics(input.diagnostics, new Map(), options.format);
    return 1;
  }
  const { parse, formatTree } = await import('../../parse/index.js');
  const { module, diagnostics } = parse(input.source, file);
  if (module !== null) process.stdout.write(`${formatTree(module)}\n`);
  await reportDiagnostics(diagnostics, new Map([[file, input.source]]), options.format);
  return hasErrors(diagnostics) ? 1 : 0;
}
