// The README's interop example, run as it is printed there: hand-written TypeScript that awaits tasks through
// Promise.all and cancels one from an AbortSignal.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { expect, test } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

test('the README interop example awaits tasks with Promise.all and cancels one from an AbortSignal', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const example = /<!-- interop-example -->\s*```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  const runtime = pathToFileURL(join(root, 'dist', 'runtime', 'asyncio', 'index.js')).href;
  const js = transformSync(example!.replaceAll('"pyts/runtime/asyncio"', JSON.stringify(runtime)), { loader: 'ts', format: 'esm' }).code;
  const file = join(mkdtempSync(join(tmpdir(), 'pyts-interop-')), 'example.mjs');
  writeFileSync(file, js);
  const output = execFileSync(process.execPath, [file], { encoding: 'utf8' });
  expect(output).toBe('all: [ 10, 20, 30 ]\ncancelled: true true\n');
});
