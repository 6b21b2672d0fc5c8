// `pyts convert`, `check` and `diff` on small temporary projects. What the TypeScript looks like is the fixtures'
// business: here the CLI's output must be exactly what the API returns, in the right place.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { transpile } from '../../src/api.js';
import { runPyts, type ProcessResult, type RunOptions } from '../helpers/run-pyts.js';
import { tempFolder } from '../helpers/temp-folder.js';

const greeter =
  'import asyncio\n\n\nasync def greet(name):\n    print("hello", name)\n\n\nasyncio.run(greet("world"))\n';
const counter = 'for i in range(3):\n    print(i)\n';
const syntaxError = 'print("never printed")\ndef broken(:\n    pass\n';

/** Runs pyts with a cache of its own, so that no test sees translations another one cached. */
function pyts(args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  return runPyts(args, { ...options, env: { PYTS_CACHE_DIR: tempFolder(), ...options.env } });
}

async function expectedTypeScript(source: string, filename: string): Promise<string> {
  const { code } = await transpile(source, { filename });
  if (code === null) throw new Error(`the translator refused ${filename}`);
  return code;
}

describe('pyts convert', () => {
  test('FILE.py prints the TypeScript on stdout', async () => {
    const folder = tempFolder({ 'greet.py': greeter });
    const result = await pyts(['convert', 'greet.py'], { cwd: folder });
    expect(result).toMatchObject({ stdout: await expectedTypeScript(greeter, 'greet.py'), stderr: '', exitCode: 0 });
  });

  test('-o FILE.ts writes the TypeScript there and prints nothing', async () => {
    const folder = tempFolder({ 'greet.py': greeter });
    const result = await pyts(['convert', 'greet.py', '-o', 'out/greet.ts'], { cwd: folder });
    expect(result).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(readFileSync(join(folder, 'out', 'greet.ts'), 'utf8')).toBe(await expectedTypeScript(greeter, 'greet.py'));
  });

  test('- reads standard input, named <stdin>', async () => {
    // In a folder without a prettier config (the repository's own would apply otherwise).
    const result = await pyts(['convert', '-'], { input: counter, cwd: tempFolder() });
    expect(result).toMatchObject({ stdout: await expectedTypeScript(counter, '<stdin>'), exitCode: 0 });
  });

  test('DIR --out-dir OUT mirrors the tree of .py files and prints a summary', async () => {
    const folder = tempFolder({
      'src/greet.py': greeter,
      'src/tools/count.py': counter,
      'src/notes.txt': 'not Python',
    });
    const result = await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder });
    expect(result).toMatchObject({ stdout: 'Converted 2 files of 2 into out.\n', stderr: '', exitCode: 0 });
    expect(readFileSync(join(folder, 'out', 'greet.ts'), 'utf8')).toBe(
      await expectedTypeScript(greeter, join('src', 'greet.py')),
    );
    expect(readFileSync(join(folder, 'out', 'tools', 'count.ts'), 'utf8')).toBe(
      await expectedTypeScript(counter, join('src', 'tools', 'count.py')),
    );
    expect(existsSync(join(folder, 'out', 'notes.ts'))).toBe(false);
  });

  test('a folder without --out-dir is a usage error', async () => {
    const folder = tempFolder({ 'src/greet.py': greeter });
    const result = await pyts(['convert', 'src'], { cwd: folder });
    expect(result).toMatchObject({ stderr: 'error: give --out-dir, or set "outDir" in pyts.config.json\n', exitCode: 2 });
  });

  test('a syntax error is reported in tsc form on stderr, exit code 1, nothing written', async () => {
    const folder = tempFolder({ 'broken.py': syntaxError });
    const result = await pyts(['convert', 'broken.py', '-o', 'broken.ts'], { cwd: folder });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^broken\.py:2:\d+ - error PYTS1\d{3}: /m);
    expect(existsSync(join(folder, 'broken.ts'))).toBe(false);
  });

  test('a warning is printed on stderr but does not change the exit code', async () => {
    const removedApi =
      'import asyncio\n\n\nasync def main():\n    print(len(asyncio.Task.all_tasks()))\n\n\nasyncio.run(main())\n';
    const folder = tempFolder({ 'old.py': removedApi });
    const result = await pyts(['convert', 'old.py'], { cwd: folder });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(await expectedTypeScript(removedApi, 'old.py'));
    expect(result.stderr).toMatch(/^old\.py:5:\d+ - warning PYTS\d{4}: /m);
  });

  test('--format json prints the diagnostics as one JSON document', async () => {
    const folder = tempFolder({ 'src/a.py': syntaxError, 'src/b.py': syntaxError });
    const result = await pyts(['convert', 'src', '--out-dir', 'out', '--format', 'json'], { cwd: folder });
    expect(result.exitCode).toBe(1);
    expect(() => JSON.parse(result.stderr) as unknown).not.toThrow();
    expect(result.stderr).toContain('PYTS1');
  });
});

describe('pyts convert of a program made of several modules', () => {
  const importer = 'from helpers import work\n\n\nasync def main():\n    c = work(1)\n    print(await c)\n';

  test('an importer is translated again when a module it imports changes what it defines, though its own bytes did not', async () => {
    const folder = tempFolder({ 'src/app.py': importer, 'src/helpers.py': 'def work(n):\n    return n\n' });
    const env = { PYTS_CACHE_DIR: tempFolder() };
    const first = await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder, env });
    expect(first).toMatchObject({ stderr: '', exitCode: 0 });
    expect(readFileSync(join(folder, 'out', 'app.ts'), 'utf8')).toContain('const c = work(1);');

    writeFileSync(join(folder, 'src', 'helpers.py'), 'async def work(n):\n    return n\n');
    const second = await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder, env });
    expect(second).toMatchObject({ stderr: '', exitCode: 0 });
    const app = readFileSync(join(folder, 'out', 'app.ts'), 'utf8');
    expect(app).toContain('const c = coro(work, 1);');
    expect(app).toBe(await expectedTypeScript(importer, join(folder, 'src', 'app.py')));
  });

  test('a change in an imported module that leaves its summary alone keeps the cached importer', async () => {
    const folder = tempFolder({ 'src/app.py': importer, 'src/helpers.py': 'async def work(n):\n    return n\n' });
    const env = { PYTS_CACHE_DIR: tempFolder() };
    await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder, env });
    writeFileSync(join(folder, 'src', 'helpers.py'), 'async def work(n):\n    return n + 1\n');
    const second = await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder, env });
    expect(second.stdout).toContain('(1 unchanged since the last run)');
  });
});

describe('pyts check and pyts diff', () => {
  async function convertedProject(): Promise<string> {
    const folder = tempFolder({ 'src/greet.py': greeter, 'src/count.py': counter });
    const converted = await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder });
    expect(converted.exitCode).toBe(0);
    return folder;
  }

  test('check exits with 0 when every output is up to date', async () => {
    const folder = await convertedProject();
    const result = await pyts(['check', 'src', '--out-dir', 'out'], { cwd: folder });
    expect(result).toMatchObject({ stdout: 'All 2 outputs are up to date.\n', exitCode: 0 });
  });

  test('check names the stale and missing outputs, exits with 1 and writes nothing', async () => {
    const folder = await convertedProject();
    writeFileSync(join(folder, 'out', 'greet.ts'), '// edited by hand\n');
    writeFileSync(join(folder, 'src', 'new.py'), counter);
    const result = await pyts(['check', 'src', '--out-dir', 'out'], { cwd: folder });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(
      'out/greet.ts: stale\nout/new.ts: missing\n2 of 3 outputs are missing, stale or have errors.\n',
    );
    expect(readFileSync(join(folder, 'out', 'greet.ts'), 'utf8')).toBe('// edited by hand\n');
    expect(existsSync(join(folder, 'out', 'new.ts'))).toBe(false);
  });

  test('diff prints a unified diff of what convert would change and exits with 1', async () => {
    const folder = await convertedProject();
    writeFileSync(join(folder, 'out', 'greet.ts'), '// edited by hand\n');
    const result = await pyts(['diff', 'src', '--out-dir', 'out'], { cwd: folder });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^--- out\/greet\.ts\n\+\+\+ out\/greet\.ts\n@@ /);
    expect(result.stdout).toContain('\n-// edited by hand\n');
  });

  test('diff prints nothing and exits with 0 when the outputs are up to date', async () => {
    const folder = await convertedProject();
    const result = await pyts(['diff', 'src', '--out-dir', 'out'], { cwd: folder });
    expect(result).toMatchObject({ stdout: '', exitCode: 0 });
  });
});
