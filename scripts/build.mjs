// Compiles src/ to dist/ with the project's tsc (JavaScript + declarations), bundles the runtime (see
// bundle-runtime.mjs), then stamps dist/build-id.
// Runs on `npm install` (prepare) so a fresh clone has a working bin/pyts.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleRuntime } from './bundle-runtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
} catch {
  console.error('pyts build: typescript is not installed (run `npm install`).');
  process.exit(1);
}
rmSync(dist, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
if (result.status === 0) await bundleRuntime(join(dist, 'runtime'));

// `pyts run` caches translations; the build id (a hash of the compiled JavaScript) is part of every cache key, so
// a rebuilt translator or runtime never runs a stale cached translation.
if (existsSync(dist)) {
  const hash = createHash('sha256');
  for (const file of readdirSync(dist, { recursive: true })
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    hash.update(`${file}\0`).update(readFileSync(join(dist, file)));
  }
  writeFileSync(join(dist, 'build-id'), `${hash.digest('hex')}\n`);
}
process.exit(result.status ?? 1);
