// Real Python nobody here wrote: a deterministic sample of 150 files of the CPython standard library converts
// without throwing and without internal errors. (scripts/measure-parse.mjs runs the whole library.)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, readSource } from '../../src/parse/index.js';

const SAMPLE_SIZE = 150;

function stdlibDirectory(): string {
  return execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
}

function pythonFiles(directory: string): string[] {
  const files: string[] = [];
  const pending = [directory];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'site-packages' && entry.name !== '__pycache__') pending.push(path);
      } else if (entry.name.endsWith('.py')) {
        files.push(path);
      }
    }
  }
  return files.sort();
}

describe('the CPython standard library', () => {
  it(`converts ${SAMPLE_SIZE} evenly spaced files without an internal error`, () => {
    const root = stdlibDirectory();
    const all = pythonFiles(root);
    const step = all.length / SAMPLE_SIZE;
    const sample = Array.from({ length: SAMPLE_SIZE }, (_, index) => all[Math.floor(index * step)]!);
    const internalErrors: string[] = [];
    let converted = 0;
    for (const path of sample) {
      const read = readSource(new Uint8Array(readFileSync(path)), path);
      if (read.source === null) continue;
      const result = parse(read.source, relative(root, path));
      if (result.module !== null) converted++;
      for (const diagnostic of result.diagnostics) {
        if (diagnostic.code.startsWith('PYTS9')) internalErrors.push(`${diagnostic.file}: ${diagnostic.message}`);
      }
    }
    expect(internalErrors).toEqual([]);
    // CPython accepts all but a handful of deliberately broken test inputs, so nearly every file converts.
    expect(converted).toBeGreaterThan(SAMPLE_SIZE * 0.95);
  });
});
