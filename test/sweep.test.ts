// A sample of the sweep (npm run sweep runs it over the whole standard library): files of the CPython standard
// library must each end as TypeScript or as diagnostics — no crash, no hang, no output that does not parse.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

test('a sample of 150 standard-library files translates without a crash, a hang or unparsable output', () => {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'sweep.mjs'), '--sample', '150'], { encoding: 'utf8' });
  const last = result.stdout.trim().split('\n').pop();
  expect(last).toMatch(/^sweep: \d+ files, \d+ translated, \d+ with diagnostics, 0 crashes, 0 hangs, 0 unparsable outputs$/);
  expect(result.status).toBe(0);
}, 120_000);
