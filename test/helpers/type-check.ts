// Type-checks emitted TypeScript against the runtime's sources in one run of the native `tsc --strict`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../../scripts/lib/fixtures.mjs';

export interface TypeCheckResult {
  exitCode: number | null;
  /** tsc's report, file names relative to the temporary folder (`area/case.ts`) */
  output: string;
}

/**
 * Writes `files` (relative path → TypeScript) into a temporary ES-module project whose `pyts/runtime` and
 * `pyts/runtime/*` imports resolve to `src/runtime/index.ts` and `src/runtime/<module>/index.ts`, and runs
 * `tsc --noEmit --strict` over all of them at once.
 */
export function typeCheck(files: ReadonlyMap<string, string>): TypeCheckResult {
  const folder = mkdtempSync(join(tmpdir(), 'pyts-type-check-'));
  try {
    for (const [path, code] of files) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), code);
    }
    // Emitted files use top-level await, which needs ES-module files.
    writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
    const runtime = join(repoRoot, 'src', 'runtime');
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023'],
        types: ['node'],
        typeRoots: [join(repoRoot, 'node_modules', '@types')],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        paths: {
          'pyts/runtime': [join(runtime, 'index.ts')],
          'pyts/runtime/*': [join(runtime, '*', 'index.ts')],
        },
      },
      include: ['**/*.ts'],
    };
    writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const tsc = join(repoRoot, 'node_modules', '.bin', 'tsc');
    const result = spawnSync(tsc, ['-p', 'tsconfig.json', '--pretty', 'false'], { cwd: folder, encoding: 'utf8' });
    return { exitCode: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
