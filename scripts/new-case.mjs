#!/usr/bin/env node
// Scaffolds a fixture, fixtures/AREA/NAME.py, and records CPython's result for it.
//
// usage: node scripts/new-case.mjs AREA NAME
//
// When the .py does not exist yet it is created from a small asyncio template (edit it, then run this again);
// an existing .py is only recorded. The emitted TypeScript (NAME.ts) is written by the fixture test:
// `npx vitest run test/fixtures.test.ts -u`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesRoot, repoRoot } from './lib/fixtures.mjs';

const [area, name, ...rest] = process.argv.slice(2);
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
if (area === undefined || name === undefined || rest.length > 0 || !kebab.test(area) || !kebab.test(name)) {
  console.error('usage: node scripts/new-case.mjs AREA NAME   (kebab-case names saying what the case shows)');
  process.exit(2);
}
const program = join(fixturesRoot, area, `${name}.py`);
if (!existsSync(program)) {
  mkdirSync(join(fixturesRoot, area), { recursive: true });
  writeFileSync(
    program,
    `# ${area}/${name}: say here what this case shows\nimport asyncio\n\n\nasync def main():\n    print("replace me")\n\n\nasyncio.run(main())\n`,
  );
  console.log(
    `created ${join('fixtures', area, `${name}.py`)}: write the case, then run this command again to record it`,
  );
  process.exit(0);
}
const recording = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'record-cpython.mjs'), program], {
  stdio: 'inherit',
});
if (recording.status === 0) {
  console.log('next: npx vitest run test/fixtures.test.ts -u   (writes the .ts snapshot; review it before committing)');
}
process.exit(recording.status ?? 1);
