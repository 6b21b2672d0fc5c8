// Each invalid source yields exactly one diagnostic with CPython 3.11's message, line and column (the table was
// produced by running CPython: see cpython-syntax-errors.ts).
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/index.js';
import { cpythonSyntaxErrors } from './cpython-syntax-errors.js';

const codeForKind: Record<string, string> = { SyntaxError: 'PYTS1001', IndentationError: 'PYTS1002', TabError: 'PYTS1003' };

describe('syntax errors are reported as CPython reports them', () => {
  for (const expected of cpythonSyntaxErrors) {
    it(`reports ${expected.name} at CPython's line and column`, () => {
      const result = parse(expected.source, 'bad.py');
      expect(result.module).toBeNull();
      expect(result.diagnostics).toHaveLength(1);
      const [diagnostic] = result.diagnostics;
      expect({
        message: diagnostic!.message,
        line: diagnostic!.range?.start.line,
        col: diagnostic!.range?.start.col,
        code: diagnostic!.code,
      }).toEqual({
        message: expected.message,
        line: expected.line,
        col: expected.col,
        code: codeForKind[expected.kind] ?? 'PYTS1001',
      });
    });
  }
});

describe('what parse() never does', () => {
  it('never throws, even on garbage', () => {
    for (const source of ['))))', 'def', '@', 'lambda', 'f"{', '\\', 'class A(:', 'match x:\n case', '¿']) {
      const result = parse(source, 'garbage.py');
      expect(result.diagnostics.length).toBe(1);
      expect(result.diagnostics[0]!.severity).toBe('error');
    }
  });

  it('labels every diagnostic with the file name given', () => {
    const result = parse('if x\n', 'pkg/mod.py');
    expect(result.diagnostics[0]!.file).toBe('pkg/mod.py');
  });
});
