// Positions are 1-based lines and 0-based columns in code points, also after Chinese text and emoji.
import { describe, expect, it } from 'vitest';
import { formatTree, parse } from '../../src/parse/index.js';
import { parseValid } from './helpers.js';

describe('positions', () => {
  it('counts columns in code points after Chinese characters', () => {
    // CPython's ast.parse gives col_offset 14 here (UTF-8 bytes); pyts counts characters, as SyntaxError offsets do.
    const module = parseValid('s = "你好"; t = s\n');
    expect(module.body[1]!.range.start).toEqual({ line: 1, col: 10 });
  });

  it('counts an emoji (two UTF-16 units) as one column', () => {
    const module = parseValid('s = "😀"; t = 1\n');
    expect(module.body[1]!.range.start).toEqual({ line: 1, col: 9 });
  });

  it('ignores comments, Chinese ones included, when numbering lines', () => {
    const module = parseValid('# 中文注释\n\nasync def main():  # 主函数\n    pass\n');
    expect(module.body[0]!.range).toEqual({ start: { line: 3, col: 0 }, end: { line: 4, col: 8 } });
  });

  it('reports a syntax error after Chinese text at the character column CPython reports', () => {
    const result = parse('print("你好"\n', 'zh.py');
    // CPython: "'(' was never closed", offset 6 (1-based).
    expect(result.diagnostics[0]!.range!.start).toEqual({ line: 1, col: 5 });
  });
});

describe('formatTree', () => {
  it('prints one node per line with its 1-based range and scalar fields', () => {
    expect(formatTree(parseValid('x = f(1)\n'))).toBe(
      [
        'Module @1:1-2:1',
        '  body[0]: Assign @1:1-1:9',
        '    targets[0]: Name id="x" ctx="Store" @1:1-1:2',
        '    value: Call @1:5-1:9',
        '      func: Name id="f" ctx="Load" @1:5-1:6',
        '      args[0]: Constant value=int(1) @1:7-1:8',
        '',
      ].join('\n'),
    );
  });
});
