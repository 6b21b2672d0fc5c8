// convert, check and diff over trees: sources named as files, folders and globs, .gitignore and exclude, the config
// file, prettier config, the output folder's safety rules, check's report formats, diff's colours, shards and the
// cache. Every case runs the real CLI on a temporary project.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { transpile } from '../../src/api.js';
import { runPyts, type ProcessResult, type RunOptions } from '../helpers/run-pyts.js';
import { tempFolder } from '../helpers/temp-folder.js';

const counter = 'for i in range(3):\n    print(i)\n';
const greeter = 'async def greet(name):\n    print("hello", name)\n';
const syntaxError = 'def broken(:\n    pass\n';

/** Runs pyts with a cache of its own, so that no test sees translations another one cached. */
function pyts(args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  return runPyts(args, { ...options, env: { PYTS_CACHE_DIR: tempFolder(), ...options.env } });
}

async function expectedTypeScript(
  source: string,
  filename: string,
  prettierOptions?: Record<string, unknown>,
): Promise<string> {
  const { code } = await transpile(source, { filename, ...(prettierOptions ? { prettierOptions } : {}) });
  if (code === null) throw new Error(`the translator refused ${filename}`);
  return code;
}

/** Every file below `folder` (relative paths, sorted). */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

/** Path, size, modification time and content of every file below `folder`: equal snapshots mean nothing was written. */
function treeSnapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(folder).map((path) => {
      const stats = statSync(join(folder, path));
      return [path, `${stats.size} ${stats.mtimeMs} ${readFileSync(join(folder, path), 'utf8')}`];
    }),
  );
}

describe('which sources a tree command works on', () => {
  test('several sources: files, folders and globs, each mirrored below its own base', async () => {
    const folder = tempFolder({
      'app/main.py': counter,
      'app/sub/deep.py': counter,
      'lib/tools/one.py': counter,
      'lib/tools/two.py': counter,
      'lib/tools/notes.txt': 'not Python',
      'single.py': counter,
    });
    const result = await pyts(['convert', 'app', 'lib/**/*.py', 'single.py', '--out-dir', 'out'], { cwd: folder });
    expect(result).toMatchObject({ stdout: 'Converted 5 files of 5 into out.\n', stderr: '', exitCode: 0 });
    expect(filesUnder(join(folder, 'out'))).toEqual([
      'main.ts',
      'single.ts',
      'sub/deep.ts',
      'tools/one.ts',
      'tools/two.ts',
    ]);
  });

  test('.gitignore files (nested ones too) and exclude globs from the flag and the config leave files out', async () => {
    const folder = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n',
      'src/.gitignore': 'generated_*.py\n!generated_keep.py\n',
      'src/a.py': counter,
      'src/build/b.py': counter,
      'src/generated_c.py': counter,
      'src/generated_keep.py': counter,
      'src/test_d.py': counter,
      'src/vendor/e.py': counter,
      'src/node_modules/f.py': counter,
      'src/__pycache__/g.py': counter,
      'pyts.config.json': JSON.stringify({ exclude: ['test_*.py'] }),
    });
    const result = await pyts(['convert', 'src', '--out-dir', 'out', '--exclude', 'src/vendor'], { cwd: folder });
    expect(result).toMatchObject({ stdout: 'Converted 2 files of 2 into out.\n', exitCode: 0 });
    expect(filesUnder(join(folder, 'out'))).toEqual(['a.ts', 'generated_keep.ts']);
  });

  test('a folder named outright is searched even when .gitignore ignores it; rules still apply below it', async () => {
    const folder = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '/vendored\n*_pb2.py\n',
      'vendored/lib/a.py': counter,
      'vendored/lib/b_pb2.py': counter,
    });
    const result = await pyts(['convert', 'vendored/lib', '--out-dir', 'out'], { cwd: folder });
    expect(result).toMatchObject({ stdout: 'Converted 1 file of 1 into out.\n', exitCode: 0 });
    expect(filesUnder(join(folder, 'out'))).toEqual(['a.ts']);
  });

  test('a glob keeps only Python files; a glob or folder holding none is a usage error', async () => {
    const folder = tempFolder({ 'lib/a.py': counter, 'lib/notes.txt': 'not Python', 'docs/readme.txt': 'docs' });
    const result = await pyts(['convert', 'lib/*', '--out-dir', 'out'], { cwd: folder });
    expect(result).toMatchObject({ stdout: 'Converted 1 file of 1 into out.\n', stderr: '', exitCode: 0 });
    for (const source of ['lib/*.pyy', 'docs']) {
      const empty = await pyts(['check', source, '--out-dir', 'out'], { cwd: folder });
      expect(empty).toMatchObject({ stderr: `error: '${source}' holds no Python file to translate\n`, exitCode: 2 });
    }
  });

  test('a file named outright is translated even when an exclude glob matches it', async () => {
    const folder = tempFolder({ 'test_a.py': counter, 'pyts.config.json': JSON.stringify({ exclude: ['test_*.py'] }) });
    const result = await pyts(['convert', 'test_a.py', '--out-dir', 'out'], { cwd: folder });
    expect(result).toMatchObject({ stdout: 'Converted 1 file of 1 into out.\n', exitCode: 0 });
  });
});

describe('the config file', () => {
  test('pyts.config.json gives include, exclude, outDir and runtimeImport, relative to its own folder', async () => {
    const folder = tempFolder({
      'pyts.config.json': JSON.stringify({
        include: ['src'],
        exclude: ['**/skip.py'],
        outDir: 'generated',
        runtimeImport: '@acme/pyts-runtime',
      }),
      'src/a.py': counter,
      'src/skip.py': counter,
      'src/inner/placeholder.txt': '',
    });
    // Run from a subfolder: the config is found above, and its paths stay relative to its own folder.
    const result = await pyts(['convert'], { cwd: join(folder, 'src', 'inner') });
    expect(result).toMatchObject({ stdout: 'Converted 1 file of 1 into ../../generated.\n', exitCode: 0 });
    expect(readFileSync(join(folder, 'generated', 'a.ts'), 'utf8')).toBe(
      (await expectedTypeScript(counter, 'src/a.py')).replace('"pyts/runtime"', '"@acme/pyts-runtime"'),
    );
  });

  test('flags override the config', async () => {
    const folder = tempFolder({
      'pyts.config.json': JSON.stringify({ include: ['src'], outDir: 'generated', runtimeImport: '@acme/rt' }),
      'src/a.py': counter,
      'other/b.py': counter,
    });
    const result = await pyts(['convert', 'other', '--out-dir', 'out', '--runtime-import', './rt.js'], { cwd: folder });
    expect(result).toMatchObject({ stdout: 'Converted 1 file of 1 into out.\n', exitCode: 0 });
    expect(filesUnder(folder).filter((path) => path.endsWith('.ts'))).toEqual(['out/b.ts']);
    expect(readFileSync(join(folder, 'out', 'b.ts'), 'utf8')).toContain('from "./rt.js"');
  });

  test('[tool.pyts] in pyproject.toml, with kebab-case keys', async () => {
    const folder = tempFolder({
      'pyproject.toml': '[project]\nname = "demo"\n\n[tool.pyts]\ninclude = ["src"]\nout-dir = "ts"\n',
      'src/a.py': counter,
    });
    const result = await pyts(['convert'], { cwd: folder });
    expect(result).toMatchObject({ stdout: 'Converted 1 file of 1 into ts.\n', exitCode: 0 });
    expect(existsSync(join(folder, 'ts', 'a.ts'))).toBe(true);
  });

  test('an unknown setting or a wrong type is a usage error naming the file', async () => {
    const folder = tempFolder({ 'pyts.config.json': JSON.stringify({ outdir: 'x' }), 'a.py': counter });
    const result = await pyts(['convert', 'a.py', '--out-dir', 'out'], { cwd: folder });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `error: ${join(folder, 'pyts.config.json')}: unknown setting 'outdir' (known: include, exclude, outDir, runtimeImport, rootDir)\n`,
    );
    writeFileSync(join(folder, 'pyts.config.json'), JSON.stringify({ exclude: 'tests' }));
    const wrongType = await pyts(['convert', 'a.py', '--out-dir', 'out'], { cwd: folder });
    expect(wrongType).toMatchObject({
      stderr: expect.stringContaining("'exclude' must be a list of strings") as string,
      exitCode: 2,
    });
  });

  test("the output follows the project's prettier config", async () => {
    const prettierrc = { singleQuote: true, useTabs: true, semi: false };
    const folder = tempFolder({ '.prettierrc': JSON.stringify(prettierrc), 'src/a.py': greeter });
    const result = await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder });
    expect(result.exitCode).toBe(0);
    const output = readFileSync(join(folder, 'out', 'a.ts'), 'utf8');
    expect(output).toBe(await expectedTypeScript(greeter, 'src/a.py', prettierrc));
    expect(output).toMatch(/^\tprint\('hello', name\)$/m);
  });
});

describe('the output folder', () => {
  test('a source outside --root-dir would climb out of OUT with ..: refused, nothing written outside', async () => {
    const folder = tempFolder({ 'src/pkg/a.py': counter, 'src/b.py': counter });
    const result = await pyts(['convert', 'src', '--root-dir', 'src/pkg', '--out-dir', 'out'], { cwd: folder });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      "src/b.py - error PYTS6003: 'out/../b.ts' would be written outside the output folder 'out'; it was not written.",
    );
    expect(filesUnder(folder).filter((path) => path.endsWith('.ts'))).toEqual(['out/a.ts']);
  });

  test('a symbolic link in OUT that leads elsewhere is not written through', async () => {
    const folder = tempFolder({ 'src/pkg/a.py': counter, 'src/b.py': counter });
    const elsewhere = tempFolder();
    mkdirSync(join(folder, 'out'));
    symlinkSync(elsewhere, join(folder, 'out', 'pkg'));
    const result = await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("src/pkg/a.py - error PYTS6003: 'out/pkg/a.ts' would be written outside");
    expect(result.stderr).toContain('hint: A symbolic link inside the output folder leads out of it.');
    expect(filesUnder(elsewhere)).toEqual([]);
    expect(readFileSync(join(folder, 'out', 'b.ts'), 'utf8')).toBe(await expectedTypeScript(counter, 'src/b.py'));
  });

  test('two sources mapping to one output are both refused', async () => {
    const folder = tempFolder({ 'app/util.py': counter, 'lib/util.py': greeter });
    const result = await pyts(['convert', 'app', 'lib', '--out-dir', 'out'], { cwd: folder });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      "app/util.py - error PYTS6004: 'app/util.py' and 'lib/util.py' would both be written to 'out/util.ts'; neither was written.",
    );
    expect(existsSync(join(folder, 'out', 'util.ts'))).toBe(false);
  });

  test('an unchanged output is not rewritten', async () => {
    const folder = tempFolder({ 'src/a.py': counter, 'src/b.py': counter });
    expect((await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder })).exitCode).toBe(0);
    const before = statSync(join(folder, 'out', 'a.ts')).mtimeMs;
    writeFileSync(join(folder, 'src', 'b.py'), greeter);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder })).exitCode).toBe(0);
    expect(statSync(join(folder, 'out', 'a.ts')).mtimeMs).toBe(before);
    expect(readFileSync(join(folder, 'out', 'b.ts'), 'utf8')).toBe(await expectedTypeScript(greeter, 'src/b.py'));
  });
});

describe('pyts check', () => {
  /** A converted project in which b.ts was then edited, c.py added, and d.py broken. */
  async function driftedProject(): Promise<string> {
    const folder = tempFolder({ 'src/a.py': counter, 'src/b.py': counter, 'src/d.py': counter });
    expect((await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder })).exitCode).toBe(0);
    writeFileSync(join(folder, 'out', 'b.ts'), '// edited\n');
    writeFileSync(join(folder, 'src', 'c.py'), counter);
    writeFileSync(join(folder, 'src', 'd.py'), syntaxError);
    return folder;
  }

  test('writes nothing in the project, whatever it finds', async () => {
    const folder = await driftedProject();
    const before = treeSnapshot(folder);
    for (const format of ['pretty', 'json', 'github']) {
      const result = await pyts(['check', 'src', '--out-dir', 'out', '--format', format], { cwd: folder });
      expect(result.exitCode).toBe(1);
    }
    expect(treeSnapshot(folder)).toEqual(before);
  });

  test('--format json prints each file with its status and diagnostics, and a summary', async () => {
    const folder = await driftedProject();
    const result = await pyts(['check', 'src', '--out-dir', 'out', '--format', 'json'], { cwd: folder });
    expect(result).toMatchObject({ stderr: '', exitCode: 1 });
    expect(JSON.parse(result.stdout)).toEqual({
      files: [
        { file: 'src/a.py', status: 'ok', diagnostics: [] },
        { file: 'src/b.py', status: 'stale', diagnostics: [] },
        { file: 'src/c.py', status: 'missing', diagnostics: [] },
        {
          file: 'src/d.py',
          status: 'error',
          diagnostics: [
            {
              code: 'PYTS1001',
              severity: 'error',
              message: 'invalid syntax',
              line: 1,
              column: 12,
              endLine: 1,
              endColumn: 12,
              hint: null,
            },
          ],
        },
      ],
      summary: { total: 4, ok: 1, stale: 1, missing: 1, error: 1, 'internal-error': 0 },
    });
  });

  test('--format github prints workflow annotations for diagnostics and out-of-date outputs', async () => {
    const folder = await driftedProject();
    const result = await pyts(['check', 'src', '--out-dir', 'out', '--format', 'github'], { cwd: folder });
    expect(result).toMatchObject({ stderr: '', exitCode: 1 });
    expect(result.stdout.split('\n')).toEqual([
      '::error file=src/b.py,title=pyts check%3A stale::out/b.ts is stale: run pyts convert to update it.',
      '::error file=src/c.py,title=pyts check%3A missing::out/c.ts is missing: run pyts convert to update it.',
      '::error file=src/d.py,line=1,col=12,endLine=1,endColumn=12,title=PYTS1001::invalid syntax',
      '',
    ]);
  });

  test('exits with 0 and says so when everything is up to date', async () => {
    const folder = tempFolder({ 'src/a.py': counter });
    expect((await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder })).exitCode).toBe(0);
    const result = await pyts(['check', 'src', '--out-dir', 'out'], { cwd: folder });
    expect(result).toMatchObject({ stdout: 'All 1 outputs are up to date.\n', stderr: '', exitCode: 0 });
  });

  test('agrees with convert from whichever folder it runs in (the output names no path pyts was given)', async () => {
    // a coroutine function and __file__ make the emitted code name its Python file
    const namesItsFile = `${greeter}print(__file__)\n`;
    const folder = tempFolder({ 'src/pkg/a.py': namesItsFile });
    expect((await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder })).exitCode).toBe(0);
    for (const [cwd, args] of [
      ['src', ['check', '.', '--out-dir', '../out']],
      ['src/pkg', ['check', '..', '--out-dir', '../../out']],
      ['.', ['check', './src/', '--out-dir', 'out']],
    ] as const) {
      const result = await pyts(args, { cwd: join(folder, cwd) });
      expect(result).toMatchObject({ stdout: 'All 1 outputs are up to date.\n', exitCode: 0 });
    }
  });
});

describe('pyts diff', () => {
  async function staleProject(): Promise<string> {
    const folder = tempFolder({ 'src/a.py': counter });
    expect((await pyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder })).exitCode).toBe(0);
    writeFileSync(join(folder, 'out', 'a.ts'), '// edited\n');
    return folder;
  }

  test('is plain when piped', async () => {
    const folder = await staleProject();
    const result = await pyts(['diff', 'src', '--out-dir', 'out'], { cwd: folder });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^--- out\/a\.ts\n\+\+\+ out\/a\.ts\n@@ -1,1 \+1,\d+ @@\n-\/\/ edited\n\+import/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  test('is coloured as git colours it when colour is asked for (FORCE_COLOR, as on a terminal)', async () => {
    const folder = await staleProject();
    const result = await pyts(['diff', 'src', '--out-dir', 'out'], { cwd: folder, env: { FORCE_COLOR: '1' } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('\u001b[1m--- out/a.ts\u001b[0m\n');
    expect(result.stdout).toContain('\u001b[31m-// edited\u001b[0m\n');
    expect(result.stdout).toMatch(/\u001b\[32m\+import .*\u001b\[0m\n/);
  });
});

describe('large trees', () => {
  test('--shard i/n splits the files into disjoint parts that cover them all, the same on every run', async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`src/m${i}.py`, counter]));
    const folder = tempFolder(files);
    const parts: string[][] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const out = `out${shard[0]}`;
      const result = await pyts(['convert', 'src', '--out-dir', out, '--shard', shard], { cwd: folder });
      expect(result.exitCode).toBe(0);
      parts.push(filesUnder(join(folder, out)));
      const again = await pyts(['check', 'src', '--out-dir', out, '--shard', shard], { cwd: folder });
      expect(again.exitCode).toBe(0);
    }
    expect(parts.flat().sort()).toEqual(
      Object.keys(files)
        .map((path) => path.replace(/^src\/(.*)\.py$/, '$1.ts'))
        .sort(),
    );
    expect(parts.every((part) => part.length > 0)).toBe(true);
  });

  test('--shard that is not INDEX/COUNT is a usage error', async () => {
    const result = await pyts(['convert', '.', '--out-dir', 'out', '--shard', '4/3'], { cwd: tempFolder() });
    expect(result).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('--shard takes INDEX/COUNT') as string,
    });
  });

  // with two threads and more, some threads translate and the others format (translator() in project.ts)
  test.each([[[]], [['--source-map']]])('worker threads write the same outputs as one thread %j', async (flags) => {
    const sources = [
      counter,
      greeter,
      'import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n\nasyncio.run(main())\n',
      'x = (\n',
    ];
    const files = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`src/m${i}.py`, sources[i % 4]!]));
    const folder = tempFolder(files);
    const pooled = await pyts(['convert', 'src', '--out-dir', 'pooled', '--jobs', '2', ...flags], { cwd: folder });
    const single = await pyts(['convert', 'src', '--out-dir', 'single', '--jobs', '1', ...flags], { cwd: folder });
    expect(pooled).toMatchObject({ stdout: 'Converted 18 files of 24 into pooled; 6 files with errors.\n', exitCode: 1 });
    expect(pooled.stderr).toBe(single.stderr.replaceAll('single', 'pooled'));
    const written = filesUnder(join(folder, 'single'));
    expect(written).toHaveLength(flags.length ? 36 : 18);
    for (const path of written) {
      expect(readFileSync(join(folder, 'pooled', path), 'utf8')).toBe(
        readFileSync(join(folder, 'single', path), 'utf8'),
      );
    }
  });

  test('a re-run takes unchanged files from the cache, and translates again what changed', async () => {
    const folder = tempFolder({
      'src/a.py': counter,
      'src/b.py': counter,
      'src/c.py': 'import helper\n',
      'src/helper.py': 'x = 1\n',
    });
    const cache = { PYTS_CACHE_DIR: tempFolder() };
    const first = await runPyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder, env: cache });
    expect(first).toMatchObject({ stdout: 'Converted 4 files of 4 into out.\n', exitCode: 0 });
    const unchanged = await runPyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder, env: cache });
    expect(unchanged.stdout).toBe('Converted 4 files of 4 into out (4 unchanged since the last run).\n');
    writeFileSync(join(folder, 'src', 'b.py'), greeter);
    // c.py's translation depends on `helper` being a module of the program: removing it invalidates c.py.
    rmSync(join(folder, 'src', 'helper.py'));
    const changed = await runPyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder, env: cache });
    expect(changed.stdout).toBe(
      'Converted 3 files of 3 into out (1 unchanged since the last run); 1 file with errors.\n',
    );
    expect(changed.stderr).toMatch(/^src\/c\.py:1:\d+ - error PYTS3004: /m);
    expect(readFileSync(join(folder, 'out', 'b.ts'), 'utf8')).toBe(await expectedTypeScript(greeter, 'src/b.py'));
    const uncached = await runPyts(['convert', 'src', '--out-dir', 'out', '--no-cache'], { cwd: folder, env: cache });
    expect(uncached.stdout).toBe('Converted 3 files of 3 into out; 1 file with errors.\n');
  });
});
