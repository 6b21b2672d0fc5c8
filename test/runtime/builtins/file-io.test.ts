import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { observe } from './cpython-cases.js';
import { open } from '../../../src/runtime/builtins/file-io.js';
import { repr } from '../../../src/runtime/builtins/repr.js';

const dir = mkdtempSync(join(tmpdir(), 'pyts-files-'));

// Expected values and messages are what CPython 3.11 printed for the same file operations.
describe('open', () => {
  it('reads lines with universal newlines and refuses a closed file', () => {
    const path = join(dir, 'f.txt');
    writeFileSync(path, 'a\r\nb\rc\nd');
    const f = open(path);
    expect(repr(f)).toBe(`<_io.TextIOWrapper name=${repr(path)} mode='r' encoding='UTF-8'>`);
    expect([f.readline(), f.read(2), f.read(), f.closed]).toEqual(['a\n', 'b\n', 'c\nd', false]);
    f.close();
    expect(f.closed).toBe(true);
    expect(observe(() => f.read())).toEqual({ error: 'ValueError: I/O operation on closed file.' });
    expect([...open(path)]).toEqual(['a\n', 'b\n', 'c\n', 'd']);
  });

  it('writes text and counts characters, not bytes', () => {
    const path = join(dir, 'g.txt');
    const g = open(path, 'w');
    expect(g.write('héllo\n')).toBe(6);
    g.close();
    expect(open(path).read()).toBe('héllo\n');
    expect(observe(() => open(path).write('x'))).toEqual({ error: 'UnsupportedOperation: not writable' });
    expect(observe(() => open(path, 'w').read())).toEqual({ error: 'UnsupportedOperation: not readable' });
  });

  it('raises the OSError subclasses CPython raises', () => {
    expect(observe(() => open('/nonexistent/x'))).toEqual({ error: "FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/x'" });
    expect(observe(() => open(dir))).toEqual({ error: `IsADirectoryError: [Errno 21] Is a directory: ${repr(dir)}` });
    const path = join(dir, 'h.txt');
    writeFileSync(path, '');
    expect(observe(() => open(path, 'x'))).toEqual({ error: `FileExistsError: [Errno 17] File exists: ${repr(path)}` });
    expect(observe(() => open(path, 'q'))).toEqual({ error: "ValueError: invalid mode: 'q'" });
  });
});
