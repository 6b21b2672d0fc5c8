// The one sample every renderer snapshot shows: diagnostics in two files, with and without a range, a hint,
// a span under Chinese text, and a span at the end of a line.
import { createDiagnostic } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

export const sampleSources: ReadonlyMap<string, string> = new Map([
  [
    'app/main.py',
    [
      'import asyncio',
      '',
      'async def main():',
      '    # 等待所有任务',
      '    tasks = asyncio.Task.all_tasks()',
      '    print("完成", await asyncio.sleeep(1))',
      '',
      'asyncio.run(main())',
      '',
    ].join('\n'),
  ],
  ['app/util.py', 'def helper(:\n    pass\n'],
]);

export const sampleDiagnostics: Diagnostic[] = [
  createDiagnostic('removed-asyncio-api', {
    file: 'app/main.py',
    range: { start: { line: 5, col: 12 }, end: { line: 5, col: 34 } },
    args: ['asyncio.Task.all_tasks', '3.9'],
    hint: "Translated as 'asyncio.allTasks()'.",
  }),
  createDiagnostic('unknown-asyncio-name', {
    file: 'app/main.py',
    range: { start: { line: 6, col: 22 }, end: { line: 6, col: 36 } },
    args: ['sleeep', " Did you mean 'asyncio.sleep'?"],
  }),
  createDiagnostic('syntax-error', {
    file: 'app/util.py',
    range: { start: { line: 1, col: 11 }, end: { line: 1, col: 11 } },
    args: ['invalid syntax'],
  }),
  createDiagnostic('binary-file', { file: 'app/data.py', range: null }),
];
