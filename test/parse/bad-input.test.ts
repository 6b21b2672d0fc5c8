// Inputs a CLI meets in the wild: each gives one clear diagnostic (or parses), and nothing throws.
import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, MAX_TREE_DEPTH, parse, readSource } from '../../src/parse/index.js';

const folder = mkdtempSync(join(tmpdir(), 'pyts-parse-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? Array.from(Buffer.from(part, 'utf8')) : part)));

describe('readSource', () => {
  it('reports a byte that is not UTF-8 with CPython\'s codec message at its line and column', () => {
    const result = readSource(bytes('x = 1\ny = "', [0xff], '"\n'), 'latin.py');
    expect(result.source).toBeNull();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'PYTS1004',
      message: "(unicode error) 'utf-8' codec can't decode byte 0xff in position 5: invalid start byte",
      range: { start: { line: 2, col: 5 } },
    });
  });

  it('tells a truncated sequence at the end from a bad continuation byte', () => {
    expect(readSource(bytes('x = "caf', [0xc3]), 'end.py').diagnostics[0]!.message).toContain('unexpected end of data');
    expect(readSource(bytes('x = "', [0xe4, 0x41], '"'), 'mid.py').diagnostics[0]!.message).toContain('invalid continuation byte');
  });

  it('refuses a binary file (null bytes) with CPython\'s message', () => {
    const result = readSource(bytes('x = 1', [0, 1, 2]), 'module.pyc');
    expect(result.source).toBeNull();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'PYTS1005', message: 'source code cannot contain null bytes', range: null });
  });

  it('accepts and drops a UTF-8 byte order mark', () => {
    const result = readSource(bytes([0xef, 0xbb, 0xbf], 'x = "中"\n'), 'bom.py');
    expect(result).toEqual({ source: 'x = "中"\n', diagnostics: [] });
  });

  it('reads an empty file as an empty module', () => {
    const read = readSource(new Uint8Array(0), 'empty.py');
    expect(read).toEqual({ source: '', diagnostics: [] });
    expect(parse(read.source!, 'empty.py')).toMatchObject({ module: { kind: 'Module', body: [] }, diagnostics: [] });
  });

  it('decodes a file that declares latin-1 as latin-1', () => {
    // CPython prints 'é\x80' for this file: latin-1 maps every byte to the code point of the same value.
    const result = readSource(bytes('# -*- coding: latin-1 -*-\nx = "', [0xe9, 0x80], '"\n'), 'latin1.py');
    expect(result.source).toBe('# -*- coding: latin-1 -*-\nx = "\u00e9\u0080"\n');
  });

  it('reports an encoding it does not know with CPython\'s words', () => {
    const result = readSource(bytes('# -*- coding: klingon -*-\nx = 1\n'), 'klingon.py');
    expect(result.diagnostics[0]).toMatchObject({ code: 'PYTS1008', message: 'encoding problem: klingon' });
  });

  it('refuses a file above the size limit before decoding it', () => {
    const result = readSource(new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x20), 'huge.py');
    expect(result.source).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({ code: 'PYTS1006', message: 'The file is 20.0 MB; pyts reads source files of up to 20 MB.' });
  });
});

describe('large and deep sources', () => {
  it('parses a 10 MB file written to disk', () => {
    const line = `value = "${'x'.repeat(180)}"  # 注释\n`;
    const path = join(folder, 'big.py');
    const count = Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(line));
    writeFileSync(path, line.repeat(count));
    const read = readSource(new Uint8Array(readFileSync(path)), path);
    const result = parse(read.source!, path);
    expect(result.diagnostics).toEqual([]);
    expect(result.module!.body).toHaveLength(count);
  });

  it('rejects 1,000 nested brackets with CPython\'s limit instead of overflowing', () => {
    for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']]) {
      const result = parse(`x = ${open!.repeat(1000)}${close!.repeat(1000)}\n`, 'deep.py');
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]).toMatchObject({ code: 'PYTS1001', message: 'too many nested parentheses' });
    }
  });

  it('accepts 200 nested parentheses, CPython\'s maximum', () => {
    expect(parse(`x = ${'('.repeat(200)}1${')'.repeat(200)}\n`, 'ok.py').diagnostics).toEqual([]);
  });

  it('reports nesting deeper than it converts as one diagnostic (CPython: RecursionError)', () => {
    for (const source of [`x = ${'-'.repeat(5000)}1\n`, `x = ${Array(100_000).fill('1').join('+')}\n`]) {
      const result = parse(source, 'deep.py');
      expect(result.module).toBeNull();
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]!.code).toBe('PYTS1007');
    }
    expect(MAX_TREE_DEPTH).toBeGreaterThan(1000);
  });
});
