// Every diagnostic code has a page (`pyts explain`) and a case in fixtures/diagnostics/ that makes pyts report it.
// A case is `<name>.py` (run as `pyts convert fixtures/diagnostics/<name>.py`) or a folder `<name>/` holding the
// `command` to run (one argument a line) in a temporary copy of it, after its `generate.mjs` when there is one
// (for inputs too large to keep). Its rendered stderr is the snapshot `<name>.diag`.
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { diagnosticsCasesRoot, repoRoot } from '../../scripts/lib/fixtures.mjs';
import { transpile } from '../../src/api.js';
import { CODES, lookupCode } from '../../src/diagnostics/codes.js';
import { explainCode } from '../../src/diagnostics/render/explain.js';
import { runProcess, runPyts, type ProcessResult } from '../helpers/run-pyts.js';
import { tempFolder } from '../helpers/temp-folder.js';

/** Codes no input can trigger, with the reason; each still has a page, and a test below for its reporting path. */
const withoutCase: Record<string, string> = {
  PYTS9001: 'an internal error is a bug in pyts: a case that triggered one would be fixed, not kept',
};

const cases = readdirSync(diagnosticsCasesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() || entry.name.endsWith('.py'))
  .map((entry) => entry.name.replace(/\.py$/, ''))
  .sort();

async function runCase(name: string): Promise<ProcessResult> {
  const folder = join(diagnosticsCasesRoot, name);
  if (!existsSync(folder)) return runPyts(['convert', relative(repoRoot, `${folder}.py`)], { cwd: repoRoot });
  const copy = tempFolder();
  cpSync(folder, copy, { recursive: true });
  if (existsSync(join(copy, 'generate.mjs'))) {
    expect((await runProcess(process.execPath, ['generate.mjs'], { cwd: copy })).exitCode).toBe(0);
  }
  const args = readFileSync(join(copy, 'command'), 'utf8').split('\n').filter(Boolean);
  return runPyts(args, { cwd: copy, env: { PYTS_CACHE_DIR: tempFolder() } });
}

describe('each case in fixtures/diagnostics reports the code it is named after', () => {
  test.each(cases)(
    '%s',
    async (name) => {
      const info = lookupCode(name);
      expect(info, `'${name}' is not the name of a code in src/diagnostics/codes.ts`).toBeDefined();
      const result = await runCase(name);
      expect(result.stderr).toMatch(new RegExp(` - ${info!.severity} ${info!.code}: `));
      // Warnings alone leave the exit code at 0; any error makes it 1.
      expect(result.exitCode).toBe(/ - error PYTS\d{4}: /.test(result.stderr) ? 1 : 0);
      await expect(result.stderr).toMatchFileSnapshot(join(diagnosticsCasesRoot, `${name}.diag`));
    },
    60_000,
  );
});

describe('every code', () => {
  test.each(CODES.map((info) => [info.code, info.name]))('%s %s has a page and a case', (code, name) => {
    const page = explainCode(code);
    for (const section of ['## What it flags', '## Why', '## Example', '## Instead']) expect(page).toContain(section);
    if (code in withoutCase) return;
    expect(
      cases,
      `add fixtures/diagnostics/${name}.py (or a folder with a command) that makes pyts report ${code}`,
    ).toContain(name);
  });

  test('PYTS9001 is what the API reports when translating throws, naming the file', async () => {
    const result = await transpile('import helper\n', {
      filename: 'app.py',
      resolveModule: () => {
        throw new Error('lookup failed');
      },
    });
    expect(result.code).toBeNull();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'PYTS9001', file: 'app.py' })]);
    expect(result.diagnostics[0]!.message).toContain('lookup failed');
  });
});
